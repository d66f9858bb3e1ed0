import {
  and,
  asc,
  auditLog,
  type Db,
  desc,
  eq,
  holiday,
  inArray,
  isNull,
  milestone,
  newId,
  nowIso,
  phase,
  projectMember,
  type Queryable,
  sql,
  task,
  user,
  writeTx,
} from "@rollout/db";
import {
  type AuditEntry as AuditRecord,
  contributorTaskFields,
  type Playbook,
  type ProjectAccessRole,
  type RaciValue,
  reconcileDates,
  shiftDate,
  suggestResponsibilities,
  type Task,
  type TaskCategory,
  type TaskChanges,
  type TaskDates,
  type TaskStatus,
  todayUtc,
  WorkingCalendar,
} from "@rollout/domain";
import { TRPCError } from "@trpc/server";
import { type Acting, type AuditEntry, audit, auditMany, changedFields } from "../../audit.ts";
import { badRequest, forbidden, notFound } from "../../errors.ts";
import {
  auditView,
  loadTask,
  raciColumns,
  responsibilitiesOf,
  seesInternal,
  type TaskRow,
  toTask,
} from "./model.ts";
import { sortKeyBefore } from "./ordering.ts";
import { loadPhase } from "./phases.ts";
import { orgPlaybook } from "./playbook.ts";

function assigneeName(tx: Queryable, userId: string | null): string | null {
  if (!userId) return null;
  return tx.select({ name: user.name }).from(user).where(eq(user.id, userId)).get()?.name ?? null;
}

/** Assignees are project members who do work: not stakeholders. */
function checkAssignee(tx: Queryable, projectId: string, userId: string | null) {
  if (userId === null) return;
  const m = tx
    .select({ role: projectMember.role })
    .from(projectMember)
    .where(and(eq(projectMember.projectId, projectId), eq(projectMember.userId, userId)))
    .get();
  if (!m || m.role === "stakeholder") {
    throw badRequest("Assign tasks to an IPM, PM or contributor of this project", {
      assigneeId: "Not a member of this project who can take tasks",
    });
  }
}

/** A live milestone of this project, or NOT_FOUND. */
function checkMilestone(tx: Queryable, projectId: string, milestoneId: string) {
  const found = tx
    .select({ id: milestone.id })
    .from(milestone)
    .where(
      and(
        eq(milestone.id, milestoneId),
        eq(milestone.projectId, projectId),
        isNull(milestone.deletedAt),
      ),
    )
    .get();
  if (!found) throw notFound("Milestone");
}

function siblingsOf(
  tx: Queryable,
  projectId: string,
  phaseId: string,
  parentId: string | null,
  excludeId?: string,
) {
  // The project first: the index on (project, deleted, phase, sort order) reads just this
  // phase's rows, in order. By phase and parent alone SQLite would walk every top-level task
  // of the database.
  return tx
    .select({ id: task.id, sortOrder: task.sortOrder })
    .from(task)
    .where(
      and(
        eq(task.projectId, projectId),
        eq(task.phaseId, phaseId),
        parentId === null ? isNull(task.parentId) : eq(task.parentId, parentId),
        isNull(task.deletedAt),
      ),
    )
    .orderBy(asc(task.sortOrder))
    .all()
    .filter((t) => t.id !== excludeId);
}

function placeTask(
  tx: Queryable,
  projectId: string,
  phaseId: string,
  parentId: string | null,
  beforeId: string | null,
  movingId?: string,
): number {
  let siblings = siblingsOf(tx, projectId, phaseId, parentId, movingId);
  if (beforeId !== null && !siblings.some((s) => s.id === beforeId)) {
    throw badRequest("Place the task next to a task of the same phase", {
      beforeTaskId: "Not a task of this phase",
    });
  }
  let place = sortKeyBefore(siblings, beforeId);
  if (place.renumber) {
    siblings.forEach((s, i) => {
      tx.update(task)
        .set({ sortOrder: i + 1 })
        .where(eq(task.id, s.id))
        .run();
    });
    siblings = siblingsOf(tx, projectId, phaseId, parentId, movingId);
    place = sortKeyBefore(siblings, beforeId);
  }
  return place.key;
}

