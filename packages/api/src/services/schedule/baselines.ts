import {
  and,
  baseline,
  baselineMilestone,
  baselineTask,
  count,
  type Db,
  desc,
  eq,
  isNull,
  milestone,
  newId,
  nowIso,
  type Queryable,
  type SQL,
  type Tx,
  task,
  user,
  writeTx,
} from "@rollout/db";
import { type ProjectAccessRole, workingDaysBetween } from "@rollout/domain";
import { type Acting, audit } from "../../audit.ts";
import { notFound } from "../../errors.ts";
import { seesInternal } from "../plan/model.ts";
import { computedForecasts, loadScheduleInputs, runCpm } from "./compute.ts";

/**
 * Snapshots every live task's dates and every milestone's date (actual, else forecast) under a
 * name. Baselines are only inserted: no procedure changes or deletes one.
 */
export function saveBaseline(tx: Tx, acting: Acting, projectId: string, name: string) {
  const id = newId();
  const createdAt = nowIso();
  tx.insert(baseline).values({ id, projectId, name, createdBy: acting.userId, createdAt }).run();
  // The scheduled dates: what the plan, its links and its pinned tasks say, typed or not.
  const inputs = loadScheduleInputs(tx, acting.orgId, projectId);
  const schedule = runCpm(inputs);
  const forecasts = computedForecasts(inputs, schedule);
  const tasks = inputs.tasks.map((t) => ({
    taskId: t.id,
    title: t.title,
    startDate: schedule.tasks.get(t.id)?.earlyStart ?? t.startDate,
    dueDate: schedule.tasks.get(t.id)?.earlyFinish ?? t.dueDate,
    duration: t.duration,
  }));
  for (let i = 0; i < tasks.length; i += 500) {
    const chunk = tasks.slice(i, i + 500).map((t) => ({ baselineId: id, ...t }));
    if (chunk.length) tx.insert(baselineTask).values(chunk).run();
  }
  const milestones = inputs.milestones.map((m) => ({
    baselineId: id,
    milestoneId: m.id,
    name: m.name,
    date: m.actualDate ?? m.forecastOverride ?? forecasts.get(m.id)?.date ?? m.baselineDate,
  }));
  if (milestones.length) tx.insert(baselineMilestone).values(milestones).run();
  audit(tx, acting, {
    entityType: "baseline",
    entityId: id,
    projectId,
    action: "create",
    after: { name, tasks: tasks.length, milestones: milestones.length },
  });
  return { id, tasks: tasks.length, milestones: milestones.length };
}

export function createBaseline(db: Db, acting: Acting, projectId: string, name: string) {
  return writeTx(db, (tx) => saveBaseline(tx, acting, projectId, name));
}

function countOf(
  db: Queryable,
  table: typeof baselineTask | typeof baselineMilestone,
  where: SQL | undefined,
): number {
  return db.select({ n: count() }).from(table).where(where).get()?.n ?? 0;
}

function summaries(db: Queryable, projectId: string, baselineId?: string) {
  const conditions = [eq(baseline.projectId, projectId)];
  if (baselineId) conditions.push(eq(baseline.id, baselineId));
  const rows = db
    .select({ row: baseline, createdByName: user.name })
    .from(baseline)
    .leftJoin(user, eq(user.id, baseline.createdBy))
    .where(and(...conditions))
    .orderBy(desc(baseline.createdAt))
    .all();
  return rows.map((r) => ({
    id: r.row.id,
    name: r.row.name,
    createdByName: r.createdByName,
    createdAt: r.row.createdAt,
    tasks: countOf(db, baselineTask, eq(baselineTask.baselineId, r.row.id)),
    milestones: countOf(db, baselineMilestone, eq(baselineMilestone.baselineId, r.row.id)),
  }));
}

export function listBaselines(db: Db, projectId: string) {
  return summaries(db, projectId);
}

const variance = (from: string | null, to: string | null) =>
  from && to ? workingDaysBetween(from, to) : null;

/** A baseline against now: per task and milestone the variance, and tasks added and removed. */
export function compareBaseline(
  db: Db,
  orgId: string,
  projectId: string,
  role: ProjectAccessRole,
  baselineId: string,
) {
  const [summary] = summaries(db, projectId, baselineId);
  if (!summary) throw notFound("Baseline");
  const then = db.select().from(baselineTask).where(eq(baselineTask.baselineId, baselineId)).all();
  const now = db
    .select({
      id: task.id,
      title: task.title,
      startDate: task.startDate,
      dueDate: task.dueDate,
      internalOnly: task.internalOnly,
    })
    .from(task)
    .where(and(eq(task.projectId, projectId), isNull(task.deletedAt)))
    .all()
    .filter((t) => seesInternal(role) || !t.internalOnly);
  const hidden = new Set(
    seesInternal(role)
      ? []
      : db
          .select({ id: task.id })
          .from(task)
          .where(and(eq(task.projectId, projectId), eq(task.internalOnly, true)))
          .all()
          .map((t) => t.id),
  );
  const inputs = loadScheduleInputs(db, orgId, projectId);
  const schedule = runCpm(inputs);
  const forecasts = computedForecasts(inputs, schedule);
  // Compared on scheduled dates, like the snapshot.
  const current = new Map(
    now.map((t) => [
      t.id,
      {
        ...t,
        startDate: schedule.tasks.get(t.id)?.earlyStart ?? t.startDate,
        dueDate: schedule.tasks.get(t.id)?.earlyFinish ?? t.dueDate,
      },
    ]),
  );
  const before = new Map(then.filter((t) => !hidden.has(t.taskId)).map((t) => [t.taskId, t]));
  const milestoneNow = new Map(
    db
      .select()
      .from(milestone)
      .where(and(eq(milestone.projectId, projectId), isNull(milestone.deletedAt)))
      .all()
      .map((m) => [
        m.id,
        m.actualDate ?? m.forecastOverride ?? forecasts.get(m.id)?.date ?? m.baselineDate,
      ]),
  );
  return {
    baseline: summary,
    tasks: [...before.values()]
      .filter((t) => current.has(t.taskId))
      .map((t) => {
        const c = current.get(t.taskId)!;
        return {
          taskId: t.taskId,
          title: c.title,
          baselineStart: t.startDate,
          baselineDue: t.dueDate,
          currentStart: c.startDate,
          currentDue: c.dueDate,
          startVariance: variance(t.startDate, c.startDate),
          dueVariance: variance(t.dueDate, c.dueDate),
        };
      }),
    milestones: db
      .select()
      .from(baselineMilestone)
      .where(eq(baselineMilestone.baselineId, baselineId))
      .all()
      .map((m) => {
        const currentDate = milestoneNow.get(m.milestoneId) ?? null;
        return {
          milestoneId: m.milestoneId,
          name: m.name,
          baselineDate: m.date,
          currentDate,
          variance: variance(m.date, currentDate),
        };
      }),
    added: now.filter((t) => !before.has(t.id)).map((t) => ({ taskId: t.id, title: t.title })),
    removed: [...before.values()]
      .filter((t) => !current.has(t.taskId))
      .map((t) => ({ taskId: t.taskId, title: t.title })),
  };
}
