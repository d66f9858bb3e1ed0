/** Dates and numbers in the reader's locale (the browser's), never a hard-coded one. */

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const timestampFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: "medium",
  timeStyle: "short",
});
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });

/** A calendar date `YYYY-MM-DD` as a local date (no time-zone shift). */
function calendarDate(iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

const formattedDates = new Map<string, string>();

/** A calendar date, or the local day of an ISO timestamp. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const known = formattedDates.get(iso);
  if (known !== undefined) return known;
  const date = calendarDate(iso) ?? (iso.includes("T") ? new Date(iso) : null);
  const text = date && !Number.isNaN(date.getTime()) ? dateFormat.format(date) : iso;
  // Calendar dates repeat across a plan; a few thousand entries at most.
  if (formattedDates.size < 20_000) formattedDates.set(iso, text);
  return text;
}

/** An instant (ISO timestamp in UTC) in the reader's zone. */
export function formatTimestamp(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timestampFormat.format(date);
}

/** Today's calendar date where the reader is, as `YYYY-MM-DD`. */
export function todayLocal(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

/** Calendar days from today to `iso` (negative when past). */
export function daysFromToday(iso: string, today: string = todayLocal()): number | null {
  const to = calendarDate(iso);
  const from = calendarDate(today);
  if (!to || !from) return null;
  return Math.round((to.getTime() - from.getTime()) / 86_400_000);
}

/** "in 12 days", "tomorrow", "3 days ago". */
export function relativeDays(iso: string, today?: string): string {
  const days = daysFromToday(iso, today);
  if (days === null) return "";
  return relativeFormat.format(days, "day");
}

// Building an Intl formatter costs far more than using one: grids format thousands of cells.
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  const key = options ? JSON.stringify(options) : "";
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(undefined, options);
    numberFormats.set(key, format);
  }
  return format.format(value);
}
