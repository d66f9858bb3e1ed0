import { workingDaysBetween } from "../dates.ts";

/**
 * Working days from `from` to `to` (positive when `to` is later), skipping weekends and the
 * organisation's holidays. Counts the working days stepped onto, like `workingDaysBetween`:
 * Friday → Monday is 1, a date to itself is 0, and a holiday Monday makes Friday → Tuesday 1.
 */
export function workingDaysBetweenWithHolidays(
  from: string,
  to: string,
  holidays: Iterable<string>,
): number {
  if (from === to) return 0;
  const [low, high, sign] = from < to ? [from, to, 1] : [to, from, -1];
  let count = workingDaysBetween(low, high);
  for (const day of new Set(holidays)) {
    // Only holidays on a weekday inside (low, high] were counted as working days.
    if (day > low && day <= high && isWeekday(day)) count -= 1;
  }
  // Never -0: Friday → Saturday backwards is simply no working day.
  return count === 0 ? 0 : sign * count;
}

function isWeekday(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

export interface ScheduleVarianceInput {
  /** The go-live milestone's baseline date, else the project's target go-live. */
  baselineGoLive: string | null;
  /** The project's actual go-live, else the go-live milestone's actual date; null: not live. */
  actualGoLive: string | null;
  holidays: Iterable<string>;
}

/**
 * Schedule variance of the go-live in working days: positive is late, negative early, null
 * while the project is not live yet (or has no baseline to compare with).
 */
export function scheduleVariance(input: ScheduleVarianceInput): number | null {
  if (!input.baselineGoLive || !input.actualGoLive) return null;
  return workingDaysBetweenWithHolidays(input.baselineGoLive, input.actualGoLive, input.holidays);
}

export interface BudgetVariance {
  /** Actual cost minus planned budget, in minor units: positive is over budget. */
  amount: number;
  /** The variance as a percentage of the plan (one decimal); null when nothing was planned. */
  percent: number | null;
}

export function budgetVariance(plannedBudget: number, actualCost: number): BudgetVariance {
  const amount = actualCost - plannedBudget;
  const percent = plannedBudget === 0 ? null : Math.round((amount / plannedBudget) * 1000) / 10;
  return { amount, percent: Object.is(percent, -0) ? 0 : percent };
}

/** The dates a review compares, picked from the project and its go-live milestone. */
export function goLiveDates(
  project: { targetGoLive: string; actualGoLive: string | null },
  goLiveMilestone: { baselineDate: string | null; actualDate: string | null } | null,
): { baselineGoLive: string; actualGoLive: string | null } {
  return {
    baselineGoLive: goLiveMilestone?.baselineDate ?? project.targetGoLive,
    actualGoLive: project.actualGoLive ?? goLiveMilestone?.actualDate ?? null,
  };
}
