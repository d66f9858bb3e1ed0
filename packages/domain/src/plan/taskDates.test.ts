import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addWorkingDays, isWorkingDay, workingDaysBetween } from "../dates.ts";
import { WorkingCalendar } from "../schedule/calendar.ts";
import { durationOf, reconcileDates, toWorkingDay } from "./taskDates.ts";

describe("task dates", () => {
  it("derives the third of start, due and duration from the two just edited", () => {
    // Thu 26 Nov 2026, 3 working days → Mon 30 Nov.
    expect(reconcileDates({ startDate: "2026-11-26", dueDate: null, duration: 3 })).toEqual({
      ok: true,
      dates: { startDate: "2026-11-26", dueDate: "2026-11-30", duration: 3 },
    });
    expect(reconcileDates({ startDate: null, dueDate: "2026-11-30", duration: 3 })).toMatchObject({
      dates: { startDate: "2026-11-26" },
    });
    expect(
      reconcileDates({ startDate: "2026-11-23", dueDate: "2026-11-27", duration: 9 }, ["dueDate"]),
    ).toMatchObject({ dates: { duration: 5 } });
    expect(
      reconcileDates({ startDate: "2026-11-23", dueDate: "2026-11-27", duration: 2 }, ["duration"]),
    ).toMatchObject({ dates: { dueDate: "2026-11-24" } });
  });

  it("moves a task when only its start changes, keeping its length", () => {
    expect(
      reconcileDates({ startDate: "2026-11-30", dueDate: "2026-11-27", duration: 5 }, [
        "startDate",
      ]),
    ).toEqual({ ok: true, dates: { startDate: "2026-11-30", dueDate: "2026-12-04", duration: 5 } });
  });

  it("refuses a due date before the start and a duration under one day", () => {
    expect(
      reconcileDates({ startDate: "2026-11-27", dueDate: "2026-11-26", duration: null }),
    ).toMatchObject({
      ok: false,
      field: "dueDate",
    });
    expect(reconcileDates({ startDate: null, dueDate: null, duration: 0 })).toMatchObject({
      ok: false,
      field: "duration",
    });
  });

  it("treats weekend dates as the nearest working day in the direction of the work", () => {
    expect(toWorkingDay("2026-11-28", 1)).toBe("2026-11-30"); // Sat → Mon
    expect(toWorkingDay("2026-11-29", -1)).toBe("2026-11-27"); // Sun → Fri
    expect(durationOf("2026-11-27", "2026-11-30")).toBe(2); // Fri → Mon
    expect(durationOf("2026-11-28", "2026-12-01")).toBe(2); // Sat → Tue counts Mon and Tue
  });

  it("skips the organisation's holidays when given its calendar", () => {
    const calendar = new WorkingCalendar("2026-11-23", ["2026-11-26"]); // Thursday off
    expect(
      reconcileDates(
        { startDate: "2026-11-25", dueDate: null, duration: 3 },
        ["duration"],
        calendar,
      ),
    ).toMatchObject({ dates: { dueDate: "2026-11-30" } }); // Wed, (Thu off), Fri, Mon
    expect(
      reconcileDates(
        { startDate: "2026-11-25", dueDate: "2026-11-27", duration: null },
        ["dueDate"],
        calendar,
      ),
    ).toMatchObject({ dates: { duration: 2 } });
  });

  it("applies lags and leads in working days", () => {
    // A finish-to-start link with lag 2 from Friday starts the successor on Wednesday.
    expect(addWorkingDays("2026-11-27", 1 + 2)).toBe("2026-12-02");
    // A lead of 2 (negative lag) from Wednesday lands on Monday.
    expect(addWorkingDays("2026-12-02", -2)).toBe("2026-11-30");
  });

  const weekday = fc
    .date({ min: new Date("2020-01-01"), max: new Date("2035-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10))
    .filter(isWorkingDay);

  it("duration of a start and the due it produces is the duration (property)", () => {
    fc.assert(
      fc.property(weekday, fc.integer({ min: 1, max: 300 }), (start, duration) => {
        const result = reconcileDates({ startDate: start, dueDate: null, duration });
        if (!result.ok) throw new Error(result.message);
        const due = result.dates.dueDate as string;
        expect(durationOf(start, due)).toBe(duration);
        expect(workingDaysBetween(start, due)).toBe(duration - 1);
      }),
    );
  });
});
