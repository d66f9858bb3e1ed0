/**
 * Calendar dates (`YYYY-MM-DD`) as whole day numbers (days since 1970-01-01), so a time axis is
 * plain arithmetic: no time zones, no daylight-saving hours.
 */

const DAY = 86_400_000;

const dayNumbers = new Map<string, number>();

/** Cached: a plan of thousands of tasks names the same few hundred dates again and again. */
export function dayNumber(iso: string): number {
  const known = dayNumbers.get(iso);
  if (known !== undefined) return known;
  const day = Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
  if (dayNumbers.size < 50_000) dayNumbers.set(iso, day);
  return day;
}

export function isoOfDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

/** 0 Sunday … 6 Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: number): boolean {
  const w = weekday(day);
  return w === 0 || w === 6;
}

/** The Monday on or before `day`. */
export function mondayOnOrBefore(day: number): number {
  return day - ((weekday(day) + 6) % 7);
}

/** The first of the month of `day`, as a day number. */
export function monthStart(day: number): number {
  const iso = isoOfDay(day);
  return dayNumber(`${iso.slice(0, 8)}01`);
}

/** The first of the next month. */
export function nextMonthStart(day: number): number {
  const d = new Date(monthStart(day) * DAY);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return Math.floor(d.getTime() / DAY);
}

/** Month starts from the month holding `from` to the one holding `to`. */
export function monthStarts(from: number, to: number): number[] {
  const out: number[] = [];
  for (let m = monthStart(from); m <= to; m = nextMonthStart(m)) out.push(m);
  return out;
}

/** Formats day numbers in the reader's locale (formatters are built once; they are slow to make). */
const formats = {
  month: new Intl.DateTimeFormat(undefined, { month: "short", timeZone: "UTC" }),
  monthYear: new Intl.DateTimeFormat(undefined, {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }),
  year: new Intl.DateTimeFormat(undefined, { year: "numeric", timeZone: "UTC" }),
  dayMonth: new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", timeZone: "UTC" }),
  day: new Intl.DateTimeFormat(undefined, { day: "numeric", timeZone: "UTC" }),
  weekdayNarrow: new Intl.DateTimeFormat(undefined, { weekday: "narrow", timeZone: "UTC" }),
};

export type DayFormat = keyof typeof formats;

const formatted = new Map<string, string>();

/** Cached: a Gantt formats the same few thousand days again on every scroll. */
export function formatDay(day: number, format: DayFormat): string {
  const key = `${format}${day}`;
  const known = formatted.get(key);
  if (known !== undefined) return known;
  const text = formats[format].format(new Date(day * DAY));
  if (formatted.size < 50_000) formatted.set(key, text);
  return text;
}
