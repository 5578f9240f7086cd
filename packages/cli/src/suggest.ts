// Near-miss suggestions live in the core, where decoding an event names an unknown type too.
export { didYouMean, foldSwedish, matchWord, nearest } from "@tertial/core";
