import type { Rag } from "../enums.ts";
import { formatMoney } from "../money.ts";

/** The health rules' thresholds; each organisation may set its own (defaults: PRODUCT.md). */
export interface HealthThresholds {
  /** Worst open-milestone slip, in working days, above which schedule is amber / red. */
  slipAmberDays: number;
  slipRedDays: number;
  /** Share of open tasks overdue, in percent, above which schedule is amber. */
  overdueAmberPct: number;
  /** Forecast cost over plan, in percent, above which budget is amber / red. */
  budgetAmberPct: number;
  budgetRedPct: number;
  /** An open risk scoring at least this with no mitigation turns risk amber. */
  riskAmberScore: number;
  /** An open risk scoring at least this turns risk red (as does an open critical issue). */
  riskRedScore: number;
}

export const defaultHealthThresholds: HealthThresholds = {
  slipAmberDays: 5,
  slipRedDays: 10,
  overdueAmberPct: 10,
  budgetAmberPct: 5,
  budgetRedPct: 10,
  riskAmberScore: 15,
  riskRedScore: 20,
};

export function healthThresholdsProblem(t: HealthThresholds): string | null {
  if (!(t.slipAmberDays < t.slipRedDays)) return "The red slip must be above the amber slip";
  if (!(t.budgetAmberPct < t.budgetRedPct)) return "The red budget overrun must be above amber";
  if (!(t.riskAmberScore <= t.riskRedScore)) return "The red risk score must not be below amber";
  return null;
}

export const healthDimensions = ["schedule", "budget", "risk"] as const;
export type HealthDimension = (typeof healthDimensions)[number];

export const healthDimensionLabels: Record<HealthDimension, string> = {
  schedule: "Schedule",
  budget: "Budget",
  risk: "Risk",
};

export interface DimensionHealth {
  rag: Rag;
  /** Why it has this colour, worst first; empty when green for want of anything wrong. */
  reasons: string[];
}

const order: Record<Rag, number> = { green: 0, amber: 1, red: 2 };

export function worstRag(rags: Iterable<Rag>): Rag {
  let worst: Rag = "green";
  for (const r of rags) if (order[r] > order[worst]) worst = r;
  return worst;
}

const days = (n: number) => `${n} working day${n === 1 ? "" : "s"}`;

export interface ScheduleHealthInput {
  /** Milestones not yet achieved, with their slip against baseline (null: no baseline). */
  openMilestones: ReadonlyArray<{ name: string; slip: number | null; isGoLive: boolean }>;
  openTasks: number;
  overdueTasks: number;
}

/**
 * Schedule: the worst open-milestone slip over the amber / red limit, or too many open tasks
 * overdue. "Go-live forecast 7 working days after baseline".
 */
export function scheduleHealth(
  input: ScheduleHealthInput,
  t: HealthThresholds = defaultHealthThresholds,
): DimensionHealth {
  const reasons: Array<{ rag: Rag; text: string; weight: number }> = [];
  for (const m of input.openMilestones) {
    if (m.slip === null || m.slip <= t.slipAmberDays) continue;
    const rag: Rag = m.slip > t.slipRedDays ? "red" : "amber";
    const what = m.isGoLive ? `Go-live (${m.name})` : m.name;
    reasons.push({ rag, weight: m.slip, text: `${what} forecast ${days(m.slip)} after baseline` });
  }
  if (input.openTasks > 0) {
    const pct = (input.overdueTasks / input.openTasks) * 100;
    if (pct > t.overdueAmberPct) {
      reasons.push({
        rag: "amber",
        weight: pct,
        text: `${input.overdueTasks} of ${input.openTasks} open tasks overdue (${Math.round(pct)}%)`,
      });
    }
  }
  reasons.sort((a, b) => order[b.rag] - order[a.rag] || b.weight - a.weight);
  return { rag: worstRag(reasons.map((r) => r.rag)), reasons: reasons.map((r) => r.text) };
}

export interface BudgetHealthInput {
  /** Minor units of `currency`. */
  planned: number;
  forecast: number;
  currency: string;
}

