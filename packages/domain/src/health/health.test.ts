import { describe, expect, it } from "vitest";
import { earnedValue, forecastCost, plannedFraction } from "./earnedValue.ts";
import {
  budgetHealth,
  defaultHealthThresholds,
  healthThresholdsProblem,
  projectHealth,
  riskHealth,
  scheduleHealth,
} from "./rules.ts";

const milestone = (slip: number | null, isGoLive = false) => ({
  name: isGoLive ? "Go-live" : "UAT sign-off",
  slip,
  isGoLive,
});

describe("schedule health", () => {
  it("turns amber above 5 and red above 10 working days of slip", () => {
    const rag = (slip: number | null) =>
      scheduleHealth({ openMilestones: [milestone(slip)], openTasks: 10, overdueTasks: 0 }).rag;
    expect([null, -3, 0, 5, 6, 10, 11].map(rag)).toEqual([
      "green",
      "green",
      "green",
      "green",
      "amber",
      "amber",
      "red",
    ]);
  });

  it("names the go-live and its slip", () => {
    const h = scheduleHealth({
      openMilestones: [milestone(7, true), milestone(12)],
      openTasks: 0,
      overdueTasks: 0,
    });
    expect(h).toEqual({
      rag: "red",
      reasons: [
        "UAT sign-off forecast 12 working days after baseline",
        "Go-live (Go-live) forecast 7 working days after baseline",
      ],
    });
  });

  it("turns amber when more than 10% of open tasks are overdue", () => {
    const rag = (overdue: number) =>
      scheduleHealth({ openMilestones: [], openTasks: 50, overdueTasks: overdue }).rag;
    expect([0, 5, 6].map(rag)).toEqual(["green", "green", "amber"]);
    expect(scheduleHealth({ openMilestones: [], openTasks: 50, overdueTasks: 6 }).reasons).toEqual([
      "6 of 50 open tasks overdue (12%)",
    ]);
    expect(scheduleHealth({ openMilestones: [], openTasks: 0, overdueTasks: 0 }).rag).toBe("green");
  });

  it("follows an organisation's own limits", () => {
    const strict = { ...defaultHealthThresholds, slipAmberDays: 2, slipRedDays: 4 };
    const rag = (slip: number) =>
      scheduleHealth({ openMilestones: [milestone(slip)], openTasks: 0, overdueTasks: 0 }, strict)
        .rag;
    expect([2, 3, 4, 5].map(rag)).toEqual(["green", "amber", "amber", "red"]);
  });
});

describe("budget health", () => {
  const planned = 100_000_00;
  const rag = (forecast: number) => budgetHealth({ planned, forecast, currency: "EUR" }).rag;
  it("turns amber over 5% and red over 10%", () => {
    expect([90_000_00, 105_000_00, 105_000_01, 110_000_00, 110_000_01].map(rag)).toEqual([
      "green",
      "green",
      "amber",
      "amber",
      "red",
    ]);
    expect(budgetHealth({ planned, forecast: 112_000_00, currency: "EUR" }).reasons[0]).toMatch(
      /12\.0% over the planned/,
    );
  });
  it("flags costs without a budget", () => {
    expect(budgetHealth({ planned: 0, forecast: 0, currency: "EUR" }).rag).toBe("green");
    expect(budgetHealth({ planned: 0, forecast: 5, currency: "EUR" }).rag).toBe("amber");
  });
});

describe("risk health", () => {
  const risk = (score: number, mitigation = "") => ({
    ref: "R-12",
    title: "Key users away",
    score,
    mitigation,
  });
  const rag = (score: number, mitigation = "") =>
    riskHealth({ openRisks: [risk(score, mitigation)], openIssues: [] }).rag;
  it("turns amber at 15 without mitigation and red at 20 regardless", () => {
    expect([12, 15, 16].map((s) => rag(s))).toEqual(["green", "amber", "amber"]);
    expect([15, 16].map((s) => rag(s, "Book the rooms"))).toEqual(["green", "green"]);
    expect([20, 25].map((s) => rag(s, "Book the rooms"))).toEqual(["red", "red"]);
    expect(riskHealth({ openRisks: [risk(20)], openIssues: [] }).reasons).toEqual([
      'Risk R-12 "Key users away" scores 20 with no mitigation',
    ]);
  });
  it("turns red on an open critical issue only", () => {
    const issue = (severity: string | null) => ({ ref: "I-3", title: "Crash", severity });
    expect(riskHealth({ openRisks: [], openIssues: [issue("high")] }).rag).toBe("green");
    expect(riskHealth({ openRisks: [], openIssues: [issue("critical")] })).toEqual({
      rag: "red",
      reasons: ['Critical issue I-3 "Crash" is open'],
    });
  });
});

