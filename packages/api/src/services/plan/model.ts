import { and, eq, isNull, type Queryable, sql, task } from "@rollout/db";
import {
  type ProjectAccessRole,
  type Responsibilities,
  raciViolations,
  type Task,
} from "@rollout/domain";
import { notFound } from "../../errors.ts";
import { prepared } from "../prepared.ts";

export type TaskRow = typeof task.$inferSelect;

export function responsibilitiesOf(row: {
  raciIpm: TaskRow["raciIpm"];
  raciPm: TaskRow["raciPm"];
  raciCustomer: TaskRow["raciCustomer"];
  raciVendor: TaskRow["raciVendor"];
}): Responsibilities {
  return { ipm: row.raciIpm, pm: row.raciPm, customer: row.raciCustomer, vendor: row.raciVendor };
}

export function raciColumns(r: Partial<Responsibilities>) {
  const out: Partial<Pick<TaskRow, "raciIpm" | "raciPm" | "raciCustomer" | "raciVendor">> = {};
  if (r.ipm !== undefined) out.raciIpm = r.ipm;
  if (r.pm !== undefined) out.raciPm = r.pm;
  if (r.customer !== undefined) out.raciCustomer = r.customer;
  if (r.vendor !== undefined) out.raciVendor = r.vendor;
  return out;
}

export function toTask(row: TaskRow, assigneeName: string | null): Task {
  const responsibilities = responsibilitiesOf(row);
  return {
    id: row.id,
    phaseId: row.phaseId,
    parentId: row.parentId,
    title: row.title,
    description: row.description,
    category: row.category,
    status: row.status,
    startDate: row.startDate,
    dueDate: row.dueDate,
    duration: row.duration,
    percentComplete: row.percentComplete,
    estimateHours: row.estimateHours,
    actualHours: row.actualHours,
    assigneeId: row.assigneeId,
    assigneeName,
    milestoneId: row.milestoneId,
    internalOnly: row.internalOnly,
    sortOrder: row.sortOrder,
    responsibilities,
    violations: raciViolations(responsibilities),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Stakeholders never see internal-only items. */
export function seesInternal(role: ProjectAccessRole): boolean {
  return role !== "stakeholder";
}

/** A live (not deleted) task of the project, or NOT_FOUND — also for internal tasks a caller may not see. */
export function loadTask(
  tx: Queryable,
  projectId: string,
  taskId: string,
  role: ProjectAccessRole,
): TaskRow {
  const row = prepared(tx, "task.load", () =>
    tx
      .select()
      .from(task)
      .where(
        and(
          eq(task.id, sql.placeholder("taskId")),
          eq(task.projectId, sql.placeholder("projectId")),
          isNull(task.deletedAt),
        ),
      )
      .prepare(),
  ).get({ taskId, projectId });
  if (!row || (row.internalOnly && !seesInternal(role))) throw notFound("Task");
  return row;
}

/** The fields of a task as the audit log records them. */
export function auditView(row: TaskRow) {
  const { id: _id, projectId: _p, createdAt: _c, deletedAt: _d, deletedBatch: _b, ...rest } = row;
  return rest;
}
