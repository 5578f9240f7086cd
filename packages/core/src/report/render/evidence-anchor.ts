import type { ReportFigure } from "../document/figure.js";

// A renderer asks for a figure's anchor where the figure stands and again in the evidence appendix,
// and every report of one log asks for the same keys: kept by key (a pure function of it), within a bound.
const ANCHORS_KEPT = 8192;
const anchors = new Map<string, string>();

const isSlugChar = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 48 && code <= 57);

/** The key lower-cased, each run of characters other than a–z and 0–9 made one "-", none at either end; whole runs sliced, as a report has hundreds of figures. */
export const anchorSlug = (key: string): string => {
  const lower = key.toLowerCase();
  let slug = "";
  let runStart = -1;
  for (let index = 0; index <= lower.length; index += 1) {
    const inRun = index < lower.length && isSlugChar(lower.charCodeAt(index));
    if (inRun && runStart === -1) runStart = index;
    else if (!inRun && runStart !== -1) {
      slug += slug === "" ? lower.slice(runStart, index) : `-${lower.slice(runStart, index)}`;
      runStart = -1;
    }
  }
  return slug;
};

/**
 * Where a figure's facts are listed in a rendered report's evidence appendix: its whole key,
 * never cut short, so two figures whose keys share a long beginning (one network's share, its
 * region's, its municipalities') keep apart; a pure function of the key, so the same figure has
 * the same anchor in every rendering of every report, in Markdown and in HTML alike.
 */
export const evidenceAnchor = (figure: ReportFigure): string => {
  let anchor = anchors.get(figure.key);
  if (anchor === undefined) {
    if (anchors.size >= ANCHORS_KEPT) anchors.clear();
    anchors.set(figure.key, (anchor = `underlag-${anchorSlug(figure.key)}`));
  }
  return anchor;
};
