import type { StakeholderView } from "@rollout/domain";

/** Shapes the stakeholder view's figures for its page (pure; tested beside it). */

export type Gate = StakeholderView["gates"][number];

/** Gates waiting for the reader's own signature (only a signed-in reader is ever asked). */
export function signOffRequests(view: Pick<StakeholderView, "gates">): Gate[] {
  return view.gates.filter((g) => g.awaitingMySignOff && !g.signedByMe);
}

export interface BurnUpPoint {
  date: string;
  Planned: number;
  /** Null after the last recorded day: the line stops there. */
  Actual: number | null;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export function burnUpPoints(points: StakeholderView["burnUp"]): BurnUpPoint[] {
  return points.map((p) => ({
    date: p.date,
    Planned: oneDecimal(p.planned),
    Actual: p.actual === null ? null : oneDecimal(p.actual),
  }));
}

/** The last day with a recorded actual, and the plan on that day (the chart's spoken summary). */
export function latestActual(points: readonly BurnUpPoint[]): BurnUpPoint | null {
  let latest: BurnUpPoint | null = null;
  for (const p of points) if (p.Actual !== null) latest = p;
  return latest;
}

/** "4 points behind plan", "on plan", "2 points ahead of plan" (percentage points). */
export function planGap(actual: number, planned: number): { text: string; behind: boolean } {
  const gap = Math.round(actual - planned);
  if (gap === 0) return { text: "on plan", behind: false };
  const points = `${Math.abs(gap)} ${Math.abs(gap) === 1 ? "point" : "points"}`;
  return gap < 0
    ? { text: `${points} behind plan`, behind: true }
    : { text: `${points} ahead of plan`, behind: false };
}

export type GateState = "go" | "no_go" | "ready" | "open";

/** Where a gate stands: decided (go / no-go), every criterion met, or still open. */
export function gateState(gate: Gate): GateState {
  if (gate.decision) return gate.decision;
  if (gate.criteriaTotal > 0 && gate.criteriaMet === gate.criteriaTotal) return "ready";
  return "open";
}
