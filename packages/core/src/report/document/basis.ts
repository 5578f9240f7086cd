import type { ReportBlock } from "./blocks.js";
import type { ReportFigure } from "./figure.js";
import { eachFigureOfBlock } from "./walk.js";

type MarkedBasis = "reconstructed" | "illustrative";

/** The mark a figure resting partly on reconstructed or illustrative facts carries, and the footnote that explains it. */
export const BASIS_MARKS: Readonly<Record<MarkedBasis, { readonly mark: string; readonly note: string }>> = {
  reconstructed: { mark: "†", note: "Bygger delvis på rekonstruerade uppgifter." },
  illustrative: { mark: "‡", note: "Bygger delvis på illustrativa uppgifter, inte på verkliga." },
};

/** "†" for a figure from reconstructed facts, "‡" from illustrative ones, "" for recorded. */
export const basisMark = (figure: ReportFigure | null | undefined): string => (figure?.basis === undefined || figure.basis === "recorded" ? "" : BASIS_MARKS[figure.basis].mark);

/** The footnotes a block needs for the marked figures it prints, in a fixed order. */
export const basisFootnotes = (block: ReportBlock): { readonly mark: string; readonly note: string }[] => {
  let reconstructed = false;
  let illustrative = false;
  eachFigureOfBlock(block, (figure) => {
    if (figure.basis === "reconstructed") reconstructed = true;
    else if (figure.basis === "illustrative") illustrative = true;
  });
  return [...(reconstructed ? [BASIS_MARKS.reconstructed] : []), ...(illustrative ? [BASIS_MARKS.illustrative] : [])];
};
