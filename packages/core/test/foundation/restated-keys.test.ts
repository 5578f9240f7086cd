import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultCatalog, initLog, jsonlStore, type EventDraft } from "@tertial/core";
import { referencePreamble } from "@tertial/core/testing";
import { useTempDir } from "./temp-dir.js";

/**
 * A correction is checked against the facts as they stand without the one it supersedes: it may
 * restate that fact's key with new values, never take over another fact's key (which would
 * silently delete the fact it supersedes and hold the other's key twice). Each rule keeping keys
 * is held to it: the wrong correction refused with an issue naming the other fact, the log's bytes
 * unchanged; a correction restating its own key accepted.
 */

interface Case {
  readonly rule: string;
  /** Facts the two keyed facts need (a goal for a metric). */
  readonly setup: readonly EventDraft[];
  /** Fact "fa" holding key `a`, fact "fb" holding key `b`. */
  readonly fact: (id: string, key: string, extra?: Partial<EventDraft>) => EventDraft;
  readonly path: string;
  readonly message: string;
}

const municipality = (id: string, key: string, extra: Partial<EventDraft> = {}): EventDraft => ({ id, type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: key, name: key.toUpperCase() }, ...extra });
const area = (id: string, key: string, extra: Partial<EventDraft> = {}): EventDraft => ({ id, type: "reference.area-established", effectiveAt: "2017-01-01", data: { areaId: key, name: key.toUpperCase(), kind: "operation" }, ...extra });
const network = (id: string, key: string, extra: Partial<EventDraft> = {}): EventDraft => ({
  id,
  type: "reference.network-established",
  effectiveAt: "2017-01-01",
  data: { networkId: key, name: key.toUpperCase(), kind: "network", seats: [{ seatId: "s1", side: "kommun", municipalityId: "aneby" }] },
  ...extra,
});
const funder = (id: string, key: string, extra: Partial<EventDraft> = {}): EventDraft => ({ id, type: "reference.funder-established", effectiveAt: "2017-01-01", data: { funderId: key, name: key.toUpperCase(), kind: "region" }, ...extra });
const goal = (id: string, key: string, extra: Partial<EventDraft> = {}): EventDraft => ({ id, type: "strategy.goal-established", effectiveAt: "2020-01-01", data: { goalId: key, kind: "strategic", number: "1", title: `Mål ${key}` }, ...extra });
const metric = (id: string, key: string, extra: Partial<EventDraft> = {}): EventDraft => ({
  id,
  type: "strategy.metric-defined",
  effectiveAt: "2020-01-01",
  data: {
    metricId: key,
    goalId: "mal",
    name: `Mått ${key}`,
    unit: "courses",
    dataSource: "Kursregistret",
    frequency: "tertial",
    direction: "higher-is-better",
    target: { kind: "fixed", value: "14" },
    result: { from: "figure", key: "courses.held" },
  },
  ...extra,
});
const focusArea = (id: string, key: string, extra: Partial<EventDraft> = {}): EventDraft => ({
  id,
  type: "strategy.focus-area-established",
  effectiveAt: "2020-01-01",
  data: { focusAreaId: key, number: 1, title: `Fokus ${key}`, year: 2020, toYear: 2021 },
  ...extra,
});
const forte: EventDraft = { id: "forte", type: "reference.funder-established", effectiveAt: "2017-01-01", data: { funderId: "forte", name: "Forte", kind: "region" } };
const application = (id: string, key: string, extra: Partial<EventDraft> = {}): EventDraft => ({
  id,
  type: "grants.application-submitted",
  effectiveAt: "2020-03-01",
  data: { applicationId: key, title: `Ansökan ${key}`, funderId: "forte", amount: "100000" },
  ...extra,
});
const studyStarted = (id: string, key: string, extra: Partial<EventDraft> = {}): EventDraft => ({ id, type: "research.study-started", effectiveAt: "2020-01-01", data: { studyId: key, title: `Studie ${key}` }, ...extra });
const studyCompleted = (id: string, key: string, extra: Partial<EventDraft> = {}): EventDraft => ({ id, type: "research.study-completed", effectiveAt: "2020-06-30", data: { studyId: key, outcome: `Rapport ${key}` }, ...extra });
const narrative = (id: string, key: string, extra: Partial<EventDraft> = {}): EventDraft => ({
  id,
  type: "narrative.written",
  effectiveAt: "2020-04-30",
  data: { narrativeId: key, kind: "analysis", from: "2020-01-01", to: "2020-04-30", section: "analys", markdown: `Text ${key}` },
  ...extra,
});
const activity = (id: string, key: string, extra: Partial<EventDraft> = {}): EventDraft => ({ id, type: "activities.activity-planned", effectiveAt: "2020-01-01", data: { activityId: key, title: `Aktivitet ${key}`, goalId: "mal", year: 2020 }, ...extra });
const plan = (id: string, key: string, extra: Partial<EventDraft> = {}): EventDraft => ({
  id,
  type: "plan.adopted",
  effectiveAt: "2020-01-01",
  data: { planId: key, kind: "verksamhetsplan", title: `Plan ${key}`, fromYear: 2020, toYear: 2021, detailedYear: 2020 },
  ...extra,
});
const network1 = network("n1", "n1");
const meeting = (id: string, key: string, extra: Partial<EventDraft> = {}): EventDraft => ({
  id,
  type: "meetings.meeting-held",
  effectiveAt: "2020-02-01",
  data: { meetingId: key, networkId: "n1", mode: "fysiskt", presence: [{ seatId: "s1", status: "present" }] },
  ...extra,
});
const group = (id: string, key: string, extra: Partial<EventDraft> = {}): EventDraft => ({ id, type: "meetings.network-group-defined", effectiveAt: "2020-01-01", data: { groupId: key, name: `Grupp ${key}`, networkIds: ["n1"] }, ...extra });
const round = (id: string, key: string, extra: Partial<EventDraft> = {}): EventDraft => ({ id, type: "survey.round-conducted", effectiveAt: "2020-10-01", data: { roundId: key, title: `Enkät ${key}`, year: 2020 }, ...extra });
const response = (id: string, key: string, extra: Partial<EventDraft> = {}): EventDraft => ({
  id,
  type: "survey.response-recorded",
  effectiveAt: "2020-10-15",
  data: { roundId: "r1", responseId: key, networkId: "n1", answers: {} },
  ...extra,
});
const courseScheduled = (id: string, key: string, extra: Partial<EventDraft> = {}): EventDraft => ({
  id,
  type: "courses.course-scheduled",
  effectiveAt: "2020-01-15",
  data: { courseId: key, title: `Kurs ${key}`, commissionedBy: "fou" },
  ...extra,
});
const courseHeld = (id: string, key: string, extra: Partial<EventDraft> = {}): EventDraft => ({ id, type: "courses.course-held", effectiveAt: "2020-03-01", data: { courseId: key, title: `Kurs ${key}`, occasions: 1 }, ...extra });
const courseCancelled = (id: string, key: string, extra: Partial<EventDraft> = {}): EventDraft => ({ id, type: "courses.course-cancelled", effectiveAt: "2020-02-01", data: { courseId: key, reason: "other" }, ...extra });
const positionOpened = (id: string, key: string, extra: Partial<EventDraft> = {}): EventDraft => ({
  id,
  type: "staff.position-opened",
  effectiveAt: "2020-01-01",
  data: { positionId: key, areaId: "fou", employmentForm: "tillsvidare", fte: "1", financing: "grund" },
  ...extra,
});
const positionClosed = (id: string, key: string, extra: Partial<EventDraft> = {}): EventDraft => ({ id, type: "staff.position-closed", effectiveAt: "2020-06-30", data: { positionId: key }, ...extra });

