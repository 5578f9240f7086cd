/** 1 at the character codes of 0–9 and a–f. */
const HEX_DIGIT = new Uint8Array(128);
for (const digit of "0123456789abcdef") HEX_DIGIT[digit.charCodeAt(0)] = 1;

/** The last text known to be 64 lowercase hex digits; it starts as one that is (the genesis hash). */
let lastHash = "0".repeat(64);

/**
 * The test of /^[0-9a-f]{64}$/, in a form that costs less: every read checks two hashes a line,
 * and a table looked up without branching costs a fraction of the expression's call. A line's
 * prevHash is the hash the line before had, the last one this accepted: that one is answered by
 * comparing it with that text.
 */
export const isSha256Hex = (text: string): boolean => {
  if (text === lastHash) return true;
  if (text.length !== 64) return false;
  let hex = 1;
  for (let index = 0; index < 64; index += 1) {
    const code = text.charCodeAt(index);
    hex &= code < 128 ? (HEX_DIGIT[code] as number) : 0;
  }
  if (hex === 0) return false;
  lastHash = text;
  return true;
};

/**
 * Remembers a SHA-256 digest this process computed, as if `isSha256Hex` had accepted it. Not part
 * of the package's interface: a caller handing it anything else would make the test above lie.
 */
export const rememberDigest = (digest: string): void => {
  lastHash = digest;
};
