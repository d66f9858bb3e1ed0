import { describe, expect, it } from "vitest";
import { addDays, dayNumber, formatDay, isoOfDay } from "./calendarDays.ts";

describe("calendar days (cached conversions)", () => {
  it("turns dates into day numbers and back, the same on every call", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("2026-03-01")).toBe(20513);
    // Asked again (now from the cache), and next to other dates: the same answers.
    for (const iso of ["2026-03-01", "2024-02-29", "2026-03-01", "2024-02-29"]) {
      expect(isoOfDay(dayNumber(iso))).toBe(iso);
    }
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
  });

  it("formats a day like Intl does, once per format and day", () => {
    const day = dayNumber("2026-12-24");
    const expected = new Intl.DateTimeFormat(undefined, {
      day: "numeric",
      month: "short",
      timeZone: "UTC",
    }).format(new Date(Date.UTC(2026, 11, 24)));
    expect(formatDay(day, "dayMonth")).toBe(expected);
    expect(formatDay(day, "dayMonth")).toBe(expected);
    // The same day in another format is not mixed up with it.
    expect(formatDay(day, "year")).toBe(
      new Intl.DateTimeFormat(undefined, { year: "numeric", timeZone: "UTC" }).format(
        new Date(Date.UTC(2026, 11, 24)),
      ),
    );
  });
});
