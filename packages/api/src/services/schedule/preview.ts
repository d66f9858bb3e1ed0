import type { Db } from "@rollout/db";
import {
  type ProjectAccessRole,
  reconcileDates,
  WorkingCalendar,
  workingDaysBetween,
} from "@rollout/domain";
import { badRequest, notFound } from "../../errors.ts";
import { seesInternal } from "../plan/model.ts";
import { computedForecasts, loadScheduleInputs, runCpm } from "./compute.ts";

/**
 * What moves, and by how much, if a task's dates or duration change — computed on the same
 * engine, nothing saved. Days are working days (positive: later).
 */
export function previewReschedule(
  db: Db,
  orgId: string,
  projectId: string,
  role: ProjectAccessRole,
  input: {
    taskId: string;
    startDate?: string | null;
    dueDate?: string | null;
    duration?: number | null;
  },
) {
  const inputs = loadScheduleInputs(db, orgId, projectId);
  const target = inputs.tasks.find((t) => t.id === input.taskId);
  if (!target || (target.internalOnly && !seesInternal(role))) throw notFound("Task");
  const changed = (["startDate", "dueDate", "duration"] as const).filter(
    (k) => input[k] !== undefined,
  );
  const result = reconcileDates(
    {
      startDate: input.startDate !== undefined ? input.startDate : target.startDate,
      dueDate: input.dueDate !== undefined ? input.dueDate : target.dueDate,
      duration: input.duration !== undefined ? input.duration : target.duration,
    },
    changed,
    new WorkingCalendar(inputs.projectStart, inputs.holidays),
  );
  if (!result.ok) throw badRequest(result.message, { [result.field]: result.message });
  const before = runCpm(inputs);
  const after = runCpm({
    ...inputs,
    tasks: inputs.tasks.map((t) => (t.id === target.id ? { ...t, ...result.dates } : t)),
  });
  const titles = new Map(inputs.tasks.map((t) => [t.id, t]));
  const tasks = [];
  for (const [id, was] of before.tasks) {
    const now = after.tasks.get(id);
    const t = titles.get(id);
    if (!now || !t || (t.internalOnly && !seesInternal(role))) continue;
    if (now.earlyFinish === was.earlyFinish && now.earlyStart === was.earlyStart) continue;
    tasks.push({
      taskId: id,
      title: t.title,
      from: was.earlyFinish,
      to: now.earlyFinish,
      days: workingDaysBetween(was.earlyFinish, now.earlyFinish),
    });
  }
  const fBefore = computedForecasts(inputs, before);
  const fAfter = computedForecasts(inputs, after);
  const milestones = inputs.milestones
    .filter((m) => !m.forecastOverride && !m.actualDate)
    .map((m) => ({
      milestoneId: m.id,
      name: m.name,
      from: fBefore.get(m.id)?.date ?? null,
      to: fAfter.get(m.id)?.date ?? null,
    }))
    .filter((m) => m.from !== m.to)
    .map((m) => ({ ...m, days: m.from && m.to ? workingDaysBetween(m.from, m.to) : 0 }));
  return { tasks, milestones, finish: { from: before.finish, to: after.finish } };
}
