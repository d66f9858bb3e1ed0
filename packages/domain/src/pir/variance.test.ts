import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { workingDaysBetween } from "../dates.ts";
import {
  budgetVariance,
  goLiveDates,
  scheduleVariance,
  workingDaysBetweenWithHolidays,
} from "./variance.ts";

// 2026-11-20 is a Friday; 2026-12-25 (Christmas) and 2027-01-01 are Fridays too.
describe("working days with holidays", () => {
  it("counts the working days stepped onto, skipping weekends", () => {
    expect(workingDaysBetweenWithHolidays("2026-11-20", "2026-11-23", [])).toBe(1);
    expect(workingDaysBetweenWithHolidays("2026-11-20", "2026-11-21", [])).toBe(0);
    expect(workingDaysBetweenWithHolidays("2026-11-20", "2026-11-27", [])).toBe(5);
    expect(workingDaysBetweenWithHolidays("2026-11-23", "2026-11-20", [])).toBe(-1);
    expect(workingDaysBetweenWithHolidays("2026-11-22", "2026-11-21", [])).toBe(0);
    expect(workingDaysBetweenWithHolidays("2026-11-20", "2026-11-20", ["2026-11-20"])).toBe(0);
  });

  it("skips holidays between the dates, in either direction", () => {
    const holidays = ["2026-12-25", "2026-12-28", "2027-01-01"];
    // Thu 24 Dec → Thu 31 Dec: Fri 25 and Mon 28 are off, leaving Tue, Wed, Thu.
    expect(workingDaysBetweenWithHolidays("2026-12-24", "2026-12-31", holidays)).toBe(3);
    expect(workingDaysBetweenWithHolidays("2026-12-31", "2026-12-24", holidays)).toBe(-3);
    // Across New Year: Thu 31 Dec → Mon 4 Jan steps onto Fri 1 Jan (off) and Mon 4 Jan.
    expect(workingDaysBetweenWithHolidays("2026-12-31", "2027-01-04", holidays)).toBe(1);
  });

  it("ignores holidays on weekends, outside the range, and duplicates", () => {
    const holidays = ["2026-11-21", "2026-11-22", "2026-11-19", "2026-11-24", "2026-11-24"];
    expect(workingDaysBetweenWithHolidays("2026-11-20", "2026-11-27", holidays)).toBe(4);
  });

  it("equals the weekend-only count when there are no holidays", () => {
    const day = fc
      .integer({ min: 0, max: 2000 })
      .map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (a, b) => {
        // (+ 0: the weekend-only count may say -0 going back across a weekend.)
        expect(workingDaysBetweenWithHolidays(a, b, [])).toBe(workingDaysBetween(a, b) + 0);
        expect(workingDaysBetweenWithHolidays(a, b, ["2026-05-01"])).toBe(
          0 - workingDaysBetweenWithHolidays(b, a, ["2026-05-01"]),
        );
        expect(Object.is(workingDaysBetweenWithHolidays(b, a, []), -0)).toBe(false);
      }),
    );
  });
});

describe("schedule variance", () => {
  const holidays = ["2026-12-25", "2026-12-28"];

  it("is positive when the go-live was late, in working days net of holidays", () => {
    expect(
      scheduleVariance({ baselineGoLive: "2026-12-24", actualGoLive: "2026-12-31", holidays }),
    ).toBe(3);
  });

  it("is negative when the go-live was early", () => {
    expect(
      scheduleVariance({ baselineGoLive: "2026-11-27", actualGoLive: "2026-11-20", holidays }),
    ).toBe(-5);
  });

  it("is zero on time", () => {
    expect(
      scheduleVariance({ baselineGoLive: "2026-11-20", actualGoLive: "2026-11-20", holidays }),
    ).toBe(0);
  });

  it("is null while the project is not live yet", () => {
    expect(
      scheduleVariance({ baselineGoLive: "2026-11-20", actualGoLive: null, holidays }),
    ).toBeNull();
    expect(
      scheduleVariance({ baselineGoLive: null, actualGoLive: "2026-11-20", holidays }),
    ).toBeNull();
  });

  it("compares the go-live milestone's baseline, else the target; the project's actual first", () => {
    const project = { targetGoLive: "2026-12-01", actualGoLive: null };
    expect(goLiveDates(project, null)).toEqual({
      baselineGoLive: "2026-12-01",
      actualGoLive: null,
    });
    expect(goLiveDates(project, { baselineDate: "2026-11-27", actualDate: "2026-12-03" })).toEqual({
      baselineGoLive: "2026-11-27",
      actualGoLive: "2026-12-03",
    });
    expect(
      goLiveDates(
        { ...project, actualGoLive: "2026-12-04" },
        { baselineDate: null, actualDate: "2026-12-03" },
      ),
    ).toEqual({ baselineGoLive: "2026-12-01", actualGoLive: "2026-12-04" });
  });
});

describe("budget variance", () => {
  it("is positive over budget, with the percentage of the plan", () => {
    expect(budgetVariance(42_000_000, 44_150_000)).toEqual({ amount: 2_150_000, percent: 5.1 });
  });

  it("is negative under budget", () => {
    expect(budgetVariance(10_000, 7_500)).toEqual({ amount: -2_500, percent: -25 });
  });

  it("is zero on budget", () => {
    expect(budgetVariance(10_000, 10_000)).toEqual({ amount: 0, percent: 0 });
  });

  it("has no percentage when nothing was planned", () => {
    expect(budgetVariance(0, 1_000)).toEqual({ amount: 1_000, percent: null });
    expect(budgetVariance(0, 0)).toEqual({ amount: 0, percent: null });
  });
});
