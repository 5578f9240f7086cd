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
    expect(rulesFingerprint(withRules([{ ...first, revision: 2 }, ...rest]))).not.toBe(rulesFingerprint(defaultCatalog));
    expect(rulesFingerprint(withRules([{ ...first, learnsFrom: [...(first.learnsFrom ?? []), "another.type"] }, ...rest]))).not.toBe(rulesFingerprint(defaultCatalog));
    expect(rulesFingerprint(withRules([{ ...first, name: `${first.name}-renamed` }, ...rest]))).not.toBe(rulesFingerprint(defaultCatalog));
    expect(rulesFingerprint(withRules(rest))).not.toBe(rulesFingerprint(defaultCatalog));
  });
});