/** Budget: forecast cost over plan by more than the amber / red percentage. */
export function budgetHealth(
  input: BudgetHealthInput,
  t: HealthThresholds = defaultHealthThresholds,
): DimensionHealth {
  if (input.planned <= 0) {
    return input.forecast > 0
      ? { rag: "amber", reasons: ["Costs are booked but the project has no planned budget"] }
      : { rag: "green", reasons: [] };
  }
  const over = ((input.forecast - input.planned) / input.planned) * 100;
  if (over <= t.budgetAmberPct) return { rag: "green", reasons: [] };
  return {
    rag: over > t.budgetRedPct ? "red" : "amber",
    reasons: [
      `Forecast cost ${formatMoney(input.forecast, input.currency)} is ${over.toFixed(1)}% over the planned ${formatMoney(input.planned, input.currency)}`,
    ],
  };
}

export interface RiskHealthInput {
  /** Open risks (threats) with their current score. */
  openRisks: ReadonlyArray<{
    ref: string;
    title: string;
    score: number;
    mitigation: string;
    internalOnly?: boolean;
  }>;
  /** Open issues with their severity. */
  openIssues: ReadonlyArray<{
    ref: string;
    title: string;
    severity: string | null;
    internalOnly?: boolean;
  }>;
}

/**
 * Risk: an open risk scoring at least the amber score with no mitigation → amber; one scoring
 * at least the red score, or an open critical issue → red.
 */
export function riskHealth(
  input: RiskHealthInput,
  t: HealthThresholds = defaultHealthThresholds,
  /** For readers outside the team: internal-only risks count, but are not named. */
  options: { hideInternal?: boolean } = {},
): DimensionHealth {
  const reasons: Array<{ rag: Rag; text: string; weight: number }> = [];
  for (const r of input.openRisks) {
    const name =
      options.hideInternal && r.internalOnly ? "An internal risk" : `Risk ${r.ref} "${r.title}"`;
    if (r.score >= t.riskRedScore) {
      reasons.push({
        rag: "red",
        weight: r.score,
        text: `${name} scores ${r.score}${r.mitigation.trim() ? "" : " with no mitigation"}`,
      });
    } else if (r.score >= t.riskAmberScore && !r.mitigation.trim()) {
      reasons.push({
        rag: "amber",
        weight: r.score,
        text: `${name} scores ${r.score} with no mitigation`,
      });
    }
  }
  for (const i of input.openIssues) {
    if (i.severity === "critical") {
      const name =
        options.hideInternal && i.internalOnly
          ? "An internal critical issue"
          : `Critical issue ${i.ref} "${i.title}"`;
      reasons.push({ rag: "red", weight: 100, text: `${name} is open` });
    }
  }
  reasons.sort((a, b) => order[b.rag] - order[a.rag] || b.weight - a.weight);
  return { rag: worstRag(reasons.map((r) => r.rag)), reasons: reasons.map((r) => r.text) };
}

export interface HealthOverride {
  rag: Rag;
  reason: string;
  /** Calendar date after which the override no longer applies (null: until cleared). */
  expiresOn: string | null;
}

export interface ProjectHealth {
  /** What the rules say, whatever any override says. */
  computed: Rag;
  /** What is shown: the override while it is in force, else the computed colour. */
  overall: Rag;
  dimensions: Record<HealthDimension, DimensionHealth>;
  override: (HealthOverride & { active: boolean }) | null;
}

/** Overall = worst of the dimensions, unless a PM's override is in force (it never hides them). */
export function projectHealth(
  dimensions: Record<HealthDimension, DimensionHealth>,
  override: HealthOverride | null,
  today: string,
): ProjectHealth {
  const computed = worstRag(healthDimensions.map((d) => dimensions[d].rag));
  const active = override !== null && (override.expiresOn === null || override.expiresOn >= today);
  return {
    computed,
    overall: active && override ? override.rag : computed,
    dimensions,
    override: override ? { ...override, active } : null,
  };
}
