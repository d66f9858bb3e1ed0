import { formatDate, todayLocal } from "../../ui/format.ts";

/**
 * Times of comments, notifications and activity in the reader's locale: "5 minutes ago" beside
 * the full date and time (ui/format.ts), and the day an instant fell on where the reader is.
 */
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
const timeOfDay = new Intl.DateTimeFormat(undefined, { timeStyle: "short" });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 minutes ago", "3 hours ago", "yesterday"; the date once over a week old. */
export function timeAgo(iso: string, now: number = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const ago = now - at;
  if (ago < 45_000) return "just now";
  if (ago < HOUR) return relative.format(-Math.max(1, Math.round(ago / MINUTE)), "minute");
  if (ago < DAY) return relative.format(-Math.round(ago / HOUR), "hour");
  if (ago < 7 * DAY) return relative.format(-Math.round(ago / DAY), "day");
  return formatDate(iso);
}

/** The time of day of an instant, e.g. "14:05" or "2:05 PM". */
export function formatTimeOfDay(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? "" : timeOfDay.format(at);
}

/** The reader's calendar day of an instant, `YYYY-MM-DD`. */
export function localDay(iso: string): string {
  return todayLocal(new Date(iso));
}

/** "Today", "Yesterday", or the date. */
export function dayLabel(day: string, today: string = todayLocal()): string {
  if (day === today) return "Today";
  const yesterday = new Date(`${today}T12:00:00`);
  yesterday.setDate(yesterday.getDate() - 1);
  if (day === todayLocal(yesterday)) return "Yesterday";
  return formatDate(day);
}

/** Consecutive entries of the same day together, in the order given (newest first). */
export function groupByDay<T extends { at: string }>(
  items: readonly T[],
  dayOf: (iso: string) => string = localDay,
): Array<{ day: string; items: T[] }> {
  const groups: Array<{ day: string; items: T[] }> = [];
  for (const item of items) {
    const day = dayOf(item.at);
    const last = groups.at(-1);
    if (last && last.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}