/** The organisation's working calendar: weekends and its holidays. */
function orgCalendar(tx: Queryable, orgId: string, origin: string): WorkingCalendar {
  const holidays = tx
    .select({ date: holiday.date })
    .from(holiday)
    .where(eq(holiday.organizationId, orgId))
    .all()
    .map((h) => h.date);
  return new WorkingCalendar(origin, holidays);
}

function datesOrThrow(
  next: TaskDates,
  changed: (keyof TaskDates)[],
  calendar: WorkingCalendar,
): TaskDates {
  const result = reconcileDates(next, changed, calendar);
  if (!result.ok) throw badRequest(result.message, { [result.field]: result.message });
  return result.dates;
}

export interface CreateTask {
  phaseId: string;
  parentId: string | null;
  title: string;
  description: string;
  category: TaskCategory;
  status: TaskStatus;
  startDate: string | null;
  dueDate: string | null;
  duration: number | null;
  percentComplete: number;
  estimateHours: number | null;
  actualHours: number | null;
  assigneeId: string | null;
  internalOnly: boolean;
  responsibilities: Partial<Record<"ipm" | "pm" | "customer" | "vendor", RaciValue | null>>;
  applyPlaybook: boolean;
  beforeTaskId: string | null;
}

export function createTask(
  db: Db,
  acting: Acting,
  projectId: string,
  role: ProjectAccessRole,
  input: CreateTask,
): Task {
  return writeTx(db, (tx) => {
    loadPhase(tx, projectId, input.phaseId);
    let phaseId = input.phaseId;
    if (input.parentId) {
      const parent = loadTask(tx, projectId, input.parentId, role);
      if (parent.parentId) {
        throw badRequest("Subtasks go one level deep: this task is already a subtask", {
          parentId: "Already a subtask",
        });
      }
      phaseId = parent.phaseId;
    }
    checkAssignee(tx, projectId, input.assigneeId);
    const dates = datesOrThrow(
      { startDate: input.startDate, dueDate: input.dueDate, duration: input.duration },
      ["startDate", "dueDate"],
      orgCalendar(tx, acting.orgId, input.startDate ?? input.dueDate ?? todayUtc()),
    );
    const given = {
      ipm: input.responsibilities.ipm ?? null,
      pm: input.responsibilities.pm ?? null,
      customer: input.responsibilities.customer ?? null,
      vendor: input.responsibilities.vendor ?? null,
    };
    const responsibilities = input.applyPlaybook
      ? suggestResponsibilities(given, orgPlaybook(tx, acting.orgId)[input.category], false)
      : given;
    const now = nowIso();
    const row: TaskRow = {
      id: newId(),
      projectId,
      phaseId,
      parentId: input.parentId,
      title: input.title,
      description: input.description,
      category: input.category,
      status: input.status,
      ...dates,
      percentComplete: input.status === "done" ? 100 : input.percentComplete,
      estimateHours: input.estimateHours,
      actualHours: input.actualHours,
      assigneeId: input.assigneeId,
      milestoneId: null,
      internalOnly: input.internalOnly,
      sortOrder: placeTask(tx, projectId, phaseId, input.parentId, input.beforeTaskId),
      raciIpm: responsibilities.ipm,
      raciPm: responsibilities.pm,
      raciCustomer: responsibilities.customer,
      raciVendor: responsibilities.vendor,
      version: 1,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
      deletedBatch: null,
    };
    tx.insert(task).values(row).run();
    audit(tx, acting, {
      entityType: "task",
      entityId: row.id,
      projectId,
      action: "create",
      after: auditView(row),
    });
    return toTask(row, assigneeName(tx, row.assigneeId));
  });
}

/** The row after `changes`, with the date rule applied and done meaning 100%. */
function applyChanges(
  current: TaskRow,
  changes: TaskChanges,
  calendar: () => WorkingCalendar,
): Partial<TaskRow> {
  const { responsibilities, startDate, dueDate, duration, ...plain } = changes;
  const set: Partial<TaskRow> = { ...plain, ...raciColumns(responsibilities ?? {}) };
  const dateKeys = (["startDate", "dueDate", "duration"] as const).filter(
    (k) => changes[k] !== undefined,
  );
  if (dateKeys.length > 0) {
    Object.assign(
      set,
      datesOrThrow(
        {
          startDate: startDate !== undefined ? startDate : current.startDate,
          dueDate: dueDate !== undefined ? dueDate : current.dueDate,
          duration: duration !== undefined ? duration : current.duration,
        },
        dateKeys,
        calendar(),
      ),
    );
  }
  if (changes.status === "done" && changes.percentComplete === undefined) set.percentComplete = 100;
  return set;
}

