import { describe, expect, it } from "vitest";
import { dayNumber, isoOfDay } from "../schedule/calendarDays.ts";
import {
  type MilestoneTrend,
  movedShort,
  movedText,
  trendChartData,
  trendColors,
  trendTableRows,
  trendTicks,
} from "./trendModel.ts";

const trend: MilestoneTrend = {
  periods: [
    { reportId: "r1", number: 1, periodEnd: "2026-11-06" },
    { reportId: "r2", number: 2, periodEnd: "2026-11-13" },
    { reportId: "r3", number: 3, periodEnd: "2026-11-20" },
  ],
  milestones: [
    {
      id: "m-uat",
      name: "UAT sign-off v1.0",
      baselineDate: "2026-12-04",
      forecasts: ["2026-12-04", "2026-12-04", "2026-12-11"],
    },
    {
      id: "m-live",
      name: "Go-live",
      baselineDate: null,
      // Added to the plan after the first report.
      forecasts: [null, "2027-01-15", "2027-01-13"],
    },
  ],
};

describe("the milestone trend chart", () => {
  const data = trendChartData(trend);

  it("has a row per report with each forecast as a day number (null where absent)", () => {
    expect(data.rows.map((r) => r.period)).toEqual(["No. 1", "No. 2", "No. 3"]);
    expect(data.rows[0]).toMatchObject({ m0: dayNumber("2026-12-04"), m1: null });
    expect(data.rows[2]).toMatchObject({
      periodEnd: "2026-11-20",
      m0: dayNumber("2026-12-11"),
      m1: dayNumber("2027-01-13"),
    });
  });

  it("keys series by position, never by name (names may hold dots), with a colour each", () => {
    expect(data.series).toEqual([
      {
        key: "m0",
        name: "UAT sign-off v1.0",
        color: trendColors[0],
        baselineDate: "2026-12-04",
        baselineDay: dayNumber("2026-12-04"),
      },
      { key: "m1", name: "Go-live", color: trendColors[1], baselineDate: null, baselineDay: null },
    ]);
  });

  it("spans every forecast and baseline with a margin", () => {
    const [from, to] = data.domain;
    expect(from).toBeLessThan(dayNumber("2026-12-04"));
    expect(to).toBeGreaterThan(dayNumber("2027-01-15"));
    expect(dayNumber("2026-12-04") - from).toBeGreaterThanOrEqual(3);
  });

  it("reuses colours past eight milestones and survives an empty trend", () => {
    const many = trendChartData({
      periods: [{ reportId: "r", number: 1, periodEnd: "2026-11-06" }],
      milestones: Array.from({ length: 9 }, (_, i) => ({
        id: `m${i}`,
        name: `M${i}`,
        baselineDate: null,
        forecasts: ["2026-12-01"],
      })),
    });
    expect(many.series[8]?.color).toBe(trendColors[0]);
    expect(trendChartData({ periods: [], milestones: [] })).toEqual({
      rows: [],
      series: [],
      domain: [0, 1],
      ticks: [],
    });
  });
});

describe("the trend's date axis", () => {
  it("labels month starts over a long span, at most seven of them", () => {
    const ticks = trendTicks([dayNumber("2026-11-20"), dayNumber("2027-03-10")]);
    expect(ticks.map(isoOfDay)).toEqual(["2026-12-01", "2027-01-01", "2027-02-01", "2027-03-01"]);
    const year = trendTicks([dayNumber("2026-01-10"), dayNumber("2028-01-10")]);
    expect(year.length).toBeLessThanOrEqual(7);
    expect(year.every((d) => isoOfDay(d).endsWith("-01"))).toBe(true);
  });

  it("labels Mondays over a short span", () => {
    const ticks = trendTicks([dayNumber("2026-11-20"), dayNumber("2026-12-20")]);
    expect(ticks.map(isoOfDay)).toEqual(["2026-11-23", "2026-11-30", "2026-12-07", "2026-12-14"]);
  });
});

describe("the trend table", () => {
  it("says how far each forecast moved and where it stands against its baseline", () => {
    const [uat, live] = trendTableRows(trend);
    // 4 Dec → 11 Dec: five working days later.
    expect(uat).toMatchObject({ moved: 5, slip: 5 });
    expect(live).toMatchObject({ moved: -2, slip: null });
    expect(movedText(uat?.moved ?? null)).toBe("Slipped 5 working days");
    expect(movedText(live?.moved ?? null)).toBe("Pulled in 2 working days");
    expect(movedText(0)).toBe("Stable");
    expect(movedText(1)).toBe("Slipped 1 working day");
    expect(movedText(null)).toBe("—");
    expect([5, -2, 0, null].map(movedShort)).toEqual(["+5 wd", "−2 wd", "Stable", "—"]);
  });

  it("has no movement with a single forecast", () => {
    const [row] = trendTableRows({
      periods: [{ reportId: "r", number: 1, periodEnd: "2026-11-06" }],
      milestones: [{ id: "m", name: "M", baselineDate: "2026-12-01", forecasts: ["2026-11-30"] }],
    });
    expect(row).toMatchObject({ moved: null, slip: -1 });
  });
});
