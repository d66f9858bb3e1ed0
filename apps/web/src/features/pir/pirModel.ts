import {
  formatMoney,
  type ObjectiveOutcome,
  objectiveOutcomes,
  type Pir,
  type PirKpi,
  type PirMeasurement,
  type PirVariance,
} from "@rollout/domain";
import { formatNumber } from "../../ui/format.ts";

/** "3 working days late", "on time", "2 working days early"; null while not live. */
export function scheduleVarianceText(days: number | null): string | null {
  if (days === null) return null;
  if (days === 0) return "On time";
  const n = Math.abs(days);
  return `${n} working ${n === 1 ? "day" : "days"} ${days > 0 ? "late" : "early"}`;
}

export type Tone = "good" | "bad" | "neutral";

export function scheduleTone(days: number | null): Tone {
  if (days === null || days === 0) return "neutral";
  return days > 0 ? "bad" : "good";
}

/**
 * "£21,500 over budget (+5.1%)", "On budget", "€600 under budget (−5%)"; before go-live money
 * is still being spent, so an underspend is only what is left.
 */
export function budgetVarianceText(v: PirVariance): string {
  if (v.budgetVariance === 0) return "On budget";
  const amount = formatMoney(Math.abs(v.budgetVariance), v.currency);
  if (v.actualGoLive === null && v.budgetVariance < 0) return `${amount} of the budget left`;
  const pct =
    v.budgetVariancePercent === null
      ? ""
      : ` (${v.budgetVariancePercent > 0 ? "+" : "−"}${formatNumber(Math.abs(v.budgetVariancePercent), { maximumFractionDigits: 1 })}%)`;
  return `${amount} ${v.budgetVariance > 0 ? "over" : "under"} budget${pct}`;
}

export function budgetTone(v: PirVariance): Tone {
  if (v.budgetVariance === 0 || (v.actualGoLive === null && v.budgetVariance < 0)) {
    return "neutral";
  }
  return v.budgetVariance > 0 ? "bad" : "good";
}

/** How many objectives had each outcome, and how many have none yet. */
export function outcomeCounts(review: Pick<Pir, "objectives">) {
  const counts: Record<ObjectiveOutcome | "open", number> = {
    met: 0,
    partial: 0,
    not_met: 0,
    open: 0,
  };
  for (const o of review.objectives) counts[o.outcome ?? "open"] += 1;
  return counts;
}

/** What still keeps a draft from going out for sign-off (mirrors the API's rule). */
export function submitBlockers(review: Pick<Pir, "objectives" | "signers">): string[] {
  const out: string[] = [];
  if (review.objectives.length === 0) out.push("Add at least one objective.");
  const open = review.objectives.filter((o) => o.outcome === null).length;
  if (open > 0) {
    out.push(`Record an outcome for ${open === 1 ? "1 objective" : `${open} objectives`}.`);
  }
  if (review.signers.length === 0) out.push("Name at least one person to sign.");
  return out;
}

export function signatureProgress(review: Pick<Pir, "signers">) {
  const signed = review.signers.filter((s) => s.signedAt !== null).length;
  return { signed, total: review.signers.length };
}

/** A KPI figure with its unit: "1.4 days", "91%", "—". */
export function figure(value: number | null, unit: string): string {
  if (value === null) return "—";
  const n = formatNumber(value, { maximumFractionDigits: 2 });
  if (!unit) return n;
  return unit === "%" ? `${n}%` : `${n} ${unit}`;
}

/** Whether the actual reached the target, in the direction from the baseline. */
export function kpiOnTarget(k: Pick<PirKpi, "baseline" | "target" | "actual">): boolean | null {
  if (k.target === null || k.actual === null) return null;
  const up = k.baseline === null ? true : k.target >= k.baseline;
  return up ? k.actual >= k.target : k.actual <= k.target;
}

/** A re-measurement's state, for its badge. */
export function measurementState(
  m: Pick<PirMeasurement, "dueOn" | "value">,
  today: string,
): "recorded" | "overdue" | "due" | "scheduled" {
  if (m.value !== null) return "recorded";
  if (m.dueOn < today) return "overdue";
  const week = new Date(`${today}T00:00:00Z`);
  week.setUTCDate(week.getUTCDate() + 7);
  return m.dueOn <= week.toISOString().slice(0, 10) ? "due" : "scheduled";
}

export const outcomeColors: Record<ObjectiveOutcome, string> = {
  met: "green",
  partial: "orange",
  not_met: "red",
};

export const outcomeOrder = objectiveOutcomes;
