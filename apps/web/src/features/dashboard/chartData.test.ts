import { describe, expect, it } from "vitest";
import {
  budgetBars,
  budgetVariance,
  burnUpRows,
  burnUpTodayPoint,
  heatRows,
  heatTotal,
  latestBurnUp,
  quadrantCounts,
  stakeholderRows,
  timelineSpan,
} from "./chartData.ts";

describe("chart data", () => {
  it("shapes the burn-up, stopping the actual line at today", () => {
    const rows = burnUpRows([
      { date: "2026-09-07", planned: 0.66, actual: 0.6 },
      { date: "2026-09-14", planned: 4.24, actual: 3.81 },
      { date: "2026-09-16", planned: 5.01, actual: 4.44 },
      { date: "2026-09-21", planned: 7.7, actual: null },
    ]);
    expect(rows[0]).toEqual({ date: "2026-09-07", Planned: 0.7, Actual: 0.6 });
    expect(rows[3]?.Actual).toBeNull();
    expect(latestBurnUp(rows)?.date).toBe("2026-09-16");
    expect(burnUpTodayPoint(rows, "2026-09-16")).toBe("2026-09-16");
    expect(burnUpTodayPoint(rows, "2026-09-18")).toBe("2026-09-16");
    expect(burnUpTodayPoint(rows, "2026-01-01")).toBeNull();
  });

  it("lays the heat map out with probability 5 on top and bands from the thresholds", () => {
    const map = [
      [0, 0, 0, 0, 0],
      [1, 0, 0, 1, 1],
      [0, 1, 3, 0, 1],
      [0, 0, 0, 1, 1],
      [0, 0, 0, 0, 2],
    ];
    const rows = heatRows(map, { medium: 5, high: 10, critical: 20 });
    expect(rows[0]?.[4]).toEqual({ probability: 5, impact: 5, count: 2, band: "critical" });
    expect(rows[2]?.[2]).toEqual({ probability: 3, impact: 3, count: 3, band: "medium" });
    expect(rows[4]?.[0]).toMatchObject({ probability: 1, impact: 1, band: "low" });
    expect(heatTotal(map)).toBe(12);
    // Another organisation's table moves the bands, not the counts.
    expect(heatRows(map, { medium: 3, high: 6, critical: 9 })[2]?.[2]?.band).toBe("critical");
  });

  it("places stakeholders on the power/interest grid", () => {
    const people = [
      { id: "1", name: "Dana", power: 5, interest: 4 },
      { id: "2", name: "Sarah", power: 5, interest: 4 },
      { id: "3", name: "Hannah", power: 2, interest: 3 },
      { id: "4", name: "Jonas", power: 1, interest: 1 },
    ];
    const rows = stakeholderRows(people);
    expect(rows[0]?.[3]).toMatchObject({ power: 5, interest: 4 });
    expect(rows[0]?.[3]?.people.map((p) => p.name)).toEqual(["Dana", "Sarah"]);
    expect(rows[0]?.[3]?.quadrant).toBe("manage_closely");
    expect(rows[4]?.[0]?.people).toEqual([{ id: "4", name: "Jonas" }]);
    expect(quadrantCounts(people)).toEqual({
      manage_closely: 2,
      keep_satisfied: 0,
      keep_informed: 1,
      monitor: 1,
    });
  });

  it("scales the budget bars to the largest figure", () => {
    const bars = budgetBars({ planned: 100_00, actual: 40_00, forecast: 125_00, currency: "EUR" });
    expect(bars.map((b) => [b.key, Math.round(b.width)])).toEqual([
      ["planned", 80],
      ["actual", 32],
      ["forecast", 100],
    ]);
    expect(budgetVariance({ planned: 100_00, actual: 0, forecast: 125_00, currency: "EUR" })).toBe(
      25,
    );
    expect(budgetVariance({ planned: 0, actual: 0, forecast: 5, currency: "EUR" })).toBeNull();
    expect(budgetBars({ planned: 0, actual: 0, forecast: 0, currency: "EUR" })[0]?.width).toBe(0);
  });

  it("spans the timeline over every date and today", () => {
    const span = timelineSpan(
      [
        {
          id: "m",
          name: "Go-live",
          baselineDate: "2026-02-05",
          forecastDate: "2026-02-15",
          actualDate: null,
          slip: 6,
          isGate: true,
          isGoLive: true,
        },
      ],
      "2026-01-10",
    );
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    expect(span.from).toBeLessThan(day("2026-01-10"));
    expect(span.to).toBeGreaterThan(day("2026-02-15"));
  });
});
