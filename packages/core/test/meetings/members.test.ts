import { describe, expect, it } from "vitest";
import { foldEvents, membershipProjection, period } from "@tertial/core";
import { domainEvent, referenceEvents, storeWithReference, tryAppend } from "./fixtures.js";

describe("network members over time", () => {
  it("know who holds a seat at the period's end, vacancies, and turnover inside the period", () => {
    const events = [
      ...referenceEvents(),
      domainEvent("meetings.member-joined", "2019-01-01", { networkId: "net", seatId: "aneby", memberId: "p1" }),
      domainEvent("meetings.member-joined", "2019-01-01", { networkId: "net", seatId: "eksjo", memberId: "p2" }),
      domainEvent("meetings.member-left", "2020-03-31", { networkId: "net", seatId: "aneby", memberId: "p1", reason: "ny tjänst" }),
      domainEvent("meetings.member-joined", "2020-05-01", { networkId: "net", seatId: "aneby", memberId: "p3" }),
      domainEvent("meetings.seat-vacant", "2020-06-01", { networkId: "net", seatId: "eksjo" }),
    ];
    const result = foldEvents(membershipProjection, events, { period: period("2020-T1..T2") });
    expect(result.networks).toEqual([{ networkId: "net", name: "Nätverket", seats: 5, filled: 1, vacant: ["eksjo"], joined: 1, left: 1 }]);
  });

  it("refuse a member leaving a seat they do not hold", async () => {
    const store = await storeWithReference();
    const { issues, appended } = await tryAppend(store, [{ type: "meetings.member-left", effectiveAt: "2020-03-31", data: { networkId: "net", seatId: "aneby", memberId: "p9" } }]);
    expect(appended).toBe(0);
    expect(issues[0]).toMatchObject({ code: "conflict", path: "data.memberId", expected: "nobody holds it", actual: "p9" });
  });
});
