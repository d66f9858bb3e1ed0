import {
  and,
  asc,
  type Db,
  dependency,
  eq,
  gateCriterion,
  gateSigner,
  holiday,
  inArray,
  isNull,
  milestone,
  project,
  type Queryable,
  task,
  user,
} from "@rollout/db";
import {
  computeSchedule,
  drivingChain,
  type Milestone,
  milestoneStatus,
  type ProjectAccessRole,
  type Schedule,
  slip,
  todayUtc,
} from "@rollout/domain";
import { seesInternal } from "../plan/model.ts";

export type MilestoneRow = typeof milestone.$inferSelect;

export interface ScheduleInputs {
  projectStart: string;
  tasks: Array<{
    id: string;
    title: string;
    startDate: string | null;
    dueDate: string | null;
    duration: number | null;
    status: string;
    milestoneId: string | null;
    internalOnly: boolean;
  }>;
  links: Array<{
    predecessorId: string;
    successorId: string;
    type: "FS" | "SS" | "FF" | "SF";
    lag: number;
  }>;
  holidays: string[];
  milestones: MilestoneRow[];
}

/** Everything the schedule is computed from, in five queries. */
export function loadScheduleInputs(
  tx: Queryable,
  orgId: string,
  projectId: string,
): ScheduleInputs {
  const p = tx
    .select({ startDate: project.startDate })
    .from(project)
    .where(eq(project.id, projectId))
    .get();
  const tasks = tx
    .select({
      id: task.id,
      title: task.title,
      startDate: task.startDate,
      dueDate: task.dueDate,
      duration: task.duration,
      status: task.status,
      milestoneId: task.milestoneId,
      internalOnly: task.internalOnly,
    })
    .from(task)
    .where(and(eq(task.projectId, projectId), isNull(task.deletedAt)))
    .all();
  const live = new Set(tasks.map((t) => t.id));
  const links = tx
    .select({
      predecessorId: dependency.predecessorId,
      successorId: dependency.successorId,
      type: dependency.type,
      lag: dependency.lag,
    })
    .from(dependency)
    .where(eq(dependency.projectId, projectId))
    .all()
    .filter((l) => live.has(l.predecessorId) && live.has(l.successorId));
  const holidays = tx
    .select({ date: holiday.date })
    .from(holiday)
    .where(eq(holiday.organizationId, orgId))
    .all()
    .map((h) => h.date);
  const milestones = tx
    .select()
    .from(milestone)
    .where(and(eq(milestone.projectId, projectId), isNull(milestone.deletedAt)))
    .orderBy(asc(milestone.baselineDate), asc(milestone.sortOrder))
    .all();
  return { projectStart: p?.startDate ?? todayUtc(), tasks, links, holidays, milestones };
}

/** Started and finished tasks keep their dates; the rest flow from their links. */
export function runCpm(inputs: ScheduleInputs): Schedule {
  return computeSchedule(
    inputs.tasks.map((t) => ({
      id: t.id,
      duration: t.duration,
      startDate: t.startDate,
      dueDate: t.dueDate,
      pinned: (t.status === "in_progress" || t.status === "done") && t.startDate !== null,
    })),
    inputs.links,
    { projectStart: inputs.projectStart, holidays: inputs.holidays },
  );
}

/** The latest early finish of a milestone's tasks, per milestone. */
export function computedForecasts(inputs: ScheduleInputs, schedule: Schedule) {
  const out = new Map<string, { date: string; taskId: string }>();
  for (const t of inputs.tasks) {
    if (!t.milestoneId) continue;
    const finish = schedule.tasks.get(t.id)?.earlyFinish;
    if (!finish) continue;
    const current = out.get(t.milestoneId);
    if (!current || finish > current.date) out.set(t.milestoneId, { date: finish, taskId: t.id });
  }
  return out;
}

