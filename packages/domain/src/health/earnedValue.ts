import type { TaskStatus } from "../plan/enums.ts";

export interface EvTask {
  estimateHours: number | null;
  actualHours: number | null;
  percentComplete: number;
  status: TaskStatus;
  startDate: string | null;
  dueDate: string | null;
}

export interface EarnedValue {
  /** Budget at completion: the sum of estimates (hours). */
  bac: number;
  /** Planned value: what should be done by now, linear between each task's start and due. */
  pv: number;
  /** Earned value: estimate × percent complete. */
  ev: number;
  /** Actual cost: hours booked. */
  ac: number;
  /** EV / PV (null when nothing was planned yet). */
  spi: number | null;
  /** EV / AC (null when nothing was booked yet). */
  cpi: number | null;
}

const DAY = 86_400_000;

/**
 * The share of a task planned to be done by the end of `today`: 0 before its start, 1 from its
 * due date, linear (in calendar days, both ends counted) in between. Undated tasks plan nothing.
 */
export function plannedFraction(startDate: string | null, dueDate: string | null, today: string) {
  if (!dueDate) return 0;
  const start = startDate ?? dueDate;
  if (today < start) return 0;
  if (today >= dueDate) return 1;
  const total = (Date.parse(dueDate) - Date.parse(start)) / DAY + 1;
  const elapsed = (Date.parse(today) - Date.parse(start)) / DAY + 1;
  return Math.min(1, Math.max(0, elapsed / total));
}

/** Earned value on estimate hours over a set of tasks (cancelled ones do not count). */
export function earnedValue(tasks: Iterable<EvTask>, today: string): EarnedValue {
  let bac = 0;
  let pv = 0;
  let ev = 0;
  let ac = 0;
  for (const t of tasks) {
    if (t.status === "cancelled") continue;
    const estimate = t.estimateHours ?? 0;
    bac += estimate;
    pv += estimate * plannedFraction(t.startDate, t.dueDate, today);
    ev += (estimate * (t.status === "done" ? 100 : t.percentComplete)) / 100;
    ac += t.actualHours ?? 0;
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    bac: round(bac),
    pv: round(pv),
    ev: round(ev),
    ac: round(ac),
    spi: pv > 0 ? round(ev / pv) : null,
    cpi: ac > 0 ? round(ev / ac) : null,
  };
}

/**
 * Forecast cost at completion, in money: the cost so far divided by the share earned (EAC =
 * AC / (EV / BAC)), once at least `minEarned` of the work is done; before that (too early to
 * extrapolate) the plan, or the cost so far if it already exceeds the plan.
 */
export function forecastCost(input: {
  plannedBudget: number;
  actualCost: number;
  earnedShare: number;
  minEarned?: number;
}): number {
  const min = input.minEarned ?? 0.1;
  if (input.earnedShare >= min)
    return Math.round(input.actualCost / Math.min(1, input.earnedShare));
  return Math.max(input.plannedBudget, input.actualCost);
}
