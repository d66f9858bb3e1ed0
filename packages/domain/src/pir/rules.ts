import { addDays, addMonths } from "../dates.ts";
import type { ProjectStage } from "../enums.ts";
import { type ObjectiveOutcome, remeasureMonths } from "./enums.ts";

/** A review opens by itself from go-live on; earlier only when asked for explicitly. */
export const reviewStages: readonly ProjectStage[] = ["go_live", "hypercare", "closed"];

export function reviewDue(stage: ProjectStage): boolean {
  return reviewStages.includes(stage);
}

/**
 * The project's objectives text as review objectives: one per non-empty line, with list
 * markers ("- ", "* ", "• ", "1. ", "2) ") taken off.
 */
export function objectivesFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .trim()
        .replace(/^(?:[-*•–]|\d{1,3}[.)])\s+/, "")
        .trim(),
    )
    .filter((line) => line.length > 0)
    .map((line) => line.slice(0, 500));
}

/** What keeps a draft from going out for sign-off, in words; empty when it may go. */
export function submitProblems(review: {
  objectives: ReadonlyArray<{ objective: string; outcome: ObjectiveOutcome | null }>;
  signerCount: number;
}): string[] {
  const problems: string[] = [];
  if (review.objectives.length === 0) problems.push("Add at least one objective");
  const open = review.objectives.filter((o) => o.outcome === null);
  if (open.length > 0) {
    const names = open.map((o) => `“${o.objective.slice(0, 60)}”`).join(", ");
    problems.push(
      `Record an outcome for ${open.length === 1 ? "the objective" : `${open.length} objectives`}: ${names}`,
    );
  }
  if (review.signerCount === 0) problems.push("Name at least one person to sign the review");
  return problems;
}

/** The re-measurements of a benefit: 3 and 6 months after go-live. */
export function remeasureSchedule(goLive: string): Array<{ months: number; dueOn: string }> {
  return remeasureMonths.map((months) => ({ months, dueOn: addMonths(goLive, months) }));
}

/** A measurement shows in its owner's My work from a week before it is due until recorded. */
export const MEASUREMENT_LEAD_DAYS = 7;

export function measurementDue(m: { dueOn: string; value: number | null }, today: string): boolean {
  return m.value === null && m.dueOn <= addDays(today, MEASUREMENT_LEAD_DAYS);
}
