import { type milestoneTrendOutput, workingDaysBetween } from "@rollout/domain";
import type * as z from "zod";
import { dayNumber, mondayOnOrBefore, monthStarts } from "../schedule/calendarDays.ts";

/** Shapes `report.trend` for the line chart and its table (pure; tested beside it). */

export type MilestoneTrend = z.infer<typeof milestoneTrendOutput>;

/** Distinct hues that read on light and dark backgrounds; they repeat past eight milestones. */
export const trendColors = [
  "blue.6",
  "grape.6",
  "teal.6",
  "orange.6",
  "indigo.5",
  "lime.7",
  "pink.6",
  "cyan.6",
] as const;

export interface TrendSeries {
  /** The chart's data key: never the name (recharts reads dots in keys as nested paths). */
  key: string;
  name: string;
  color: string;
  baselineDate: string | null;
  /** The baseline as a day number, where the dashed reference line goes. */
  baselineDay: number | null;
}

/** One row per published report: the period and each milestone's forecast as a day number. */
export type TrendRow = { period: string; periodEnd: string; number: number } & Record<
  string,
  string | number | null
>;

export interface TrendChartData {
  rows: TrendRow[];
  series: TrendSeries[];
  /** The y axis, in day numbers: every forecast and baseline, with a margin. */
  domain: [number, number];
  /** Where the y axis has a date: month starts, or Mondays when the span is short. */
  ticks: number[];
}

/** Dates the y axis labels: the first of each month, or Mondays when under three months show. */
export function trendTicks([from, to]: [number, number]): number[] {
  const months = monthStarts(from, to).filter((d) => d >= from && d <= to);
  if (months.length >= 3) {
    const step = Math.ceil(months.length / 7);
    return months.filter((_, i) => i % step === 0);
  }
  const mondays: number[] = [];
  for (let d = mondayOnOrBefore(to); d >= from; d -= 7) mondays.unshift(d);
  const step = Math.ceil(mondays.length / 7);
  return mondays.filter((_, i) => (mondays.length - 1 - i) % step === 0);
}

/** "No. 3" — what the x axis and the table call a report. */
export const periodLabel = (number: number) => `No. ${number}`;

export function trendChartData(trend: MilestoneTrend): TrendChartData {
  const series: TrendSeries[] = trend.milestones.map((m, i) => ({
    key: `m${i}`,
    name: m.name,
    color: trendColors[i % trendColors.length] ?? "blue.6",
    baselineDate: m.baselineDate,
    baselineDay: m.baselineDate ? dayNumber(m.baselineDate) : null,
  }));
  const rows = trend.periods.map((p, i) => {
    const row: TrendRow = {
      period: periodLabel(p.number),
      periodEnd: p.periodEnd,
      number: p.number,
    };
    trend.milestones.forEach((m, j) => {
      const forecast = m.forecasts[i] ?? null;
      row[`m${j}`] = forecast === null ? null : dayNumber(forecast);
    });
    return row;
  });
  const days = trend.milestones.flatMap((m) =>
    [...m.forecasts, m.baselineDate].filter((d): d is string => d !== null).map(dayNumber),
  );
  if (days.length === 0) return { rows, series, domain: [0, 1], ticks: [] };
  const min = Math.min(...days);
  const max = Math.max(...days);
  const margin = Math.max(3, Math.round((max - min) * 0.08));
  const domain: [number, number] = [min - margin, max + margin];
  return { rows, series, domain, ticks: trendTicks(domain) };
}

export interface TrendTableRow {
  id: string;
  name: string;
  baselineDate: string | null;
  forecasts: (string | null)[];
  /** Working days the forecast moved from the first report that had one to the last. */
  moved: number | null;
  /** The latest forecast against the baseline, in working days (positive: late). */
  slip: number | null;
}

/** The same figures as a table: what screen readers and the printed page get. */
export function trendTableRows(trend: MilestoneTrend): TrendTableRow[] {
  return trend.milestones.map((m) => {
    const known = m.forecasts.filter((f): f is string => f !== null);
    const first = known[0];
    const last = known.at(-1);
    return {
      id: m.id,
      name: m.name,
      baselineDate: m.baselineDate,
      forecasts: m.forecasts,
      moved: first && last && known.length > 1 ? workingDaysBetween(first, last) : null,
      slip: last && m.baselineDate ? workingDaysBetween(m.baselineDate, last) : null,
    };
  });
}

/** "Stable", "+6 wd", "−2 wd": how far a forecast moved, for a narrow table column. */
export function movedShort(moved: number | null): string {
  if (moved === null) return "—";
  if (moved === 0) return "Stable";
  return moved > 0 ? `+${moved} wd` : `−${-moved} wd`;
}

/** "Stable", "Slipped 6 working days", "Pulled in 2 working days": the same in words. */
export function movedText(moved: number | null): string {
  if (moved === null) return "—";
  if (moved === 0) return "Stable";
  const unit = Math.abs(moved) === 1 ? "working day" : "working days";
  return moved > 0 ? `Slipped ${moved} ${unit}` : `Pulled in ${-moved} ${unit}`;
}