const taken = (noun: string, held: string, key = "b"): string => `${noun} "${key}" is already ${held} by event fb; a correction of fa may restate fa's ${noun}, not another's`;

const CASES: readonly Case[] = [
  { rule: "reference-integrity (municipality)", setup: [], fact: municipality, path: "data.municipalityId", message: taken("municipality", "established") },
  { rule: "reference-integrity (area)", setup: [], fact: area, path: "data.areaId", message: taken("area", "established") },
  { rule: "reference-integrity (network)", setup: [], fact: network, path: "data.networkId", message: taken("network", "established") },
  { rule: "reference-integrity (funder)", setup: [], fact: funder, path: "data.funderId", message: taken("funder", "established") },
  { rule: "strategy-integrity (goal)", setup: [], fact: goal, path: "data.goalId", message: taken("goal", "established") },
  { rule: "strategy-integrity (metric)", setup: [goal("g", "mal")], fact: metric, path: "data.metricId", message: taken("metric", "defined") },
  { rule: "strategy-integrity (focus area)", setup: [], fact: focusArea, path: "data.focusAreaId", message: taken("focus area", "established") },
  { rule: "grants-integrity (application)", setup: [forte], fact: application, path: "data.applicationId", message: taken("application", "submitted") },
  { rule: "research-integrity (study started)", setup: [], fact: studyStarted, path: "data.studyId", message: taken("study", "started") },
  { rule: "research-integrity (study completed)", setup: [studyStarted("sa", "a"), studyStarted("sb", "b")], fact: studyCompleted, path: "data.studyId", message: taken("study", "completed") },
  { rule: "narrative-integrity (narrative)", setup: [], fact: narrative, path: "data.narrativeId", message: taken("narrative", "written") },
  { rule: "activities-integrity (activity)", setup: [goal("g", "mal")], fact: activity, path: "data.activityId", message: taken("activity", "planned") },
  { rule: "plan-integrity (plan)", setup: [], fact: plan, path: "data.planId", message: taken("plan", "adopted") },
  { rule: "meetings-integrity (meeting)", setup: [network1], fact: meeting, path: "data.meetingId", message: taken("meeting", "recorded") },
  { rule: "meetings-integrity (group)", setup: [network1], fact: group, path: "data.groupId", message: taken("group", "defined") },
  { rule: "survey-integrity (round)", setup: [], fact: round, path: "data.roundId", message: taken("round", "recorded") },
  { rule: "survey-integrity (response)", setup: [network1, round("r1", "r1")], fact: response, path: "data.responseId", message: taken("response", "recorded") },
  { rule: "courses-integrity (course scheduled)", setup: [], fact: courseScheduled, path: "data.courseId", message: taken("course", "scheduled") },
  { rule: "courses-integrity (course held)", setup: [], fact: courseHeld, path: "data.courseId", message: taken("course", "recorded as held") },
  { rule: "courses-integrity (course cancelled)", setup: [courseScheduled("ca", "a"), courseScheduled("cb", "b")], fact: courseCancelled, path: "data.courseId", message: taken("course", "cancelled") },
  { rule: "staff-integrity (position opened)", setup: [], fact: positionOpened, path: "data.positionId", message: taken("position", "opened") },
  { rule: "staff-integrity (position closed)", setup: [positionOpened("pa", "a"), positionOpened("pb", "b")], fact: positionClosed, path: "data.positionId", message: taken("position", "closed") },
];

