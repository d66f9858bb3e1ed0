import { describe, expect, it } from "vitest";
import {
  measurementDue,
  objectivesFromText,
  remeasureSchedule,
  reviewDue,
  submitProblems,
} from "./rules.ts";

describe("when a review is due", () => {
  it.each([
    ["initiation", false],
    ["build", false],
    ["training", false],
    ["go_live", true],
    ["hypercare", true],
    ["closed", true],
  ] as const)("%s → %s", (stage, due) => {
    expect(reviewDue(stage)).toBe(due);
  });
});

describe("objectives from the project's text", () => {
  it("takes one per non-empty line, without list markers", () => {
    expect(
      objectivesFromText(
        "Replace the CRM.\n\n  - Migrate 12 years of history  \r\n* Cut quote time\n1. Train 200 users\n2) No downtime\n• Adopt it\n   \n",
      ),
    ).toEqual([
      "Replace the CRM.",
      "Migrate 12 years of history",
      "Cut quote time",
      "Train 200 users",
      "No downtime",
      "Adopt it",
    ]);
  });

  it("gives nothing for empty text, and keeps a number that is not a marker", () => {
    expect(objectivesFromText("")).toEqual([]);
    expect(objectivesFromText("220 users live\n-5% cost")).toEqual(["220 users live", "-5% cost"]);
  });
});

describe("what keeps a draft from going out for sign-off", () => {
  it("lists objectives without an outcome and a missing signer", () => {
    expect(
      submitProblems({
        objectives: [
          { objective: "Replace the CRM", outcome: "met" },
          { objective: "Migrate history", outcome: null },
          { objective: "Cut quote time", outcome: null },
        ],
        signerCount: 0,
      }),
    ).toEqual([
      "Record an outcome for 2 objectives: “Migrate history”, “Cut quote time”",
      "Name at least one person to sign the review",
    ]);
  });

  it("needs at least one objective", () => {
    expect(submitProblems({ objectives: [], signerCount: 1 })).toEqual([
      "Add at least one objective",
    ]);
  });

  it("is empty when every objective has an outcome and someone will sign", () => {
    expect(
      submitProblems({ objectives: [{ objective: "x", outcome: "not_met" }], signerCount: 2 }),
    ).toEqual([]);
  });
});

describe("re-measuring benefits", () => {
  it("falls 3 and 6 months after go-live, kept within short months", () => {
    expect(remeasureSchedule("2026-08-31")).toEqual([
      { months: 3, dueOn: "2026-11-30" },
      { months: 6, dueOn: "2027-02-28" },
    ]);
  });

  it("is due from a week before its date until a value is recorded", () => {
    const today = "2026-11-20";
    expect(measurementDue({ dueOn: "2026-11-27", value: null }, today)).toBe(true);
    expect(measurementDue({ dueOn: "2026-11-28", value: null }, today)).toBe(false);
    expect(measurementDue({ dueOn: "2026-10-01", value: null }, today)).toBe(true);
    expect(measurementDue({ dueOn: "2026-10-01", value: 12 }, today)).toBe(false);
  });
});
