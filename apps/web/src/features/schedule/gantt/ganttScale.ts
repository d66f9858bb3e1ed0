import {
  type DayFormat,
  formatDay,
  isoOfDay,
  isWeekend,
  mondayOnOrBefore,
  monthStart,
  monthStarts,
  nextMonthStart,
} from "../calendarDays.ts";
import type { GanttZoom } from "../scheduleSearch.ts";
import type { Span } from "./ganttModel.ts";

/** The time axis: calendar days at a fixed width each, chosen by the zoom. */

export type Zoom = GanttZoom;

export const pxPerDay: Record<Zoom, number> = { day: 28, week: 9, month: 3 };

export interface Scale {
  /** Day number at x = 0. */
  from: number;
  /** Day number where the chart ends (exclusive). */
  to: number;
  px: number;
  width: number;
}

export function makeScale(range: Span, zoom: Zoom, px = pxPerDay[zoom]): Scale {
  // Some room either side, starting on a Monday (days, weeks) or a month's first day.
  const padded = range.start - (zoom === "month" ? 31 : 14);
  const from = zoom === "month" ? monthStart(padded) : mondayOnOrBefore(padded);
  const to = range.end + (zoom === "month" ? 62 : 28);
  return { from, to, px, width: (to - from) * px };
}

export function xOf(scale: Scale, day: number): number {
  return (day - scale.from) * scale.px;
}

export function dayAt(scale: Scale, x: number): number {
  return scale.from + Math.floor(x / scale.px);
}

export interface Band {
  key: number;
  x: number;
  width: number;
  label: string;
  weekend?: boolean;
}

function bands(
  scale: Scale,
  starts: number[],
  next: (day: number) => number,
  label: (day: number, width: number) => string,
  x0: number,
  x1: number,
): Band[] {
  const out: Band[] = [];
  for (const day of starts) {
    const x = xOf(scale, day);
    const width = xOf(scale, next(day)) - x;
    if (x + width < x0 || x > x1) continue;
    out.push({ key: day, x, width, label: label(day, width), weekend: isWeekend(day) });
  }
  return out;
}

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let d = from; d < to; d += step) out.push(d);
  return out;
}

/** Labels that fit the width they get, longest first. */
function fit(day: number, width: number, formats: Array<[DayFormat, number]>): string {
  for (const [format, min] of formats) if (width >= min) return formatDay(day, format);
  return "";
}

/**
 * The header's two bands for the part of the axis in view: months over days (day zoom),
 * months over weeks (week zoom), years over months (month zoom).
 */
export function headerBands(scale: Scale, zoom: Zoom, x0: number, x1: number) {
  const first = Math.max(scale.from, scale.from + Math.floor(x0 / scale.px) - 40);
  const last = Math.min(scale.to, scale.from + Math.ceil(x1 / scale.px) + 40);
  const months = monthStarts(first, last);
  if (zoom === "month") {
    const years = months.filter((m, i) => i === 0 || isoOfDay(m).endsWith("-01-01"));
    return {
      top: bands(
        scale,
        years,
        (d) => years.find((y) => y > d) ?? last,
        (d, w) => fit(d, w, [["year", 30]]),
        x0,
        x1,
      ),
      bottom: bands(scale, months, nextMonthStart, (d, w) => fit(d, w, [["month", 24]]), x0, x1),
    };
  }
  const top = bands(
    scale,
    months,
    nextMonthStart,
    (d, w) =>
      fit(d, w, [
        ["monthYear", 110],
        ["month", 24],
      ]),
    x0,
    x1,
  );
  if (zoom === "week") {
    const weeks = range(mondayOnOrBefore(first), last, 7);
    return {
      top,
      bottom: bands(
        scale,
        weeks,
        (d) => d + 7,
        (d, w) => fit(d, w, [["dayMonth", 40]]),
        x0,
        x1,
      ),
    };
  }
  const days = range(first, last, 1);
  return {
    top,
    bottom: bands(
      scale,
      days,
      (d) => d + 1,
      (d, w) => fit(d, w, [["day", 14]]),
      x0,
      x1,
    ),
  };
}