function writeTaskVersion(
  tx: Queryable,
  current: TaskRow,
  expected: number,
  set: Partial<TaskRow>,
) {
  const updatedAt = nowIso();
  const result = tx
    .update(task)
    .set({ ...set, version: expected + 1, updatedAt })
    .where(and(eq(task.id, current.id), eq(task.version, expected), isNull(task.deletedAt)))
    .run();
  if (result.changes === 0) {
    throw new TRPCError({
      code: "CONFLICT",
      message: "This task was changed by someone else — reload to see their change",
    });
  }
  return { ...current, ...set, version: expected + 1, updatedAt } as TaskRow;
}

export function updateTask(
  db: Db,
  acting: Acting,
  projectId: string,
  role: ProjectAccessRole,
  input: { taskId: string; version: number; changes: TaskChanges },
): Task {
  return writeTx(db, (tx) => {
    const current = loadTask(tx, projectId, input.taskId, role);
    if (role === "contributor") {
      if (current.assigneeId !== acting.userId) {
        throw forbidden("Contributors can change only the tasks assigned to them");
      }
      const allowed = new Set<string>(contributorTaskFields);
      const extra = Object.keys(input.changes).filter((k) => !allowed.has(k));
      if (extra.length > 0) {
        throw forbidden(
          `Contributors can change status, progress, actual hours and description only`,
        );
      }
    }
    if (input.changes.assigneeId !== undefined)
      checkAssignee(tx, projectId, input.changes.assigneeId);
    const set = applyChanges(current, input.changes, () =>
      orgCalendar(tx, acting.orgId, current.startDate ?? current.dueDate ?? todayUtc()),
    );
    const after = writeTaskVersion(tx, current, input.version, set);
    const diff = changedFields(auditView(current), auditView(after));
    audit(tx, acting, {
      entityType: "task",
      entityId: current.id,
      projectId,
      action: "update",
      before: diff?.before ?? {},
      after: diff?.after ?? {},
    });
    return toTask(after, assigneeName(tx, after.assigneeId));
  });
}

/** Reorders a task, or moves it (with its subtasks) to another phase. */
export function moveTask(
  db: Db,
  acting: Acting,
  projectId: string,
  role: ProjectAccessRole,
  input: { taskId: string; version: number; phaseId: string; beforeTaskId: string | null },
): Task {
  return writeTx(db, (tx) => {
    const current = loadTask(tx, projectId, input.taskId, role);
    loadPhase(tx, projectId, input.phaseId);
    // A subtask moved out of its parent's phase becomes a task of its own.
    const parentId =
      current.parentId && input.phaseId === current.phaseId ? current.parentId : null;
    const sortOrder = placeTask(
      tx,
      projectId,
      input.phaseId,
      parentId,
      input.beforeTaskId,
      current.id,
    );
    const after = writeTaskVersion(tx, current, input.version, {
      phaseId: input.phaseId,
      parentId,
      sortOrder,
    });
    if (input.phaseId !== current.phaseId) {
      tx.update(task)
        .set({ phaseId: input.phaseId, updatedAt: after.updatedAt })
        .where(and(eq(task.parentId, current.id), isNull(task.deletedAt)))
        .run();
    }
    audit(tx, acting, {
      entityType: "task",
      entityId: current.id,
      projectId,
      action: "move",
      before: {
        phaseId: current.phaseId,
        parentId: current.parentId,
        sortOrder: current.sortOrder,
      },
      after: { phaseId: input.phaseId, parentId, sortOrder },
    });
    return toTask(after, assigneeName(tx, after.assigneeId));
  });
}

