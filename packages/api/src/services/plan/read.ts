import {
  alias,
  and,
  asc,
  type Db,
  dependency,
  eq,
  isNull,
  projectMember,
  task,
  user,
} from "@rollout/db";
import { type Plan, type ProjectAccessRole, projectAllows } from "@rollout/domain";
import { seesInternal, toTask } from "./model.ts";
import { livePhases, toPhase } from "./phases.ts";

/**
 * The whole plan of a project in four queries: phases, tasks (with assignee names), the links
 * between live tasks, and the people. Stakeholders get no internal-only task nor links to one.
 */
export function getPlan(db: Db, projectId: string, role: ProjectAccessRole): Plan {
  const internal = seesInternal(role);
  const phases = livePhases(db, projectId).map(toPhase);
  const taskConditions = [eq(task.projectId, projectId), isNull(task.deletedAt)];
  if (!internal) taskConditions.push(eq(task.internalOnly, false));
  const tasks = db
    .select({ row: task, assigneeName: user.name })
    .from(task)
    .leftJoin(user, eq(user.id, task.assigneeId))
    .where(and(...taskConditions))
    .orderBy(asc(task.phaseId), asc(task.sortOrder))
    .all()
    .map((r) => toTask(r.row, r.assigneeName));
  const visible = new Set(tasks.map((t) => t.id));
  const pred = alias(task, "pred");
  const succ = alias(task, "succ");
  const dependencies = db
    .select({
      id: dependency.id,
      predecessorId: dependency.predecessorId,
      successorId: dependency.successorId,
      type: dependency.type,
      lag: dependency.lag,
      version: dependency.version,
    })
    .from(dependency)
    .innerJoin(pred, and(eq(pred.id, dependency.predecessorId), isNull(pred.deletedAt)))
    .innerJoin(succ, and(eq(succ.id, dependency.successorId), isNull(succ.deletedAt)))
    .where(eq(dependency.projectId, projectId))
    .all()
    .filter((d) => visible.has(d.predecessorId) && visible.has(d.successorId));
  const people = db
    .select({ userId: projectMember.userId, name: user.name, role: projectMember.role })
    .from(projectMember)
    .innerJoin(user, eq(user.id, projectMember.userId))
    .where(eq(projectMember.projectId, projectId))
    .orderBy(asc(user.name))
    .all();
  return {
    phases,
    tasks,
    dependencies,
    people,
    canEditPlan: projectAllows("plan.edit", role),
    canEditOwnTasks: role === "contributor",
  };
}
