import { describe, expect, it } from "vitest";
import { currentWeek, defaultPeriod, formatPeriod, overlapping } from "./reportPeriod.ts";

// 2026-11-16 is a Monday.
describe("the default report period", () => {
  it("is the previous Monday–Friday on any weekday", () => {
    for (const today of ["2026-11-16", "2026-11-18", "2026-11-20"]) {
      expect(defaultPeriod(today)).toEqual({ periodStart: "2026-11-09", periodEnd: "2026-11-13" });
    }
  });

  it("is the week just ended on a weekend", () => {
    expect(defaultPeriod("2026-11-21")).toEqual({
      periodStart: "2026-11-16",
      periodEnd: "2026-11-20",
    });
    expect(defaultPeriod("2026-11-22")).toEqual({
      periodStart: "2026-11-16",
      periodEnd: "2026-11-20",
    });
  });

  it("crosses month and year ends", () => {
    // 2027-01-01 is a Friday: the full week before it ends on Christmas day.
    expect(defaultPeriod("2027-01-01")).toEqual({
      periodStart: "2026-12-21",
      periodEnd: "2026-12-25",
    });
    expect(defaultPeriod("2027-01-04")).toEqual({
      periodStart: "2026-12-28",
      periodEnd: "2027-01-01",
    });
  });

  it("offers the current week too", () => {
    expect(currentWeek("2026-11-20")).toEqual({
      periodStart: "2026-11-16",
      periodEnd: "2026-11-20",
    });
    expect(currentWeek("2026-11-16")).toEqual({
      periodStart: "2026-11-16",
      periodEnd: "2026-11-20",
    });
    expect(currentWeek("2026-11-22")).toEqual({
      periodStart: "2026-11-16",
      periodEnd: "2026-11-20",
    });
  });
});

describe("periods", () => {
  it("formats a range in the reader's locale without shifting days", () => {
    const text = formatPeriod("2026-11-16", "2026-11-20");
    expect(text).toMatch(/16/);
    expect(text).toMatch(/20/);
    expect(text).toMatch(/2026/);
    expect(text).not.toMatch(/15|21/);
  });

  it("shows the raw dates when they are not a range", () => {
    expect(formatPeriod("2026-11-20", "2026-11-16")).toBe("2026-11-20 – 2026-11-16");
    expect(formatPeriod("nope", "2026-11-16")).toBe("nope – 2026-11-16");
  });

  it("finds reports overlapping a period, touching days included", () => {
    const reports = [
      { number: 1, periodStart: "2026-11-02", periodEnd: "2026-11-06" },
      { number: 2, periodStart: "2026-11-09", periodEnd: "2026-11-13" },
      { number: 3, periodStart: "2026-11-13", periodEnd: "2026-11-19" },
    ];
    const week = { periodStart: "2026-11-09", periodEnd: "2026-11-13" };
    expect(overlapping(reports, week).map((r) => r.number)).toEqual([2, 3]);
    expect(overlapping(reports, { periodStart: "2026-11-20", periodEnd: "2026-11-27" })).toEqual(
      [],
    );
  });
});
