import {
  contributorTaskFields,
  type Party,
  partyLabels,
  type Task,
  type TaskChanges,
} from "@rollout/domain";

export type EditorKind = "text" | "choice" | "date" | "int" | "decimal";

export type PlanColumn =
  | { id: "select"; label: string; width: string; kind: "select" }
  | {
      id: "title" | "category" | "status" | "assignee";
      label: string;
      width: string;
      kind: "field";
      editor: EditorKind;
      field: "title" | "category" | "status" | "assigneeId";
      align?: "end";
    }
  | {
      id: "startDate" | "dueDate" | "duration" | "percentComplete" | "estimateHours";
      label: string;
      width: string;
      kind: "field";
      editor: EditorKind;
      field: "startDate" | "dueDate" | "duration" | "percentComplete" | "estimateHours";
      align?: "end";
    }
  | { id: Party; label: string; width: string; kind: "raci"; party: Party }
  | { id: "flag"; label: string; width: string; kind: "flag" }
  | { id: "open"; label: string; width: string; kind: "open" };

export type FieldColumn = Extract<PlanColumn, { kind: "field" }>;
export type EditableField = FieldColumn["field"];

/** The grid's columns for this reader: no selection column for read-only readers. */
export function planColumns(opts: {
  selectable: boolean;
  parties: readonly Party[];
}): PlanColumn[] {
  const cols: PlanColumn[] = [];
  if (opts.selectable) cols.push({ id: "select", label: "Select", width: "52px", kind: "select" });
  cols.push(
    {
      id: "title",
      label: "Task",
      width: "minmax(220px, 1fr)",
      kind: "field",
      editor: "text",
      field: "title",
    },
    {
      id: "category",
      label: "Category",
      width: "128px",
      kind: "field",
      editor: "choice",
      field: "category",
    },
    {
      id: "status",
      label: "Status",
      width: "118px",
      kind: "field",
      editor: "choice",
      field: "status",
    },
    {
      id: "assignee",
      label: "Assignee",
      width: "136px",
      kind: "field",
      editor: "choice",
      field: "assigneeId",
    },
    {
      id: "startDate",
      label: "Start",
      width: "108px",
      kind: "field",
      editor: "date",
      field: "startDate",
    },
    {
      id: "dueDate",
      label: "Due",
      width: "108px",
      kind: "field",
      editor: "date",
      field: "dueDate",
    },
    {
      id: "duration",
      label: "Days",
      width: "62px",
      kind: "field",
      editor: "int",
      field: "duration",
      align: "end",
    },
    {
      id: "percentComplete",
      label: "Done",
      width: "84px",
      kind: "field",
      editor: "int",
      field: "percentComplete",
      align: "end",
    },
    {
      id: "estimateHours",
      label: "Est. h",
      width: "70px",
      kind: "field",
      editor: "decimal",
      field: "estimateHours",
      align: "end",
    },
  );
  for (const p of opts.parties) {
    cols.push({
      id: p,
      // "Customer" does not fit a letter column's header; the full name is its aria-label.
      label: p === "customer" ? "Cust." : partyLabels[p],
      width: p === "ipm" || p === "pm" ? "48px" : "64px",
      kind: "raci",
      party: p,
    });
  }
  cols.push({ id: "flag", label: "RACI check", width: "36px", kind: "flag" });
  cols.push({ id: "open", label: "Details", width: "40px", kind: "open" });
  return cols;
}

/**
 * The least width the columns need, in pixels: set on the grid so the browser never has to
 * measure thousands of rows' content to size it (fit-content would).
 */
export function minWidth(widths: readonly string[]): number {
  let total = 0;
  for (const w of widths) {
    const m = /(\d+)px/.exec(w);
    total += m ? Number(m[1]) : 0;
  }
  return total;
}

/** Longer names for screen readers and tooltips where the header is abbreviated. */
export const columnTitles: Partial<Record<PlanColumn["id"], string>> = {
  duration: "Duration in working days",
  percentComplete: "Percent complete",
  estimateHours: "Estimate in hours",
  flag: "RACI check",
  open: "Open details",
  customer: "Customer",
  vendor: "Vendor",
};

export interface EditRights {
  /** May change the plan (any task and field). */
  plan: boolean;
  /** May change progress fields of tasks assigned to them. */
  own: boolean;
  userId: string | null;
}

export function canEditField(
  rights: EditRights,
  task: Pick<Task, "assigneeId">,
  field: keyof TaskChanges,
): boolean {
  if (rights.plan) return true;
  if (!rights.own || rights.userId === null || task.assigneeId !== rights.userId) return false;
  return (contributorTaskFields as readonly string[]).includes(field);
}

export function canEditAny(rights: EditRights, task: Pick<Task, "assigneeId">): boolean {
  return rights.plan || (rights.own && rights.userId !== null && task.assigneeId === rights.userId);
}