/** Loads every task of a selection, all live and at the version the client read, or throws. */
function loadSelection(
  tx: Queryable,
  projectId: string,
  role: ProjectAccessRole,
  refs: readonly { id: string; version: number }[],
): TaskRow[] {
  const ids = [...new Set(refs.map((r) => r.id))];
  const rows = tx
    .select()
    .from(task)
    .where(and(eq(task.projectId, projectId), inArray(task.id, ids), isNull(task.deletedAt)))
    .all()
    .filter((r) => seesInternal(role) || !r.internalOnly);
  if (rows.length !== ids.length) throw notFound("One of the selected tasks");
  const byId = new Map(rows.map((r) => [r.id, r]));
  const stale = refs.filter((r) => byId.get(r.id)?.version !== r.version).length;
  if (stale > 0) {
    throw new TRPCError({
      code: "CONFLICT",
      message: `${stale} of the selected tasks changed since you loaded them — reload and try again. Nothing was changed.`,
    });
  }
  return ids.map((id) => byId.get(id) as TaskRow);
}

export interface BulkChanges {
  status?: TaskStatus;
  category?: TaskCategory;
  assigneeId?: string | null;
  milestoneId?: string | null;
  shiftWorkingDays?: number;
  responsibilities?: Partial<Record<"ipm" | "pm" | "customer" | "vendor", RaciValue | null>>;
}

/** Applies one change to a whole selection: all of it, or (on any stale row) none of it. */
export function bulkUpdateTasks(
  db: Db,
  acting: Acting,
  projectId: string,
  role: ProjectAccessRole,
  input: { tasks: { id: string; version: number }[]; changes: BulkChanges },
) {
  return writeTx(db, (tx) => {
    const rows = loadSelection(tx, projectId, role, input.tasks);
    const { shiftWorkingDays, responsibilities, ...plain } = input.changes;
    if (plain.assigneeId !== undefined) checkAssignee(tx, projectId, plain.assigneeId);
    if (plain.milestoneId) checkMilestone(tx, projectId, plain.milestoneId);
    const raci = raciColumns(responsibilities ?? {});
    const updatedAt = nowIso();
    const uniform: Partial<TaskRow> = { ...plain, ...raci };
    if (plain.status === "done") uniform.percentComplete = 100;
    // The versions were checked inside this IMMEDIATE transaction, so no one can have moved them
    // since: one statement updates the whole selection (per row only for shifted dates).
    for (let i = 0; i < rows.length; i += 500) {
      const ids = rows.slice(i, i + 500).map((r) => r.id);
      tx.update(task)
        .set({ ...uniform, version: sql`${task.version} + 1`, updatedAt })
        .where(inArray(task.id, ids))
        .run();
    }
    const calendar = shiftWorkingDays ? orgCalendar(tx, acting.orgId, todayUtc()) : undefined;
    const entries: AuditEntry[] = [];
    const out: { id: string; version: number }[] = [];
    for (const row of rows) {
      const set: Partial<TaskRow> = { ...uniform };
      if (shiftWorkingDays && (row.startDate || row.dueDate)) {
        if (row.startDate) set.startDate = shiftDate(row.startDate, shiftWorkingDays, calendar);
        if (row.dueDate) set.dueDate = shiftDate(row.dueDate, shiftWorkingDays, calendar);
        tx.update(task)
          .set({ startDate: set.startDate, dueDate: set.dueDate })
          .where(eq(task.id, row.id))
          .run();
      }
      const diff = changedFields(auditView(row), auditView({ ...row, ...set } as TaskRow));
      entries.push({
        entityType: "task",
        entityId: row.id,
        projectId,
        action: "bulk_update",
        before: diff?.before ?? {},
        after: diff?.after ?? {},
      });
      out.push({ id: row.id, version: row.version + 1 });
    }
    auditMany(tx, acting, entries);
    return { tasks: out };
  });
}

/** Soft-deletes the selection and the subtasks of any parent in it, as one restorable batch. */
export function deleteTasks(
  db: Db,
  acting: Acting,
  projectId: string,
  role: ProjectAccessRole,
  input: { tasks: { id: string; version: number }[] },
) {
  return writeTx(db, (tx) => {
    const rows = loadSelection(tx, projectId, role, input.tasks);
    const batchId = newId();
    const deletedAt = nowIso();
    const ids = rows.map((r) => r.id);
    const children = tx
      .select({ id: task.id })
      .from(task)
      .where(and(inArray(task.parentId, ids), isNull(task.deletedAt)))
      .all()
      .map((c) => c.id);
    const all = [...new Set([...ids, ...children])];
    tx.update(task).set({ deletedAt, deletedBatch: batchId }).where(inArray(task.id, all)).run();
    for (const row of rows) {
      audit(tx, acting, {
        entityType: "task",
        entityId: row.id,
        projectId,
        action: "delete",
        before: { title: row.title },
        after: { batchId },
      });
    }
    return { batchId, count: all.length };
  });
}

