import { didYouMean } from "../events/suggest.js";
import type { FigureLookup, FigureSource } from "./figure-source.js";

/** How many of a domain's figure keys a message lists before it stops ("…"). */
const LISTED = 6;

/**
 * What the figures know of a key they lack, as a parenthesis for a message: the near miss, else the
 * keys of the key's domain, else that no key has that domain. Said from the figures in use (a
 * program's catalog may have more than `tertial figures` lists), never pointing elsewhere.
 */
export const unknownFigureHint = (key: string, figures: FigureLookup): string => {
  const keys = figures.figures.map((source) => source.key);
  const near = didYouMean(key, keys);
  if (near !== "") return near;
  const domain = key.includes(".") ? key.slice(0, key.indexOf(".")) : key;
  const own = keys.filter((each) => each.startsWith(`${domain}.`));
  if (own.length === 0) return ` (no figure's key starts with "${domain}.")`;
  return ` (the figures of ${domain}: ${own.slice(0, LISTED).join(", ")}${own.length > LISTED ? ", …" : ""})`;
};

/** The parameters a figure takes, for a message: "asOf, form", or "none". */
export const paramsTaken = (source: FigureSource): string => {
  const names = Object.keys(source.params);
  return names.length === 0 ? "none" : names.join(", ");
};

/** A parameter name a figure does not take, with the near miss among those it does: "progam (did you mean programme?)". */
export const unknownParamText = (source: FigureSource, name: string): string => `${name}${didYouMean(name, Object.keys(source.params))}`;
