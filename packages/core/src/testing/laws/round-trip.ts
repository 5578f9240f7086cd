import * as fc from "fast-check";
import type { EventDefinition } from "../../events/definition.js";
import { canonicalJson } from "../../log/canonical-json.js";
import { assertSame, LawViolation } from "./common.js";

/**
 * Codec round trip for one event type's latest version: every generated value decodes; encoding
 * the decoded value gives back the same JSON; and the value survives the trip through a stored
 * line (canonical JSON text and back) unchanged.
 */
export const codecRoundTripLaw = (definition: EventDefinition, data: fc.Arbitrary<unknown>): fc.IPropertyWithHooks<[unknown]> =>
  fc.property(data, (value) => {
    const codec = definition.latest.data;
    const decoded = codec.decode(value);
    if (decoded._tag === "Left") throw new LawViolation(`round trip: ${definition.type} refused a generated value: ${canonicalJson(value)}`);
    assertSame(`round trip: encode ∘ decode must be the identity for ${definition.type}`, value, codec.encode(decoded.right), { root: "data" });
    const reread = codec.decode(JSON.parse(canonicalJson(value)));
    if (reread._tag === "Left") throw new LawViolation(`round trip: ${definition.type} refused its own canonical JSON`);
    assertSame(`round trip: ${definition.type} through canonical JSON`, decoded.right, reread.right, { root: "data" });
  });
