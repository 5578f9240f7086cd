import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attendanceProjection, dec, foldEvents, period, type AttendanceResult, type DomainEvent } from "@tertial/core";
import { domainEvent, referenceEvents, storeWithReference, tryAppend } from "./fixtures.js";

const SEATS = ["aneby", "eksjo", "habo", "r1", "r2"] as const;
const T12 = period("2020-T1..T2");
const fold = (events: DomainEvent[], at = T12): AttendanceResult => foldEvents(attendanceProjection, [...referenceEvents(), ...events], { period: at });

const meeting = (date: string, present: readonly string[], mode = "digitalt", vacant: readonly string[] = []) =>
  domainEvent("meetings.meeting-held", date, {
    meetingId: `m-${date}-${present.join("")}-${vacant.join("")}-${mode}`,
    networkId: "net",
    mode,
    presence: SEATS.map((seatId) => ({ seatId, status: vacant.includes(seatId) ? "vacant" : present.includes(seatId) ? "present" : "absent" })),
  });

const arbMeeting = fc.record({
  day: fc.integer({ min: 1, max: 28 }),
  month: fc.integer({ min: 1, max: 8 }),
  present: fc.subarray([...SEATS]),
  vacant: fc.subarray([...SEATS], { maxLength: 2 }),
  mode: fc.constantFrom("fysiskt", "digitalt", "kombination"),
});

type MeetingSpec = typeof arbMeeting extends fc.Arbitrary<infer T> ? T : never;

const toEvent = (m: MeetingSpec) => {
  const date = `2020-${String(m.month).padStart(2, "0")}-${String(m.day).padStart(2, "0")}`;
  return meeting(date, m.present.filter((seat) => !m.vacant.includes(seat)), m.mode, m.vacant);
};

