import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addWorkingDays, isIsoDate, isoDate, isWorkingDay, workingDaysBetween } from "./dates.ts";

describe("isIsoDate", () => {
  it.each([
    ["2026-11-22", true],
    ["2024-02-29", true],
    ["2026-02-29", false],
    ["2026-13-01", false],
    ["2026-1-01", false],
    ["2026-11-22T00:00:00Z", false],
    ["", false],
  ])("%s → %s", (value, valid) => {
    expect(isIsoDate(value)).toBe(valid);
    expect(isoDate.safeParse(value).success).toBe(valid);
  });
});

describe("working days", () => {
  it("skips weekends going forward and back", () => {
    expect(addWorkingDays("2026-11-20", 1)).toBe("2026-11-23"); // Fri → Mon
    expect(addWorkingDays("2026-11-23", -1)).toBe("2026-11-20"); // Mon → Fri
    expect(addWorkingDays("2026-11-18", 5)).toBe("2026-11-25");
    expect(addWorkingDays("2026-11-22", 0)).toBe("2026-11-22");
    expect(isWorkingDay("2026-11-22")).toBe(false);
    expect(isWorkingDay("2026-11-23")).toBe(true);
  });

  it("counts working days between dates, signed", () => {
    expect(workingDaysBetween("2026-11-20", "2026-11-23")).toBe(1);
    expect(workingDaysBetween("2026-11-23", "2026-11-20")).toBe(-1);
    expect(workingDaysBetween("2026-11-02", "2026-11-30")).toBe(20);
    expect(workingDaysBetween("2026-11-21", "2026-11-22")).toBe(0);
  });

  const weekday = fc
    .date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10))
    .filter(isWorkingDay);

  it("adding n working days then counting gives n back (property)", () => {
    fc.assert(
      fc.property(weekday, fc.integer({ min: -400, max: 400 }), (start, n) => {
        const end = addWorkingDays(start, n);
        expect(isWorkingDay(end)).toBe(true);
        expect(workingDaysBetween(start, end)).toBe(n);
      }),
    );
  });
});