const newDir = useTempDir();

/** A log holding the reference preamble, the case's setup and facts fa (key a) and fb (key b). */
const logWith = async (rule: Case, more: readonly EventDraft[] = []) => {
  const path = join(await newDir(), "log.jsonl");
  await initLog(path);
  const store = jsonlStore({ path, catalog: defaultCatalog });
  const outcome = await store.append([...referencePreamble().map((draft, index) => ({ ...draft, id: `pre${index}` })), ...rule.setup, rule.fact("fa", "a"), rule.fact("fb", "b"), ...more]);
  return { path, store, outcome };
};

describe.each(CASES)("a correction under $rule", (rule) => {
  const wrong = (): EventDraft => rule.fact("y", "b", { supersedes: "fa" });
  const refusal = (draft: number) => [{ code: "conflict", path: rule.path, message: rule.message, actual: "b", eventId: "y", draft }];

  it("is refused when it takes over another fact's key, naming that fact, and the log is left as it was", async () => {
    const { path, store, outcome } = await logWith(rule);
    expect(outcome.ok).toBe(true);
    const before = await readFile(path);
    const refused = await store.append([wrong()]);
    expect(refused.ok ? [] : refused.issues).toEqual(refusal(1));
    expect((await readFile(path)).equals(before)).toBe(true);
    // A store opening the log afresh (its saved append state) says the same.
    const again = await jsonlStore({ path, catalog: defaultCatalog }).append([wrong()]);
    expect(again.ok ? [] : again.issues).toEqual(refusal(1));
    expect((await readFile(path)).equals(before)).toBe(true);
  });

  it("is refused in the batch that records the facts too", async () => {
    const { path, outcome } = await logWith(rule, [wrong()]);
    const place = referencePreamble().length + rule.setup.length + 3;
    expect(outcome.ok ? [] : outcome.issues).toEqual(refusal(place));
    expect((await readFile(path, "utf8")).length).toBe(0);
  });

  it("is accepted when it restates its own fact's key with new values", async () => {
    const { path, store } = await logWith(rule);
    expect((await store.append([rule.fact("y", "a", { supersedes: "fa", effectiveAt: rule.fact("fa", "a").effectiveAt })])).ok).toBe(true);
    // A correction of the correction restates the same key again; a new fact still may not take it.
    expect((await jsonlStore({ path, catalog: defaultCatalog }).append([rule.fact("z", "a", { supersedes: "y" })])).ok).toBe(true);
    const duplicate = await store.append([rule.fact("w", "a")]);
    expect(duplicate.ok).toBe(false);
  });
});
