import { REPORT_KINDS, type ReportKind } from "@tertial/core";
import { UsageError } from "./command.js";
import { didYouMean, matchWord } from "./suggest.js";

/** A report kind, with or without Swedish letters (delårsrapport = delarsrapport). */
export const parseKind = (text: string): ReportKind => {
  const kind = matchWord(text, REPORT_KINDS);
  if (kind === undefined) throw new UsageError(`--kind must be one of ${REPORT_KINDS.join(", ")}, not "${text}"${didYouMean(text, REPORT_KINDS)}`);
  return kind;
};
