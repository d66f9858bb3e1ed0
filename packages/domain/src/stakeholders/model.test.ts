import { describe, expect, it } from "vitest";
import { addMonths } from "../dates.ts";
import { engagementGap, nextCommDue, quadrantOf } from "./model.ts";

describe("power/interest quadrant", () => {
  it("places every cell of the 5×5 grid, 3 and above counting as high", () => {
    const expected = [
      // interest: 1          2          3                4                5
      ["monitor", "monitor", "keep_informed", "keep_informed", "keep_informed"], // power 1
      ["monitor", "monitor", "keep_informed", "keep_informed", "keep_informed"], // power 2
      ["keep_satisfied", "keep_satisfied", "manage_closely", "manage_closely", "manage_closely"],
      ["keep_satisfied", "keep_satisfied", "manage_closely", "manage_closely", "manage_closely"],
      ["keep_satisfied", "keep_satisfied", "manage_closely", "manage_closely", "manage_closely"],
    ];
    for (let power = 1; power <= 5; power++) {
      for (let interest = 1; interest <= 5; interest++) {
        expect(quadrantOf(power, interest), `power ${power}, interest ${interest}`).toBe(
          expected[power - 1]?.[interest - 1],
        );
      }
    }
  });

  it("measures the engagement gap in levels", () => {
    expect(engagementGap("unaware", "leading")).toBe(4);
    expect(engagementGap("supportive", "supportive")).toBe(0);
    expect(engagementGap("leading", "neutral")).toBe(-2);
  });
});

describe("next due date of a communication", () => {
  it("keeps a weekly or fortnightly cadence when done on time, early or late", () => {
    const weekly = { frequency: "weekly" as const, due: "2026-11-20" };
    expect(nextCommDue({ ...weekly, doneOn: "2026-11-20" })).toBe("2026-11-27");
    expect(nextCommDue({ ...weekly, doneOn: "2026-11-18" })).toBe("2026-11-27");
    expect(nextCommDue({ ...weekly, doneOn: "2026-11-23" })).toBe("2026-11-27");
    expect(nextCommDue({ ...weekly, doneOn: "2026-11-27" })).toBe("2026-12-04");
    expect(nextCommDue({ ...weekly, doneOn: "2026-12-10" })).toBe("2026-12-11");
    expect(nextCommDue({ frequency: "fortnightly", due: "2026-12-25", doneOn: "2026-12-25" })).toBe(
      "2027-01-08",
    );
    expect(nextCommDue({ frequency: "fortnightly", due: "2026-11-20", doneOn: "2026-12-04" })).toBe(
      "2026-12-18",
    );
  });

  it("keeps the day of the month, clamped to short months, without drifting", () => {
    const monthly = { frequency: "monthly" as const, anchorDay: 31 };
    expect(nextCommDue({ ...monthly, due: "2027-01-31", doneOn: "2027-01-31" })).toBe("2027-02-28");
    expect(nextCommDue({ ...monthly, due: "2027-02-28", doneOn: "2027-02-28" })).toBe("2027-03-31");
    expect(nextCommDue({ ...monthly, due: "2028-01-31", doneOn: "2028-01-30" })).toBe("2028-02-29");
    expect(nextCommDue({ ...monthly, due: "2026-11-30", doneOn: "2027-02-02" })).toBe("2027-02-28");
    expect(nextCommDue({ frequency: "monthly", due: "2026-12-15", doneOn: "2026-12-15" })).toBe(
      "2027-01-15",
    );
  });

  it("starts from the day it was done when nothing was scheduled", () => {
    expect(nextCommDue({ frequency: "weekly", due: null, doneOn: "2026-11-22" })).toBe(
      "2026-11-29",
    );
  });

  it("falls due at the next milestone for a per-milestone item, or nowhere after the last", () => {
    const milestoneDates = ["2027-02-01", "2026-12-01", "2027-01-10"];
    const perMilestone = { frequency: "per_milestone" as const, due: "2026-12-01", milestoneDates };
    expect(nextCommDue({ ...perMilestone, doneOn: "2026-11-30" })).toBe("2026-12-01");
    expect(nextCommDue({ ...perMilestone, doneOn: "2026-12-01" })).toBe("2027-01-10");
    expect(nextCommDue({ ...perMilestone, doneOn: "2027-03-01" })).toBeNull();
  });

  it("adds months landing on the anchor day", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2026-02-28", 1, 31)).toBe("2026-03-31");
  });
});
