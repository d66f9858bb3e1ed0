import {
  type DatesResult,
  reconcileDates,
  type Task,
  type TaskChanges,
  type TaskDates,
  taskChanges,
} from "@rollout/domain";
import { type FieldErrors, zodFieldErrors } from "../../ui/fieldErrors.ts";

/** The drawer form's values: text as typed; empty means "none". */
export interface TaskFormValues {
  title: string;
  description: string;
  category: Task["category"];
  status: Task["status"];
  startDate: string;
  dueDate: string;
  duration: string;
  percentComplete: string;
  estimateHours: string;
  actualHours: string;
  assigneeId: string;
  internalOnly: boolean;
}

export type DateField = "startDate" | "dueDate" | "duration";

export function taskValues(task: Task): TaskFormValues {
  const text = (v: number | null) => (v === null ? "" : String(v));
  return {
    title: task.title,
    description: task.description,
    category: task.category,
    status: task.status,
    startDate: task.startDate ?? "",
    dueDate: task.dueDate ?? "",
    duration: text(task.duration),
    percentComplete: String(task.percentComplete),
    estimateHours: text(task.estimateHours),
    actualHours: text(task.actualHours),
    assigneeId: task.assigneeId ?? "",
    internalOnly: task.internalOnly,
  };
}

function toNumber(text: string): number | null {
  const t = text.trim().replace(",", ".");
  if (t === "") return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : Number.NaN;
}

/**
 * Start, due and duration as they will be saved: the fields the person edited as typed, the
 * third derived by the domain's rule (shown live in the form).
 */
export function derivedDates(values: TaskFormValues, touched: readonly DateField[]): DatesResult {
  const duration = toNumber(values.duration);
  const dates: TaskDates = {
    startDate: values.startDate || null,
    dueDate: values.dueDate || null,
    duration: duration === null || Number.isNaN(duration) ? null : duration,
  };
  if (touched.length === 0) return { ok: true, dates };
  return reconcileDates(dates, touched);
}

export type ParsedChanges =
  | { ok: true; changes: TaskChanges | null }
  | { ok: false; errors: FieldErrors };

/** What to send: only the fields that differ from `base`; dates only those the person edited. */
export function formChanges(
  base: TaskFormValues,
  values: TaskFormValues,
  touched: readonly DateField[],
  editable: (field: keyof TaskChanges) => boolean,
): ParsedChanges {
  const out: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  const textFields = ["title", "description", "category", "status"] as const;
  for (const f of textFields) {
    if (values[f] !== base[f] && editable(f)) out[f] = values[f];
  }
  if (values.assigneeId !== base.assigneeId && editable("assigneeId")) {
    out.assigneeId = values.assigneeId || null;
  }
  if (values.internalOnly !== base.internalOnly && editable("internalOnly")) {
    out.internalOnly = values.internalOnly;
  }
  for (const f of ["percentComplete", "estimateHours", "actualHours"] as const) {
    if (values[f].trim() === base[f].trim() || !editable(f)) continue;
    const n = toNumber(values[f]);
    if (Number.isNaN(n)) errors[f] = "Enter a number";
    else if (n === null && f === "percentComplete") errors[f] = "0 to 100";
    else out[f] = n;
  }
  for (const f of touched) {
    if (!editable(f)) continue;
    if (f === "duration") {
      const n = toNumber(values.duration);
      if (Number.isNaN(n)) errors.duration = "Enter a whole number of working days";
      else out.duration = n;
    } else {
      out[f] = values[f] || null;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (Object.keys(out).length === 0) return { ok: true, changes: null };
  const parsed = taskChanges.safeParse(out);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const dates = derivedDates(values, touched);
  if (!dates.ok) return { ok: false, errors: { [dates.field]: dates.message } };
  return { ok: true, changes: parsed.data };
}
