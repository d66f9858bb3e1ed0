import { addWorkingDays, isWorkingDay, workingDaysBetween } from "../dates.ts";
import type { WorkingCalendar } from "../schedule/calendar.ts";

export interface TaskDates {
  startDate: string | null;
  dueDate: string | null;
  /** Working days, counting the start and due days (a one-day task starts and ends the same day). */
  duration: number | null;
}

export type DatesResult =
  | { ok: true; dates: TaskDates }
  | { ok: false; field: string; message: string };

/** Moves a weekend date to the next Monday (forward) or the previous Friday (back). */
export function toWorkingDay(date: string, direction: 1 | -1): string {
  // From a weekend day, one working day in a direction lands on the nearest one that way.
  return isWorkingDay(date) ? date : addWorkingDays(date, direction);
}

/** Working days from start to due, both counted (holidays skipped when a calendar is given). */
export function durationOf(startDate: string, dueDate: string, calendar?: WorkingCalendar): number {
  if (calendar) return calendar.dayOf(dueDate, -1) - calendar.dayOf(startDate, 1) + 1;
  return workingDaysBetween(toWorkingDay(startDate, 1), toWorkingDay(dueDate, -1)) + 1;
}

export function dueFrom(startDate: string, duration: number, calendar?: WorkingCalendar): string {
  if (calendar) return calendar.dateOf(calendar.dayOf(startDate, 1) + duration - 1);
  return addWorkingDays(toWorkingDay(startDate, 1), duration - 1);
}

export function startFrom(dueDate: string, duration: number, calendar?: WorkingCalendar): string {
  if (calendar) return calendar.dateOf(calendar.dayOf(dueDate, -1) - (duration - 1));
  return addWorkingDays(toWorkingDay(dueDate, -1), -(duration - 1));
}

/** Moves a date by `days` working days on the calendar (or Mon–Fri without one). */
export function shiftDate(date: string, days: number, calendar?: WorkingCalendar): string {
  if (calendar) return calendar.dateOf(calendar.dayOf(date, days < 0 ? -1 : 1) + days);
  return addWorkingDays(date, days);
}

/**
 * The one rule that keeps start, due and duration consistent. `changed` says which the person
 * just edited; the third is derived from the other two:
 * - a new start alone moves the task (due follows, duration kept);
 * - start + due → duration; start + duration → due; due + duration → start;
 * - only one of them → kept as given.
 * A due date before the start is refused.
 */
export function reconcileDates(
  next: TaskDates,
  changed: ReadonlyArray<keyof TaskDates> = ["startDate", "dueDate", "duration"],
  /** The organisation's calendar, so holidays count as non-working days. */
  calendar?: WorkingCalendar,
): DatesResult {
  const { startDate, dueDate, duration } = next;
  if (duration !== null && (!Number.isInteger(duration) || duration < 1)) {
    return {
      ok: false,
      field: "duration",
      message: "Duration is a whole number of working days, at least 1",
    };
  }
  const edited = (k: keyof TaskDates) => changed.includes(k);
  // A new start alone moves the task: it keeps its length.
  if (
    startDate &&
    duration !== null &&
    edited("startDate") &&
    !edited("dueDate") &&
    !edited("duration")
  ) {
    return {
      ok: true,
      dates: { startDate, dueDate: dueFrom(startDate, duration, calendar), duration },
    };
  }
  if (startDate && dueDate && dueDate < startDate) {
    return { ok: false, field: "dueDate", message: "The due date cannot be before the start date" };
  }
  if (startDate && dueDate) {
    const derived = durationOf(startDate, dueDate, calendar);
    if (duration !== null && edited("duration") && !edited("dueDate")) {
      return {
        ok: true,
        dates: { startDate, dueDate: dueFrom(startDate, duration, calendar), duration },
      };
    }
    if (duration !== null && edited("duration") && !edited("startDate")) {
      return {
        ok: true,
        dates: { startDate: startFrom(dueDate, duration, calendar), dueDate, duration },
      };
    }
    return { ok: true, dates: { startDate, dueDate, duration: Math.max(1, derived) } };
  }
  if (startDate && duration !== null) {
    return {
      ok: true,
      dates: { startDate, dueDate: dueFrom(startDate, duration, calendar), duration },
    };
  }
  if (dueDate && duration !== null) {
    return {
      ok: true,
      dates: { startDate: startFrom(dueDate, duration, calendar), dueDate, duration },
    };
  }
  return { ok: true, dates: { startDate, dueDate, duration } };
}
