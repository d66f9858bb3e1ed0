import { addDays } from "@rollout/domain";

/** 0 Sunday … 6 Saturday, of a calendar date. */
function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

export interface ReportPeriod {
  periodStart: string;
  periodEnd: string;
}

/**
 * The working week a new report covers by default: the latest Monday–Friday that is over by
 * `today` (the reader's date). On a weekend that is the week just ended; on a weekday it is the
 * week before, so a report written on Monday morning covers last week.
 */
export function defaultPeriod(today: string): ReportPeriod {
  const weekday = weekdayOf(today);
  // Days back to the most recent Friday strictly before today (Saturday → 1, Friday → 7).
  const back = ((weekday + 1) % 7) + 1;
  const periodEnd = addDays(today, -back);
  return { periodStart: addDays(periodEnd, -4), periodEnd };
}

/** The week holding `today`, Monday to Friday (for a report written on Friday afternoon). */
export function currentWeek(today: string): ReportPeriod {
  const weekday = weekdayOf(today);
  const periodStart = addDays(today, -((weekday + 6) % 7));
  return { periodStart, periodEnd: addDays(periodStart, 4) };
}

const rangeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

function calendarDate(iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

/** "10 – 14 Nov 2025" in the reader's locale; the raw dates when either is not a date. */
export function formatPeriod(start: string, end: string): string {
  const from = calendarDate(start);
  const to = calendarDate(end);
  if (!from || !to || to < from) return `${start} – ${end}`;
  return rangeFormat.formatRange(from, to);
}

/** Reports whose period overlaps the one chosen (a second report for a week is allowed, but said). */
export function overlapping<T extends ReportPeriod>(
  reports: readonly T[],
  period: ReportPeriod,
): T[] {
  return reports.filter(
    (r) => r.periodStart <= period.periodEnd && r.periodEnd >= period.periodStart,
  );
}
