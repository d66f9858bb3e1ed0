import * as z from "zod";

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written as YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const match = isoDatePattern.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return (
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(m) - 1 &&
    date.getUTCDate() === Number(d)
  );
}

/** A calendar date, `YYYY-MM-DD`, with no time zone. */
export const isoDate = z.string().refine(isIsoDate, { message: "Enter a date as YYYY-MM-DD" });
export type IsoDate = z.infer<typeof isoDate>;

/** An instant in UTC, as produced by `Date.prototype.toISOString`. */
export const isoTimestamp = z.iso.datetime();

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Monday to Friday are working days. */
export function isWorkingDay(date: string): boolean {
  const day = toUtc(date).getUTCDay();
  return day !== 0 && day !== 6;
}

/** Moves `days` working days from `date` (negative moves back); weekends are skipped. */
export function addWorkingDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError("days must be a whole number");
  const current = toUtc(date);
  const step = days < 0 ? -1 : 1;
  let left = Math.abs(days);
  while (left > 0) {
    current.setUTCDate(current.getUTCDate() + step);
    const day = current.getUTCDay();
    if (day !== 0 && day !== 6) left -= 1;
  }
  return fromUtc(current);
}

/**
 * Working days from `from` to `to`: positive when `to` is later. Counts the working days
 * stepped onto, so Friday → next Monday is 1 and a date to itself is 0.
 */
export function workingDaysBetween(from: string, to: string): number {
  if (from === to) return 0;
  const sign = from < to ? 1 : -1;
  const [start, end] = sign === 1 ? [toUtc(from), toUtc(to)] : [toUtc(to), toUtc(from)];
  const totalDays = Math.round((end.getTime() - start.getTime()) / 86_400_000);
  const fullWeeks = Math.floor(totalDays / 7);
  let count = fullWeeks * 5;
  const cursor = new Date(start.getTime() + fullWeeks * 7 * 86_400_000);
  while (cursor < end) {
    cursor.setUTCDate(cursor.getUTCDate() + 1);
    const day = cursor.getUTCDay();
    if (day !== 0 && day !== 6) count += 1;
  }
  return sign * count;
}

/** Moves `days` calendar days from `date` (negative moves back). */
export function addDays(date: string, days: number): string {
  const current = toUtc(date);
  current.setUTCDate(current.getUTCDate() + days);
  return fromUtc(current);
}

/**
 * Moves `months` calendar months from `date`, landing on `day` of that month (default: the
 * day of `date`), or on the month's last day when it is shorter — so 31 Jan → 28 Feb → 31 Mar.
 */
export function addMonths(date: string, months: number, day?: number): string {
  const d = toUtc(date);
  const targetDay = day ?? d.getUTCDate();
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(
    Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0),
  ).getUTCDate();
  first.setUTCDate(Math.min(targetDay, lastDay));
  return fromUtc(first);
}

/** Today's calendar date in UTC; callers that care about the user's zone pass their own. */
export function todayUtc(now: Date = new Date()): string {
  return fromUtc(now);
}
