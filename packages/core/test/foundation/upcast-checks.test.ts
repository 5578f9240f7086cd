/**
 * Upcasts are checked twice: by the compiler (each upcast takes its own version's data and must
 * return the next version's), and, for what a cast or plain JavaScript slips past it, by decoding
 * (the lifted data must satisfy the latest codec, or the event is refused with an issue that names
 * the upcast). `tsc -p tsconfig.tools.json`, part of the test command, checks the type-level half:
 * each `@ts-expect-error` fails the type-check when the line below it compiles. An `unchanged`
 * upcast is proven instead, when its type is defined (unchanged-upcasts.test.ts).
 */
import * as t from "io-ts";
import { describe, expect, it } from "vitest";
import { dataIssues, decodeData, defaultCatalog, defineEvent, formatIssue, Id, memoryStore, NonEmptyString, NonNegativeInteger, strictObject, type EventVersion } from "@tertial/core";

const V1 = strictObject("NewsletterSentV1", { newsletterId: Id, recipients: NonNegativeInteger });
const V2 = strictObject("NewsletterSentV2", { newsletterId: Id, recipients: NonNegativeInteger, channel: NonEmptyString });
const V3 = strictObject("NewsletterSentV3", { newsletterId: Id, recipients: NonNegativeInteger, channel: NonEmptyString, audience: NonEmptyString });

const envelope = { id: "x", effectiveAt: "2020-01-01", recordedAt: "2020-01-01T00:00:00.000Z", seq: 0, prevHash: "0".repeat(64), hash: "0".repeat(64) };

describe("upcasts are typed by the versions they join", () => {
  it("infers each upcast's parameter from its version, with no annotation", () => {
    const sent = defineEvent({
      type: "outreach.newsletter-sent",
      description: "versions",
      data: V3,
      older: [
        { version: 1, data: V1, upcast: (v1) => ({ ...v1, channel: "mail" }) },
        { version: 2, data: V2, upcast: (v2) => ({ ...v2, audience: "members" }) },
      ],
    });
    expect(sent.versions.map((version) => version.version)).toEqual([1, 2, 3]);
  });

  it("refuses an upcast that reads a field its version lacks, or returns what the next version is not", () => {
    // Checked by tsc, never run: each line below an @ts-expect-error must fail to compile.
    const doesNotCompile = (): void => {
      // @ts-expect-error v1 has no `no`: the parameter is v1's data, not `any`
      defineEvent({ type: "outreach.a-sent", description: "d", data: V2, older: [{ version: 1, data: V1, upcast: (v1) => ({ ...v1, channel: v1.no }) }] });
      // @ts-expect-error the upcast forgets `channel`, which v2 requires
      defineEvent({ type: "outreach.b-sent", description: "d", data: V2, older: [{ version: 1, data: V1, upcast: (v1) => v1 }] });
      // @ts-expect-error recipients becomes a string, v2 wants a number
      defineEvent({ type: "outreach.c-sent", description: "d", data: V2, older: [{ version: 1, data: V1, upcast: (v1) => ({ ...v1, recipients: String(v1.recipients), channel: "mail" }) }] });
      defineEvent({
        type: "outreach.d-sent",
        description: "d",
        data: V3,
        older: [
          // @ts-expect-error v1's upcast lifts to v2, whose `channel` it leaves out
          { version: 1, data: V1, upcast: (v1) => ({ ...v1, audience: "members" }) },
          { version: 2, data: V2, upcast: (v2) => ({ ...v2, audience: "members" }) },
        ],
      });
    };
    expect(doesNotCompile).toBeTypeOf("function");
  });
});

describe("upcast data is checked against the latest version", () => {
  // What a cast (or a definition in plain JavaScript) lets through: recipients as a string, channel forgotten.
  const wrong: EventVersion = { version: 1, data: V1, upcast: (v1: t.TypeOf<typeof V1>) => ({ newsletterId: v1.newsletterId, recipients: String(v1.recipients) }) };
  const sent = defineEvent({ type: "outreach.newsletter-sent", description: "a faulty upcast", data: V2, older: [wrong] as never });
  const catalog = defaultCatalog.with({ name: "outreach", events: [sent] });
  const stored = { ...envelope, type: sent.type, schemaVersion: 1, data: { newsletterId: "april", recipients: 120 } };

  it("refuses the event, naming the type, the stored version and each field", () => {
    const decoded = decodeData(catalog, stored);
    expect(decoded.ok).toBe(false);
    const issues = decoded.ok ? [] : decoded.issues;
    expect(issues.map((found) => [found.code, found.path])).toEqual([
      ["invalid-field", "data.recipients"],
      ["invalid-field", "data.channel"],
    ]);
    expect(formatIssue(issues[1] ?? issues[0]!)).toMatch(/^data\.channel: is missing once outreach\.newsletter-sent was upcast from version 1 to 2: the stored line is valid, its upcast is wrong/);
    expect(dataIssues(catalog, stored)).toEqual(issues);
  });

  it("keeps events of the latest version and correct upcasts as they were", () => {
    const latest = { ...stored, schemaVersion: 2, data: { newsletterId: "june", recipients: 80, channel: "mail" } };
    expect(decodeData(catalog, latest)).toEqual({ ok: true, event: latest });
    const right = defineEvent({ type: "outreach.newsletter-sent", description: "d", data: V2, older: [{ version: 1, data: V1, upcast: (v1) => ({ ...v1, channel: "mail" }) }] });
    const decoded = decodeData(defaultCatalog.with({ name: "outreach", events: [right] }), stored);
    expect(decoded).toEqual({ ok: true, event: { ...stored, data: { newsletterId: "april", recipients: 120, channel: "mail" } } });
  });

  it("refuses to append an old-version draft its upcast would break", async () => {
    const store = memoryStore({ catalog });
    const outcome = await store.append([{ type: sent.type, schemaVersion: 1, effectiveAt: "2020-02-01", data: { newsletterId: "old", recipients: 4 } }]);
    expect(outcome.ok ? [] : outcome.issues.map((found) => found.path)).toEqual(["data.recipients", "data.channel"]);
  });
});
