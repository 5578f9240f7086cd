import * as fc from "fast-check";
import { lineOf } from "../../log/chain.js";
import { fromArray } from "../../projection/source.js";
import type { AnyProjection } from "../../projection/projection.js";
import type { Period } from "../../time/period.js";
import { buildLog, type LogScript } from "../log.js";
import { assertSame, assertSameBytes, periodsOf, replayerOf, type LawSubject } from "./common.js";

/**
 * Determinism: the same script gives the same log bytes, and the same log gives the same result
 * (compared as `assertSame` compares, Maps and Sets by their contents, with the order of keys,
 * entries and members counting too, as it does in printed bytes), however often it is built and
 * replayed. Comparing JSON would let a Map of random values pass: JSON prints it as `{}` both times.
 */
export const determinismLaw = (projection: AnyProjection, subject: LawSubject): fc.IAsyncPropertyWithHooks<[LogScript, Period]> =>
  fc.asyncProperty(subject.log, periodsOf(subject), async (script, period) => {
    const first = await buildLog(subject.catalog, script);
    const second = await buildLog(subject.catalog, script);
    assertSameBytes("determinism: the same script must give the same log bytes", first.events.map(lineOf).join("\n"), second.events.map(lineOf).join("\n"));
    const run = replayerOf(subject);
    const a = await run(fromArray(first.events), subject.catalog, projection, { period });
    const b = await run(fromArray(second.events), subject.catalog, projection, { period });
    assertSame(`determinism: ${projection.name} for ${period.name} must give the same result, key order included`, a, b, { keyOrder: true });
  });