/** Brings back everything one delete took away: tasks (and a phase), with their links intact. */
export function restoreBatch(db: Db, acting: Acting, projectId: string, batchId: string) {
  return writeTx(db, (tx) => {
    const phases = tx
      .update(phase)
      .set({ deletedAt: null, deletedBatch: null })
      .where(and(eq(phase.projectId, projectId), eq(phase.deletedBatch, batchId)))
      .returning({ id: phase.id })
      .all();
    const tasks = tx
      .update(task)
      .set({ deletedAt: null, deletedBatch: null })
      .where(and(eq(task.projectId, projectId), eq(task.deletedBatch, batchId)))
      .returning({ id: task.id, phaseId: task.phaseId })
      .all();
    if (phases.length === 0 && tasks.length === 0) throw notFound("Deleted items");
    // A task whose phase is still deleted (deleted by another action) cannot come back alone.
    const orphaned = tasks.filter(
      (t) =>
        !tx
          .select({ id: phase.id })
          .from(phase)
          .where(and(eq(phase.id, t.phaseId), isNull(phase.deletedAt)))
          .get(),
    );
    if (orphaned.length > 0) {
      throw badRequest("Restore the deleted phase these tasks belong to first");
    }
    audit(tx, acting, {
      entityType: "batch",
      entityId: batchId,
      projectId,
      action: "restore",
      after: { phases: phases.length, tasks: tasks.length },
    });
    return { count: tasks.length + phases.length };
  });
}

/** Fills blank responsibilities (or all, with `overwrite`) from the organisation's playbook. */
export function suggestForTasks(
  db: Db,
  acting: Acting,
  projectId: string,
  role: ProjectAccessRole,
  input: { taskIds: string[] | null; phaseId: string | null; overwrite: boolean },
) {
  return writeTx(db, (tx) => {
    const conditions = [eq(task.projectId, projectId), isNull(task.deletedAt)];
    if (input.taskIds) conditions.push(inArray(task.id, input.taskIds));
    if (input.phaseId) {
      loadPhase(tx, projectId, input.phaseId);
      conditions.push(eq(task.phaseId, input.phaseId));
    }
    const rows = tx
      .select()
      .from(task)
      .where(and(...conditions))
      .all()
      .filter((r) => seesInternal(role) || !r.internalOnly);
    if (input.taskIds && rows.length !== new Set(input.taskIds).size) {
      throw notFound("One of the selected tasks");
    }
    const playbook: Playbook = orgPlaybook(tx, acting.orgId);
    const updatedAt = nowIso();
    let count = 0;
    for (const row of rows) {
      const current = responsibilitiesOf(row);
      const next = suggestResponsibilities(current, playbook[row.category], input.overwrite);
      if (JSON.stringify(next) === JSON.stringify(current)) continue;
      tx.update(task)
        .set({ ...raciColumns(next), version: row.version + 1, updatedAt })
        .where(eq(task.id, row.id))
        .run();
      audit(tx, acting, {
        entityType: "task",
        entityId: row.id,
        projectId,
        action: "suggest_responsibilities",
        before: { responsibilities: current },
        after: { responsibilities: next },
      });
      count += 1;
    }
    return { count };
  });
}

export function taskHistory(
  db: Db,
  projectId: string,
  role: ProjectAccessRole,
  input: { taskId: string; limit: number },
): AuditRecord[] {
  const row = db
    .select({ id: task.id, internalOnly: task.internalOnly })
    .from(task)
    .where(and(eq(task.id, input.taskId), eq(task.projectId, projectId)))
    .get();
  if (!row || (row.internalOnly && !seesInternal(role))) throw notFound("Task");
  return db
    .select({
      id: auditLog.id,
      actorName: user.name,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(user, eq(user.id, auditLog.actorUserId))
    .where(and(eq(auditLog.projectId, projectId), eq(auditLog.entityId, input.taskId)))
    .orderBy(desc(auditLog.createdAt))
    .limit(input.limit)
    .all();
}