/** Milestones with forecast, slip, status, driving chain, gate criteria, signers and decision. */
export function milestoneViews(
  db: Queryable,
  inputs: ScheduleInputs,
  schedule: Schedule,
  role: ProjectAccessRole,
): Milestone[] {
  const forecasts = computedForecasts(inputs, schedule);
  const ids = inputs.milestones.map((m) => m.id);
  const criteria = ids.length
    ? db
        .select({ row: gateCriterion, ownerName: user.name })
        .from(gateCriterion)
        .leftJoin(user, eq(user.id, gateCriterion.ownerId))
        .where(inArray(gateCriterion.milestoneId, ids))
        .orderBy(asc(gateCriterion.sortOrder))
        .all()
    : [];
  const signers = ids.length
    ? db
        .select({ row: gateSigner, name: user.name })
        .from(gateSigner)
        .innerJoin(user, eq(user.id, gateSigner.userId))
        .where(inArray(gateSigner.milestoneId, ids))
        .orderBy(asc(user.name))
        .all()
    : [];
  const deciders = new Map(
    db
      .select({ id: user.id, name: user.name })
      .from(user)
      .where(
        inArray(
          user.id,
          inputs.milestones.map((m) => m.decisionBy).filter((x): x is string => x !== null),
        ),
      )
      .all()
      .map((u) => [u.id, u.name]),
  );
  const byId = new Map(inputs.tasks.map((t) => [t.id, t]));
  const visible = (taskId: string) => {
    const t = byId.get(taskId);
    return t !== undefined && (seesInternal(role) || !t.internalOnly);
  };
  const today = todayUtc();
  return inputs.milestones.map((m) => {
    const computed = forecasts.get(m.id) ?? null;
    const forecastDate = m.forecastOverride ?? computed?.date ?? null;
    const computedStatus = milestoneStatus({
      baselineDate: m.baselineDate,
      forecastDate,
      actualDate: m.actualDate,
      today,
    });
    const slipDays = slip(m.baselineDate, m.actualDate ?? forecastDate);
    const chain =
      slipDays !== null && slipDays > 0 && computed && !m.forecastOverride && !m.actualDate
        ? drivingChain(schedule, computed.taskId).filter(visible)
        : [];
    return {
      id: m.id,
      name: m.name,
      description: m.description,
      baselineDate: m.baselineDate,
      forecastDate,
      computedForecast: computed?.date ?? null,
      forecastOverride:
        m.forecastOverride && m.forecastReason
          ? { date: m.forecastOverride, reason: m.forecastReason }
          : null,
      actualDate: m.actualDate,
      status: m.statusOverride ?? computedStatus,
      computedStatus,
      statusOverride:
        m.statusOverride && m.statusReason
          ? { status: m.statusOverride, reason: m.statusReason }
          : null,
      slip: slipDays,
      isGate: m.isGate,
      isGoLive: m.isGoLive,
      taskIds: inputs.tasks.filter((t) => t.milestoneId === m.id && visible(t.id)).map((t) => t.id),
      drivingChain: chain.map((id) => ({ taskId: id, title: byId.get(id)?.title ?? "" })),
      criteria: criteria
        .filter((c) => c.row.milestoneId === m.id)
        .map((c) => ({
          id: c.row.id,
          item: c.row.item,
          ownerId: c.row.ownerId,
          ownerName: c.ownerName,
          evidence: c.row.evidence,
          required: c.row.required,
          met: c.row.met,
          version: c.row.version,
        })),
      signers: signers
        .filter((s) => s.row.milestoneId === m.id)
        .map((s) => ({
          userId: s.row.userId,
          name: s.name,
          signedAt: s.row.signedAt,
          comment: s.row.comment,
        })),
      decision:
        m.decision && m.decisionReason && m.decisionAt
          ? {
              decision: m.decision,
              reason: m.decisionReason,
              byName: (m.decisionBy && deciders.get(m.decisionBy)) || "someone",
              at: m.decisionAt,
            }
          : null,
      version: m.version,
    };
  });
}

export function getSchedule(db: Db, orgId: string, projectId: string, role: ProjectAccessRole) {
  const inputs = loadScheduleInputs(db, orgId, projectId);
  const schedule = runCpm(inputs);
  const hidden = new Set(
    seesInternal(role) ? [] : inputs.tasks.filter((t) => t.internalOnly).map((t) => t.id),
  );
  return {
    finish: schedule.finish,
    tasks: [...schedule.tasks.values()]
      .filter((t) => !hidden.has(t.id))
      .map((t) => {
        const by = schedule.drivers.get(t.id) ?? null;
        return { ...t, drivenBy: by && !hidden.has(by) ? by : null };
      }),
    milestones: milestoneViews(db, inputs, schedule, role),
    holidays: inputs.holidays,
  };
}
