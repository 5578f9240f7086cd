import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CORE_VERSION, createCatalog, defaultCatalog, rulesFingerprint, type ConsistencyRule, type DomainModule } from "@tertial/core";

const withRules = (rules: readonly ConsistencyRule<unknown>[]) => createCatalog([{ name: "rules-only", events: [], rules } satisfies DomainModule]);

describe("what a saved append state is bound to", () => {
  it("is the core's version as published", () => {
    const published = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../package.json"), "utf8")) as { version: string };
    expect(CORE_VERSION).toBe(published.version);
  });

  it("does not depend on how the rules' code is printed (a bundler renames and reindents it), only on their names, revisions and what they learn from", () => {
    const rules = defaultCatalog.rules;
    // The same rules with their functions written otherwise: what esbuild's reprinting amounts to.
    const reprinted = rules.map((rule) => ({ ...rule, init: () => rule.init(), learn: (state: unknown, event: Parameters<typeof rule.learn>[1]) => rule.learn(state, event) }));
    expect(rulesFingerprint(withRules(reprinted))).toBe(rulesFingerprint(withRules(rules)));
    expect(rulesFingerprint(withRules(rules))).toBe(rulesFingerprint(defaultCatalog));
    const [first, ...rest] = rules;
    if (first === undefined) throw new Error("the default catalog has rules");
    expect(rulesFingerprint(withRules([{ ...first, revision: (first.revision ?? 1) + 1 }, ...rest]))).not.toBe(rulesFingerprint(defaultCatalog));
    expect(rulesFingerprint(withRules([{ ...first, learnsFrom: [...(first.learnsFrom ?? []), "another.type"] }, ...rest]))).not.toBe(rulesFingerprint(defaultCatalog));
    expect(rulesFingerprint(withRules([{ ...first, name: `${first.name}-renamed` }, ...rest]))).not.toBe(rulesFingerprint(defaultCatalog));
    expect(rulesFingerprint(withRules(rest))).not.toBe(rulesFingerprint(defaultCatalog));
  });
});

// What each built-in rule's state means, pinned: the code that builds and feeds it (as this test
// runner compiles it) beside the revision it declares. Changing a rule's init or learn fails here
// until its entry is updated; if what its state holds changed, bump the rule's `revision` too, or
// append states saved by the earlier code would be trusted (the fingerprint no longer hashes code).
const PINNED: Readonly<Record<string, { readonly revision: number; readonly code: string }>> = {
  "activities-integrity": { revision: 3, code: "ed9c4d70d36b71ee" },
  "courses-integrity": { revision: 3, code: "f05b9d67a0abe715" },
  "finance-integrity": { revision: 2, code: "90ecec47ef6230a8" },
  "grants-integrity": { revision: 3, code: "55e7894b144b6772" },
  "indicator-integrity": { revision: 1, code: "4df72ffbe05b406a" },
  "meetings-integrity": { revision: 4, code: "81f7825bb78a0132" },
  "narrative-integrity": { revision: 3, code: "489cfc2ed140aa8a" },
  "outline-integrity": { revision: 1, code: "e69d227fba50d6a4" },
  "plan-integrity": { revision: 4, code: "2814d8111cdf71fb" },
  "reference-integrity": { revision: 2, code: "fe270706f3cde6bf" },
  "research-integrity": { revision: 3, code: "57b6c16e68eb492f" },
  "staff-integrity": { revision: 5, code: "4e8732c8badcd87c" },
  "stated-figure-integrity": { revision: 1, code: "5371230c4524ae79" },
  "strategy-integrity": { revision: 3, code: "9b4e3cb05056ae37" },
  "survey-integrity": { revision: 2, code: "ff3d0cc3b2b2bbc3" },
};

describe("the built-in rules' code", () => {
  it("is pinned with the revision it declares", () => {
    const actual = Object.fromEntries(
      defaultCatalog.rules.map((rule) => [rule.name, { revision: rule.revision ?? 1, code: createHash("sha256").update(`${String(rule.init)}\n${String(rule.learn)}`).digest("hex").slice(0, 16) }]),
    );
    expect(actual, "a rule's init or learn changed: update PINNED, and bump the rule's revision if what its state holds changed").toEqual(PINNED);
  });
});
