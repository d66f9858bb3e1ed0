import { describe, expect, it } from "vitest";
import { isRaidOverdue, raidFieldProblems } from "./rules.ts";
import {
  bandRanges,
  defaultRiskThresholds,
  heatMapOf,
  riskBand,
  riskScore,
  riskThresholdsProblem,
} from "./scoring.ts";

/** The default table written out by hand, cell by cell: rows are probability 1–5. */
const expectedBands = [
  // impact:  1       2         3         4         5
  ["low", "low", "low", "low", "medium"], // P1: 1 2 3 4 5
  ["low", "low", "medium", "medium", "high"], // P2: 2 4 6 8 10
  ["low", "medium", "medium", "high", "high"], // P3: 3 6 9 12 15
  ["low", "medium", "high", "high", "critical"], // P4: 4 8 12 16 20
  ["medium", "high", "high", "critical", "critical"], // P5: 5 10 15 20 25
];

describe("risk scoring", () => {
  it("scores and bands all 25 cells of the default table", () => {
    for (let p = 1; p <= 5; p++) {
      for (let i = 1; i <= 5; i++) {
        expect(riskScore(p, i)).toBe(p * i);
        expect(riskBand(riskScore(p, i)), `P${p} × I${i}`).toBe(expectedBands[p - 1]?.[i - 1]);
      }
    }
  });

  it("puts each default boundary in the band PRODUCT.md names", () => {
    expect([4, 5, 9, 10, 16, 20, 25].map((s) => riskBand(s))).toEqual([
      "low",
      "medium",
      "medium",
      "high",
      "high",
      "critical",
      "critical",
    ]);
    expect(bandRanges()).toEqual({
      low: { min: 1, max: 4 },
      medium: { min: 5, max: 9 },
      high: { min: 10, max: 19 },
      critical: { min: 20, max: 25 },
    });
  });

  it("follows an organisation's own thresholds", () => {
    const strict = { medium: 3, high: 6, critical: 12 };
    expect([2, 3, 5, 6, 11, 12].map((s) => riskBand(s, strict))).toEqual([
      "low",
      "medium",
      "medium",
      "high",
      "high",
      "critical",
    ]);
  });

  it("refuses a threshold table that does not rise or leaves the scale", () => {
    expect(riskThresholdsProblem(defaultRiskThresholds)).toBeNull();
    expect(riskThresholdsProblem({ medium: 10, high: 10, critical: 20 })).toMatch(/rise/);
    expect(riskThresholdsProblem({ medium: 5, high: 10, critical: 26 })).toMatch(/2 to 25/);
    expect(riskThresholdsProblem({ medium: 1, high: 10, critical: 20 })).toMatch(/2 to 25/);
    expect(riskThresholdsProblem({ medium: 2.5, high: 10, critical: 20 })).toMatch(/whole/);
  });

  it("builds a heat map from counted cells and ignores ratings off the grid", () => {
    const map = heatMapOf([
      { probability: 4, impact: 5, count: 2 },
      { probability: 1, impact: 1 },
      { probability: 4, impact: 5 },
      { probability: 6, impact: 1 },
      { probability: 2, impact: 0 },
    ]);
    expect(map[3]?.[4]).toBe(3);
    expect(map[0]?.[0]).toBe(1);
    expect(map.flat().reduce((a, b) => a + b, 0)).toBe(4);
  });
});

describe("RAID field rules", () => {
  const risk = {
    kind: "risk" as const,
    status: "open" as const,
    probability: 3,
    impact: 4,
    residualProbability: null,
    residualImpact: null,
    polarity: "threat" as const,
    response: "mitigate" as const,
    severity: null,
    ownerUserId: null,
    ownerStakeholderId: null,
  };

  it("accepts a well-formed risk, opportunity and decision", () => {
    expect(raidFieldProblems(risk)).toEqual({});
    expect(raidFieldProblems({ ...risk, polarity: "opportunity", response: "exploit" })).toEqual(
      {},
    );
    expect(
      raidFieldProblems({
        ...risk,
        kind: "decision",
        status: "decided",
        probability: null,
        impact: null,
        response: null,
      }),
    ).toEqual({});
  });

  it("names each field that does not fit", () => {
    expect(Object.keys(raidFieldProblems({ ...risk, response: "exploit" }))).toEqual(["response"]);
    expect(Object.keys(raidFieldProblems({ ...risk, impact: null }))).toEqual(["impact"]);
    expect(Object.keys(raidFieldProblems({ ...risk, status: "resolved" }))).toEqual(["status"]);
    expect(Object.keys(raidFieldProblems({ ...risk, kind: "issue", status: "open" }))).toEqual([
      "probability",
      "impact",
      "response",
    ]);
    expect(
      Object.keys(raidFieldProblems({ ...risk, ownerUserId: "u1", ownerStakeholderId: "s1" })),
    ).toEqual(["owner"]);
  });

  it("calls an item overdue only while it is open and past its date", () => {
    expect(isRaidOverdue({ status: "open", dueDate: "2026-11-20" }, "2026-11-21")).toBe(true);
    expect(isRaidOverdue({ status: "open", dueDate: "2026-11-21" }, "2026-11-21")).toBe(false);
    expect(isRaidOverdue({ status: "closed", dueDate: "2026-11-01" }, "2026-11-21")).toBe(false);
    expect(isRaidOverdue({ status: "proposed", dueDate: null }, "2026-11-21")).toBe(false);
  });
});
