/**
 * A domain of your own, end to end: an event type, a consistency rule, a projection, a store,
 * and a replay as known at a date. Run it with `pnpm tsx --conditions=@tertial/source docs/examples/custom-domain.ts`;
 * the test suite runs it too, so it stays true.
 */
import {
  Id,
  KnownReferences,
  NonNegativeInteger,
  REFERENCE_FACTS,
  dec,
  defaultCatalog,
  defineEvent,
  defineProjection,
  defineRule,
  effectiveDateOf,
  contains,
  memoryStore,
  period,
  replay,
  strictObject,
  type DomainModule,
} from "@tertial/core";

// 1. An event type: "<domain>.<fact in the past tense>", a description, and a strict codec.
export const NewsletterSent = defineEvent({
  type: "outreach.newsletter-sent",
  description: "A newsletter went out to the members of an area.",
  data: strictObject("NewsletterSent", { newsletterId: Id, areaId: Id, recipients: NonNegativeInteger }),
});

// 2. A rule against what the log already holds: the area must exist.
const knownArea = defineRule<KnownReferences>({
  name: "outreach-known-area",
  init: () => new KnownReferences(),
  learn: (known, event) => known.learn(event),
  learnsFrom: REFERENCE_FACTS,
  check: (known, event) => (NewsletterSent.is(event) ? known.requireArea(event.data.areaId, "data.areaId") : []),
});

// 3. A projection: a pure fold that selects by effective time (a flow: inside the period).
export const recipientsProjection = defineProjection<{ recipients: number; newsletters: number }, { newsletters: number; recipients: string }>({
  name: "outreach-recipients",
  description: "Newsletters sent and recipients reached in the period.",
  init: () => ({ recipients: 0, newsletters: 0 }),
  evolve: (state, event, { period: p }) => {
    const date = effectiveDateOf(event.effectiveAt);
    if (NewsletterSent.is(event) && date !== undefined && contains(p, date)) {
      state.newsletters += 1;
      state.recipients += event.data.recipients;
    }
    return state;
  },
  result: (state) => ({ newsletters: state.newsletters, recipients: dec(state.recipients).toFixed() }),
});

// 4. A module, and a catalog that knows it alongside the built-in domains.
export const outreachModule: DomainModule = { name: "outreach", events: [NewsletterSent], rules: [knownArea], projections: [recipientsProjection] };
export const catalog = defaultCatalog.with(outreachModule);

// 5. A store (memory here; `jsonlStore({ path, catalog })` for a file), appends, and replays.
export const demo = async (): Promise<{ now: unknown; before: unknown; rejected: string }> => {
  let clock = Date.parse("2020-05-01T08:00:00Z");
  const store = memoryStore({ catalog, clock: () => clock });
  await store.append([{ id: "area-fritid", type: "reference.area-established", effectiveAt: "2017-01-01", data: { areaId: "fourum-fritid", name: "FoUrum fritid" } }]);
  await store.append([{ id: "nl-1", type: NewsletterSent.type, effectiveAt: "2020-04-20", data: { newsletterId: "april", areaId: "fourum-fritid", recipients: 120 } }]);
  clock = Date.parse("2020-06-10T08:00:00Z");
  await store.append([{ id: "nl-2", type: NewsletterSent.type, effectiveAt: "2020-06-09", data: { newsletterId: "june", areaId: "fourum-fritid", recipients: 80 } }]);
  const refused = await store.append([{ type: NewsletterSent.type, effectiveAt: "2020-06-10", data: { newsletterId: "x", areaId: "nowhere", recipients: 1 } }]);
  const rejected = refused.ok ? "accepted?!" : (refused.issues[0]?.message ?? "");
  const options = { period: period("2020-T1..T2") };
  return {
    now: await replay(store, catalog, recipientsProjection, options),
    before: await replay(store, catalog, recipientsProjection, { ...options, knownAt: "2020-05-31" }),
    rejected,
  };
};

if (process.argv[1]?.endsWith("custom-domain.ts") === true) {
  console.log(JSON.stringify(await demo(), null, 2));
}

