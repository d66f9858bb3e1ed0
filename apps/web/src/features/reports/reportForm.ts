import {
  type HealthDimension,
  healthDimensions,
  type Rag,
  reportUpdateInput,
  type StatusReport,
} from "@rollout/domain";
import { type FieldErrors, zodFieldErrors } from "../../ui/fieldErrors.ts";

/** What the draft editor holds: the five colours and the four texts. */
export interface ReportValues {
  overall: Rag;
  schedule: Rag;
  budget: Rag;
  scope: Rag;
  risk: Rag;
  summary: string;
  accomplishments: string;
  nextSteps: string;
  asks: string;
}

export const reportFields = [
  "overall",
  "schedule",
  "budget",
  "scope",
  "risk",
  "summary",
  "accomplishments",
  "nextSteps",
  "asks",
] as const satisfies readonly (keyof ReportValues)[];

export function reportValues(report: StatusReport): ReportValues {
  return {
    overall: report.overall,
    schedule: report.schedule,
    budget: report.budget,
    scope: report.scope,
    risk: report.risk,
    summary: report.summary,
    accomplishments: report.accomplishments,
    nextSteps: report.nextSteps,
    asks: report.asks,
  };
}

/** The fields that differ from what was loaded (only those are sent). */
export function changedValues(initial: ReportValues, values: ReportValues): Partial<ReportValues> {
  const changes: Partial<ReportValues> = {};
  for (const field of reportFields) {
    if (values[field] !== initial[field]) Object.assign(changes, { [field]: values[field] });
  }
  return changes;
}

export type ParsedUpdate =
  | { ok: true; data: ReturnType<typeof reportUpdateInput.parse> | null }
  | { ok: false; errors: FieldErrors };

/**
 * The update to send, checked with the API's own schema: null when nothing changed. Errors are
 * keyed by field name ("summary"), as the server's `fieldErrors` are after its prefix is cut.
 */
export function parseReportUpdate(
  reportId: string,
  version: number,
  initial: ReportValues,
  values: ReportValues,
): ParsedUpdate {
  const changes = changedValues(initial, values);
  if (Object.keys(changes).length === 0) return { ok: true, data: null };
  const parsed = reportUpdateInput.safeParse({ reportId, version, changes });
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: fieldErrorsOf(zodFieldErrors(parsed.error)) };
}

/** "changes.summary" → "summary": the server and the schema both nest the fields in `changes`. */
export function fieldErrorsOf(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    out[key.replace(/^changes\./, "")] ??= message;
  }
  return out;
}

/**
 * What the rules said of one dimension, from what a report keeps: the overall computed colour
 * (the worst of the dimensions) and each dimension's reasons. No reason: green. Overall amber:
 * every flagged dimension was amber. Overall red with one dimension flagged: that one was red.
 * Otherwise the snapshot cannot tell amber from red, and says so with null.
 */
export function dimensionRule(
  computed: Rag | null,
  reasons: Partial<Record<HealthDimension, readonly string[]>>,
  dimension: HealthDimension,
): Rag | null {
  if ((reasons[dimension] ?? []).length === 0) return "green";
  if (computed === "amber") return "amber";
  const flagged = healthDimensions.filter((d) => (reasons[d] ?? []).length > 0);
  return computed === "red" && flagged.length === 1 ? "red" : null;
}