describe("overall health", () => {
  const dims = {
    schedule: { rag: "amber" as const, reasons: ["late"] },
    budget: { rag: "green" as const, reasons: [] },
    risk: { rag: "green" as const, reasons: [] },
  };
  it("is the worst dimension unless an override is in force, which never hides the computed one", () => {
    expect(projectHealth(dims, null, "2026-11-22")).toMatchObject({
      computed: "amber",
      overall: "amber",
      override: null,
    });
    const override = {
      rag: "green" as const,
      reason: "Agreed recovery plan",
      expiresOn: "2026-11-30",
    };
    expect(projectHealth(dims, override, "2026-11-30")).toMatchObject({
      computed: "amber",
      overall: "green",
      override: { active: true },
    });
    expect(projectHealth(dims, override, "2026-12-01")).toMatchObject({
      overall: "amber",
      override: { active: false },
    });
  });
  it("refuses thresholds whose red is not beyond amber", () => {
    expect(healthThresholdsProblem(defaultHealthThresholds)).toBeNull();
    expect(healthThresholdsProblem({ ...defaultHealthThresholds, slipRedDays: 5 })).toMatch(/slip/);
  });
});

describe("earned value", () => {
  it("plans linearly between start and due, in calendar days", () => {
    expect(plannedFraction("2026-11-02", "2026-11-11", "2026-11-01")).toBe(0);
    expect(plannedFraction("2026-11-02", "2026-11-11", "2026-11-02")).toBeCloseTo(0.1);
    expect(plannedFraction("2026-11-02", "2026-11-11", "2026-11-06")).toBeCloseTo(0.5);
    expect(plannedFraction("2026-11-02", "2026-11-11", "2026-11-11")).toBe(1);
    expect(plannedFraction(null, "2026-11-11", "2026-11-10")).toBe(0);
    expect(plannedFraction(null, null, "2026-11-10")).toBe(0);
  });

  it("computes PV, EV, AC, SPI and CPI on a hand-worked plan", () => {
    // Today 6 Nov. A: 40 h, 2–11 Nov (half planned), 25% done, 12 h booked.
    // B: 20 h, 26–30 Oct (all planned), done, 24 h booked. C: 10 h, later, nothing.
    // D: cancelled, ignored. PV = 20 + 20 = 40; EV = 10 + 20 = 30; AC = 36.
    const ev = earnedValue(
      [
        {
          estimateHours: 40,
          actualHours: 12,
          percentComplete: 25,
          status: "in_progress",
          startDate: "2026-11-02",
          dueDate: "2026-11-11",
        },
        {
          estimateHours: 20,
          actualHours: 24,
          percentComplete: 100,
          status: "done",
          startDate: "2026-10-26",
          dueDate: "2026-10-30",
        },
        {
          estimateHours: 10,
          actualHours: null,
          percentComplete: 0,
          status: "not_started",
          startDate: "2026-11-16",
          dueDate: "2026-11-20",
        },
        {
          estimateHours: 99,
          actualHours: 5,
          percentComplete: 50,
          status: "cancelled",
          startDate: "2026-10-01",
          dueDate: "2026-10-02",
        },
      ],
      "2026-11-06",
    );
    expect(ev).toEqual({ bac: 70, pv: 40, ev: 30, ac: 36, spi: 0.75, cpi: 0.83 });
  });

  it("has no SPI before anything is planned and no CPI before anything is booked", () => {
    expect(earnedValue([], "2026-11-06")).toEqual({
      bac: 0,
      pv: 0,
      ev: 0,
      ac: 0,
      spi: null,
      cpi: null,
    });
  });

  it("forecasts cost at completion from the share earned, once there is enough of it", () => {
    expect(forecastCost({ plannedBudget: 1000, actualCost: 400, earnedShare: 0.5 })).toBe(800);
    expect(forecastCost({ plannedBudget: 1000, actualCost: 600, earnedShare: 0.5 })).toBe(1200);
    expect(forecastCost({ plannedBudget: 1000, actualCost: 300, earnedShare: 0.05 })).toBe(1000);
    expect(forecastCost({ plannedBudget: 1000, actualCost: 1300, earnedShare: 0.05 })).toBe(1300);
  });
});
