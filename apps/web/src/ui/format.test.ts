import { describe, expect, it } from "vitest";
import { daysFromToday, formatDate, todayLocal } from "./format.ts";

describe("dates in the reader's zone", () => {
  it("counts calendar days between calendar dates", () => {
    expect(daysFromToday("2026-03-10", "2026-03-01")).toBe(9);
    expect(daysFromToday("2026-02-27", "2026-03-01")).toBe(-2);
    // Across a daylight-saving change the count stays whole.
    expect(daysFromToday("2026-04-01", "2026-03-01")).toBe(31);
  });

  it("formats a calendar date without shifting it by the time zone", () => {
    const formatted = formatDate("2026-01-01");
    expect(formatted).toMatch(/2026/);
    expect(formatted).not.toMatch(/2025/);
    expect(formatDate(null)).toBe("—");
  });

  it("gives today as YYYY-MM-DD", () => {
    expect(todayLocal(new Date(2026, 10, 5, 23, 30))).toBe("2026-11-05");
  });
});