describe("attendance: one definition, pooled seats", () => {
  it("counts present ÷ expected seats, per side, with vacant seats not expected", () => {
    const result = fold([meeting("2020-02-03", ["aneby", "r1"]), meeting("2020-03-03", ["aneby", "eksjo", "habo", "r1"], "fysiskt", ["r2"])]);
    expect(result.definition).toBe("pooled-seats");
    expect(result.attendance).toEqual({ expected: 9, present: 6, share: dec(6).dividedBy(9).toFixed() });
    expect(result.bySide.kommun).toEqual({ expected: 6, present: 4, share: dec(4).dividedBy(6).toFixed() });
    expect(result.bySide.region).toEqual({ expected: 3, present: 2, share: dec(2).dividedBy(3).toFixed() });
    expect(result.modes.counts).toEqual({ digitalt: 1, fysiskt: 1 });
    expect(result.perMeeting.map((one) => [one.date, one.attendance.present, one.attendance.expected])).toEqual([
      ["2020-02-03", 2, 5],
      ["2020-03-03", 4, 4],
    ]);
    expect(result.municipalityRange).toEqual({ min: "0.5", minId: "eksjo", max: "1", maxId: "aneby" });
  });

  it("law: the attendance of a period equals that of its meetings pooled, whichever way they are split", () => {
    fc.assert(
      fc.property(fc.array(arbMeeting, { minLength: 1, maxLength: 12 }), (meetings) => {
        const events = meetings.map(toEvent);
        const whole = fold(events).attendance;
        const parts = [fold(events, period("2020-T1")), fold(events, period("2020-T2"))].map((part) => part.attendance);
        expect(parts[0]!.expected + parts[1]!.expected).toBe(whole.expected);
        expect(parts[0]!.present + parts[1]!.present).toBe(whole.present);
        const each = events.map((event) => fold([event]).attendance);
        const pooled = each.reduce((sum, one) => ({ expected: sum.expected + one.expected, present: sum.present + one.present }), { expected: 0, present: 0 });
        expect(pooled).toEqual({ expected: whole.expected, present: whole.present });
        if (whole.share !== null) expect(dec(whole.share).equals(dec(pooled.present).dividedBy(pooled.expected))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("law: a summary of the same meetings gives the same attendance as the meetings themselves", () => {
    fc.assert(
      fc.property(fc.array(arbMeeting, { minLength: 1, maxLength: 8 }), (meetings) => {
        const detailed = fold(meetings.map(toEvent));
        const bySide = Object.fromEntries(Object.entries(detailed.bySide).map(([side, tally]) => [side, { expected: tally.expected, present: tally.present }]));
        const summary = domainEvent("meetings.attendance-summary-recorded", "2020-08-31", { networkId: "net", from: "2020-01-01", to: "2020-08-31", meetings: meetings.length, bySide });
        expect(fold([summary]).attendance).toEqual(detailed.attendance);
      }),
      { numRuns: 200 },
    );
  });

  it("groups give range, networks reaching the target and meetings per network", () => {
    const group = domainEvent("meetings.network-group-defined", "2020-01-01", { groupId: "g", name: "Alla", networkIds: ["net"], targetShare: "0.8" });
    const result = fold([group, meeting("2020-02-03", ["aneby", "eksjo", "habo", "r1"]), meeting("2020-04-03", ["aneby", "eksjo", "habo", "r1", "r2"])]);
    const [summary] = result.groups;
    expect(summary).toMatchObject({ groupId: "g", networks: 1, meetings: 2, meetingsPerNetwork: "2", targetShare: "0.8", reachingTarget: 1 });
    expect(summary?.range).toEqual({ min: "0.9", minNetworkId: "net", max: "0.9", maxNetworkId: "net" });
  });

  it("splits those present by gender", () => {
    const event = domainEvent("meetings.meeting-held", "2020-05-05", {
      meetingId: "g1",
      networkId: "net",
      mode: "kombination",
      presence: [
        { seatId: "aneby", status: "present", gender: "man" },
        { seatId: "eksjo", status: "present", gender: "kvinna" },
        { seatId: "habo", status: "present", gender: "kvinna" },
      ],
    });
    expect(fold([event]).gender).toEqual({ counted: 3, counts: { kvinna: 2, man: 1 }, shares: { kvinna: dec(2).dividedBy(3).toFixed(), man: dec(1).dividedBy(3).toFixed() } });
  });
});

describe("attendance: bad input is refused whole", () => {
  it("presence for a seat the network does not have", async () => {
    const store = await storeWithReference();
    const { issues, appended } = await tryAppend(store, [{ type: "meetings.meeting-held", effectiveAt: "2020-02-02", data: { meetingId: "m1", networkId: "net", mode: "digitalt", presence: [{ seatId: "gnosjo", status: "present" }] } }]);
    expect(appended).toBe(0);
    expect(issues[0]).toMatchObject({ code: "unknown-reference", path: "data.presence[0].seatId", actual: "gnosjo" });
    expect(issues[0]?.message).toContain('network "net" has no seat "gnosjo"');
  });

  it("a meeting of an unknown network", async () => {
    const store = await storeWithReference();
    const { issues, appended } = await tryAppend(store, [{ type: "meetings.meeting-held", effectiveAt: "2020-02-02", data: { meetingId: "m1", networkId: "okant", mode: "digitalt", presence: [] } }]);
    expect(appended).toBe(0);
    expect(issues[0]).toMatchObject({ code: "unknown-reference", path: "data.networkId", message: 'unknown network "okant"' });
  });

  it("a mode outside the three, and a summary with more present than expected", async () => {
    const store = await storeWithReference();
    const { issues, appended } = await tryAppend(store, [
      { type: "meetings.meeting-held", effectiveAt: "2020-02-02", data: { meetingId: "m1", networkId: "net", mode: "telefon", presence: [] } },
      { type: "meetings.attendance-summary-recorded", effectiveAt: "2020-08-31", data: { networkId: "net", from: "2020-01-01", to: "2020-08-31", meetings: 2, bySide: { kommun: { expected: 6, present: 7 } } } },
    ]);
    expect(appended).toBe(0);
    expect(issues.map((found) => found.path)).toEqual(expect.arrayContaining(["data.mode", "data.bySide.kommun.present"]));
  });

  it("a summary expecting more seats than the network has", async () => {
    const store = await storeWithReference();
    const { issues } = await tryAppend(store, [{ type: "meetings.attendance-summary-recorded", effectiveAt: "2020-08-31", data: { networkId: "net", from: "2020-01-01", to: "2020-08-31", meetings: 2, bySide: { region: { expected: 5, present: 1 } } } }]);
    expect(issues[0]).toMatchObject({ path: "data.bySide.region.expected", expected: "at most 4", actual: "5" });
  });
});
