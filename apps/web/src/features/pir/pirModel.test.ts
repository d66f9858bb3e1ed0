import type { PirVariance } from "@rollout/domain";
import { describe, expect, it } from "vitest";
import {
  budgetTone,
  budgetVarianceText,
  figure,
  kpiOnTarget,
  measurementState,
  outcomeCounts,
  scheduleTone,
  scheduleVarianceText,
  signatureProgress,
  submitBlockers,
} from "./pirModel.ts";

const variance = (over: Partial<PirVariance>): PirVariance => ({
  baselineGoLive: "2026-07-17",
  actualGoLive: "2026-07-27",
  scheduleVarianceDays: 6,
  plannedBudget: 42_000_000,
  actualCost: 44_150_000,
  budgetVariance: 2_150_000,
  budgetVariancePercent: 5.1,
  currency: "GBP",
  frozen: true,
  ...over,
});

describe("variance in words", () => {
  it("says how late or early the go-live was, in working days", () => {
    expect(scheduleVarianceText(6)).toBe("6 working days late");
    expect(scheduleVarianceText(-1)).toBe("1 working day early");
    expect(scheduleVarianceText(0)).toBe("On time");
    expect(scheduleVarianceText(null)).toBeNull();
    expect([scheduleTone(6), scheduleTone(-1), scheduleTone(0)]).toEqual([
      "bad",
      "good",
      "neutral",
    ]);
  });

  it("says how far over or under budget, with the percentage when there was a plan", () => {
    expect(budgetVarianceText(variance({}))).toMatch(/^£21,500(\.00)? over budget \(\+5\.1%\)$/);
    expect(
      budgetVarianceText(variance({ budgetVariance: -60_000, budgetVariancePercent: -5 })),
    ).toMatch(/ under budget \(−5%\)$/);
    expect(budgetVarianceText(variance({ budgetVariance: 0, budgetVariancePercent: 0 }))).toBe(
      "On budget",
    );
    expect(
      budgetVarianceText(variance({ plannedBudget: 0, budgetVariancePercent: null })),
    ).not.toContain("%");
    expect(budgetTone(variance({ budgetVariance: -1 }))).toBe("good");
    // Not live yet: an underspend is what is left to spend, not a saving.
    const building = variance({ actualGoLive: null, budgetVariance: -60_000 });
    expect(budgetVarianceText(building)).toMatch(/ of the budget left$/);
    expect(budgetTone(building)).toBe("neutral");
    expect(budgetTone(variance({ actualGoLive: null, budgetVariance: 5 }))).toBe("bad");
  });
});

describe("the review's state", () => {
  const objectives = [
    { id: "a", objective: "A", criterion: "", outcome: "met" as const, evidence: "", version: 1 },
    { id: "b", objective: "B", criterion: "", outcome: null, evidence: "", version: 1 },
  ];

  it("counts outcomes and lists what blocks sending it for sign-off", () => {
    expect(outcomeCounts({ objectives })).toEqual({ met: 1, partial: 0, not_met: 0, open: 1 });
    expect(submitBlockers({ objectives, signers: [] })).toEqual([
      "Record an outcome for 1 objective.",
      "Name at least one person to sign.",
    ]);
    expect(submitBlockers({ objectives: [], signers: [] })[0]).toBe("Add at least one objective.");
  });

  it("counts signatures", () => {
    const signer = { userId: "u", name: "U", role: null, comment: "" };
    expect(
      signatureProgress({
        signers: [
          { ...signer, signedAt: "2026-11-20T10:00:00Z" },
          { ...signer, userId: "v", signedAt: null },
        ],
      }),
    ).toEqual({ signed: 1, total: 2 });
  });
});

describe("KPIs", () => {
  it("shows figures with their unit", () => {
    expect(figure(91, "%")).toBe("91%");
    expect(figure(1.4, "days")).toBe("1.4 days");
    expect(figure(null, "days")).toBe("—");
    expect(figure(12, "")).toBe("12");
  });

  it("knows whether the target was reached, up or down from the baseline", () => {
    expect(kpiOnTarget({ baseline: 0, target: 95, actual: 91 })).toBe(false);
    expect(kpiOnTarget({ baseline: 240, target: 30, actual: 25 })).toBe(true);
    expect(kpiOnTarget({ baseline: null, target: 10, actual: 12 })).toBe(true);
    expect(kpiOnTarget({ baseline: 3, target: 1, actual: null })).toBeNull();
  });

  it("tells recorded, overdue, due within a week and later measurements apart", () => {
    const today = "2026-11-20";
    expect(measurementState({ dueOn: "2026-10-01", value: 3 }, today)).toBe("recorded");
    expect(measurementState({ dueOn: "2026-11-19", value: null }, today)).toBe("overdue");
    expect(measurementState({ dueOn: "2026-11-27", value: null }, today)).toBe("due");
    expect(measurementState({ dueOn: "2026-11-28", value: null }, today)).toBe("scheduled");
  });
});
