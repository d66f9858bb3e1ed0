import {
  type HeatMap,
  type ProjectDashboard,
  type Quadrant,
  quadrantOf,
  type RiskBand,
  type RiskThresholds,
  ratingValues,
  riskBand,
} from "@rollout/domain";
import { dayNumber } from "../schedule/calendarDays.ts";

/** Shapes the project dashboard's figures for its drawings (pure; tested beside it). */

export interface BurnUpRow {
  date: string;
  Planned: number;
  /** Null after today (nothing recorded yet): the line stops there. */
  Actual: number | null;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export function burnUpRows(points: ProjectDashboard["burnUp"]): BurnUpRow[] {
  return points.map((p) => ({
    date: p.date,
    Planned: oneDecimal(p.planned),
    Actual: p.actual === null ? null : oneDecimal(p.actual),
  }));
}

/** Where the drawing's "today" line goes: today's point, or the last one before it. */
export function burnUpTodayPoint(rows: readonly BurnUpRow[], today: string): string | null {
  let best: string | null = null;
  for (const row of rows) if (row.date <= today) best = row.date;
  return best;
}

/** The latest recorded actual and the plan on that day, for the words beside the chart. */
export function latestBurnUp(rows: readonly BurnUpRow[]): BurnUpRow | null {
  let latest: BurnUpRow | null = null;
  for (const row of rows) if (row.Actual !== null) latest = row;
  return latest;
}

export interface HeatCell {
  probability: number;
  impact: number;
  count: number;
  band: RiskBand;
}

/** The 5×5 map as rows, probability 5 at the top, impact 1…5 from the left. */
export function heatRows(map: HeatMap, thresholds: RiskThresholds): HeatCell[][] {
  return [...ratingValues].reverse().map((probability) =>
    ratingValues.map((impact) => ({
      probability,
      impact,
      count: map[probability - 1]?.[impact - 1] ?? 0,
      band: riskBand(probability * impact, thresholds),
    })),
  );
}

export function heatTotal(map: HeatMap): number {
  return map.reduce((sum, row) => sum + row.reduce((s, n) => s + n, 0), 0);
}

export interface PeopleCell {
  power: number;
  interest: number;
  people: Array<{ id: string; name: string }>;
  quadrant: Quadrant;
}

/** Stakeholders on the power/interest grid: power 5 at the top, interest 1…5 from the left. */
export function stakeholderRows(
  people: NonNullable<ProjectDashboard["stakeholders"]>,
): PeopleCell[][] {
  return [...ratingValues].reverse().map((power) =>
    ratingValues.map((interest) => ({
      power,
      interest,
      people: people
        .filter((p) => p.power === power && p.interest === interest)
        .map((p) => ({ id: p.id, name: p.name })),
      quadrant: quadrantOf(power, interest),
    })),
  );
}

export function quadrantCounts(
  people: NonNullable<ProjectDashboard["stakeholders"]>,
): Record<Quadrant, number> {
  const counts: Record<Quadrant, number> = {
    manage_closely: 0,
    keep_satisfied: 0,
    keep_informed: 0,
    monitor: 0,
  };
  for (const p of people) counts[quadrantOf(p.power, p.interest)] += 1;
  return counts;
}

export interface BudgetBar {
  key: "planned" | "actual" | "forecast";
  label: string;
  value: number;
  /** Share of the longest bar, 0–100. */
  width: number;
}

/** Planned, spent to date and forecast at completion, scaled to the largest of them. */
export function budgetBars(budget: ProjectDashboard["budget"]): BudgetBar[] {
  const values = [
    { key: "planned" as const, label: "Planned", value: budget.planned },
    { key: "actual" as const, label: "Spent to date", value: budget.actual },
    { key: "forecast" as const, label: "Forecast at completion", value: budget.forecast },
  ];
  const max = Math.max(1, ...values.map((v) => v.value));
  return values.map((v) => ({ ...v, width: Math.max(0, (v.value / max) * 100) }));
}

/** Forecast over (positive) or under plan, in percent; null without a plan. */
export function budgetVariance(budget: ProjectDashboard["budget"]): number | null {
  if (budget.planned <= 0) return null;
  return ((budget.forecast - budget.planned) / budget.planned) * 100;
}

/** The span of days a milestone timeline draws: every date and today, with a margin. */
export function timelineSpan(
  milestones: ProjectDashboard["milestones"],
  today: string,
): { from: number; to: number } {
  const days = milestones
    .flatMap((m) => [m.baselineDate, m.forecastDate, m.actualDate])
    .filter((d): d is string => d !== null)
    .map(dayNumber);
  days.push(dayNumber(today));
  const min = Math.min(...days);
  const max = Math.max(...days);
  const margin = Math.max(7, Math.round((max - min) * 0.04));
  return { from: min - margin, to: max + margin };
}
