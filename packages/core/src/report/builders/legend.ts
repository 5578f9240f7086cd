import { REPORT_ACTIVITY_STATUSES, ACTIVITY_STATUS_SYMBOLS, REPORT_METRIC_STATUSES, METRIC_STATUS_SYMBOLS } from "../document/symbols.js";
import type { ReportLegend } from "../document/blocks.js";
import type { ReportSection } from "../document/document.js";

/** Bilaga 1: the symbol legend for metrics and activities, in the house order. */
export const symbolLegend = (): ReportSection => {
  const legend: ReportLegend = {
    kind: "legend",
    groups: [
      { title: "Symbolförteckning för mätetal", entries: REPORT_METRIC_STATUSES.map((status) => ({ symbol: METRIC_STATUS_SYMBOLS[status].symbol, text: METRIC_STATUS_SYMBOLS[status].text })) },
      { title: "Symbolförteckning för aktiviteter", entries: REPORT_ACTIVITY_STATUSES.map((status) => ({ symbol: ACTIVITY_STATUS_SYMBOLS[status].symbol, text: ACTIVITY_STATUS_SYMBOLS[status].text })) },
    ],
  };
  return { id: "bilaga-1", number: "Bilaga 1", title: "Symbolförteckning för mätetal och aktiviteter", blocks: [legend], sections: [] };
};
