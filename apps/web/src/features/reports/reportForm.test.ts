import type { StatusReport } from "@rollout/domain";
import { describe, expect, it } from "vitest";
import {
  changedValues,
  dimensionRule,
  fieldErrorsOf,
  parseReportUpdate,
  reportValues,
} from "./reportForm.ts";

const report: StatusReport = {
  id: "r1",
  number: 4,
  periodStart: "2026-11-09",
  periodEnd: "2026-11-13",
  status: "draft",
  overall: "amber",
  schedule: "amber",
  budget: "green",
  scope: "green",
  risk: "green",
  summary: "",
  accomplishments: "- Data load",
  nextSteps: "",
  asks: "",
  topRisks: [],
  milestones: [],
  metrics: {
    progress: 40,
    plannedProgress: 45,
    spi: 0.9,
    cpi: 1,
    forecastCost: 100,
    plannedBudget: 100,
    actualCost: 50,
    currency: "EUR",
    openTasks: 10,
    overdueTasks: 1,
    openHighRisks: 0,
    computedHealth: "amber",
    reasons: { schedule: ["Go-live forecast 6 working days after baseline"] },
  },
  createdByName: "Pat PM",
  publishedAt: null,
  publishedByName: null,
  version: 3,
  createdAt: "2026-11-14T09:00:00.000Z",
  updatedAt: "2026-11-14T09:00:00.000Z",
};

describe("the draft editor's form", () => {
  const initial = reportValues(report);

  it("sends only what changed, with the version it read", () => {
    const values = { ...initial, summary: "On track apart from UAT.", overall: "green" as const };
    expect(changedValues(initial, values)).toEqual({
      summary: "On track apart from UAT.",
      overall: "green",
    });
    const parsed = parseReportUpdate(report.id, report.version, initial, values);
    expect(parsed).toEqual({
      ok: true,
      data: {
        reportId: "r1",
        version: 3,
        changes: { summary: "On track apart from UAT.", overall: "green" },
      },
    });
  });

  it("sends nothing when nothing changed", () => {
    expect(parseReportUpdate(report.id, 3, initial, { ...initial })).toEqual({
      ok: true,
      data: null,
    });
  });

  it("refuses text over the API's limits, by field", () => {
    const parsed = parseReportUpdate(report.id, 3, initial, {
      ...initial,
      asks: "x".repeat(10_001),
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.asks).toMatch(/at most 10000/);
  });

  it("places the server's nested field errors on the fields", () => {
    expect(fieldErrorsOf({ "changes.summary": "Too long", _: "Nothing to change" })).toEqual({
      summary: "Too long",
      _: "Nothing to change",
    });
  });
});

describe("what the rules said of each dimension", () => {
  it("is green without reasons, and amber when the overall was amber", () => {
    const reasons = { schedule: ["Go-live 6 days late"], budget: [], risk: ["R-3 scores 15"] };
    expect(dimensionRule("amber", reasons, "budget")).toBe("green");
    expect(dimensionRule("amber", reasons, "schedule")).toBe("amber");
    expect(dimensionRule("amber", reasons, "risk")).toBe("amber");
  });

  it("is red when the overall was red and only this dimension was flagged", () => {
    expect(dimensionRule("red", { schedule: ["12 days late"] }, "schedule")).toBe("red");
    expect(dimensionRule("red", { schedule: ["12 days late"] }, "risk")).toBe("green");
  });

  it("cannot tell amber from red when several were flagged under a red overall", () => {
    const reasons = { schedule: ["12 days late"], risk: ["R-1 scores 20"] };
    expect(dimensionRule("red", reasons, "schedule")).toBeNull();
    expect(dimensionRule("red", reasons, "risk")).toBeNull();
    expect(dimensionRule(null, reasons, "risk")).toBeNull();
  });
});
