import {
  and,
  asc,
  type Db,
  dependency,
  eq,
  gateCriterion,
  inArray,
  isNull,
  milestone,
  phase,
  type Queryable,
  task,
  writeTx,
} from "@rollout/db";
import { type PlanSource, type ProjectKind, templateFromPlan } from "@rollout/domain";
import type { Acting } from "../../audit.ts";
import { badRequest } from "../../errors.ts";
import type { ProjectRow } from "../../trpc.ts";
import { orgHolidays, type TemplateRow } from "./read.ts";
import { insertTemplate } from "./write.ts";

const CHUNK = 500;

/**
 * The project's live plan as `templateFromPlan` reads it, rows keyed `p1…`, `m1…`, `t1…` in plan
 * order (phases by position; in each phase its tasks, each followed by its subtasks).
 * Internal-only flags are kept: a template is the team's, never shown to stakeholders.
 */
export function planSourceOf(tx: Queryable, projectId: string): PlanSource {
  const phases = tx
    .select({ id: phase.id, name: phase.name })
    .from(phase)
    .where(and(eq(phase.projectId, projectId), isNull(phase.deletedAt)))
    .orderBy(asc(phase.sortOrder))
    .all();
  const milestones = tx
    .select()
    .from(milestone)
    .where(and(eq(milestone.projectId, projectId), isNull(milestone.deletedAt)))
    .orderBy(asc(milestone.sortOrder), asc(milestone.createdAt))
    .all();
  const tasks = tx
    .select()
    .from(task)
    .where(and(eq(task.projectId, projectId), isNull(task.deletedAt)))
    .orderBy(asc(task.sortOrder))
    .all();
  const criteria: { milestoneId: string; item: string }[] = [];
  const milestoneIds = milestones.map((m) => m.id);
  for (let i = 0; i < milestoneIds.length; i += CHUNK) {
    criteria.push(
      ...tx
        .select({ milestoneId: gateCriterion.milestoneId, item: gateCriterion.item })
        .from(gateCriterion)
        .where(inArray(gateCriterion.milestoneId, milestoneIds.slice(i, i + CHUNK)))
        .orderBy(asc(gateCriterion.sortOrder))
        .all(),
    );
  }
  const links = tx
    .select({
      predecessorId: dependency.predecessorId,
      successorId: dependency.successorId,
      type: dependency.type,
      lag: dependency.lag,
    })
    .from(dependency)
    .where(eq(dependency.projectId, projectId))
    .all();

  const keys = new Map<string, string>();
  for (const [i, p] of phases.entries()) keys.set(p.id, `p${i + 1}`);
  for (const [i, m] of milestones.entries()) keys.set(m.id, `m${i + 1}`);
  // Tasks of live phases only, in plan order: top-level tasks, each with its subtasks after it.
  const live = tasks.filter((t) => keys.has(t.phaseId));
  const liveIds = new Set(live.map((t) => t.id));
  const children = new Map<string, typeof live>();
  const ordered: typeof live = [];
  for (const t of live) {
    if (t.parentId && liveIds.has(t.parentId)) {
      children.set(t.parentId, [...(children.get(t.parentId) ?? []), t]);
    }
  }
  const phaseOrder = new Map(phases.map((p, i) => [p.id, i]));
  const topLevel = live
    .filter((t) => !(t.parentId && liveIds.has(t.parentId)))
    .sort((a, b) => (phaseOrder.get(a.phaseId) ?? 0) - (phaseOrder.get(b.phaseId) ?? 0));
  for (const t of topLevel) ordered.push(t, ...(children.get(t.id) ?? []));
  for (const [i, t] of ordered.entries()) keys.set(t.id, `t${i + 1}`);
  const key = (id: string) => keys.get(id) as string;
  const keyOrNull = (id: string | null) => (id ? (keys.get(id) ?? null) : null);

  return {
    phases: phases.map((p) => ({ key: key(p.id), name: p.name })),
    milestones: milestones.map((m) => ({
      key: key(m.id),
      name: m.name,
      baselineDate: m.baselineDate ?? m.forecastOverride,
      isGate: m.isGate,
      isGoLive: m.isGoLive,
      criteria: criteria.filter((c) => c.milestoneId === m.id).map((c) => c.item),
    })),
    tasks: ordered.map((t) => ({
      key: key(t.id),
      phaseKey: key(t.phaseId),
      parentKey: keyOrNull(t.parentId),
      title: t.title,
      description: t.description,
      category: t.category,
      startDate: t.startDate,
      dueDate: t.dueDate,
      duration: t.duration,
      estimateHours: t.estimateHours,
      internalOnly: t.internalOnly,
      milestoneKey: keyOrNull(t.milestoneId),
      raci: { ipm: t.raciIpm, pm: t.raciPm, customer: t.raciCustomer, vendor: t.raciVendor },
    })),
    dependencies: links
      .filter((l) => keys.has(l.predecessorId) && keys.has(l.successorId))
      .map((l) => ({
        predecessorKey: key(l.predecessorId),
        successorKey: key(l.successorId),
        type: l.type,
        lag: l.lag,
      })),
  };
}

/**
 * The project's current plan as a new template of the organisation: relative dates from the
 * project's start on the organisation's calendar (see `templateFromPlan` for undated tasks).
 */
export function saveTemplateFromProject(
  db: Db,
  acting: Acting,
  project: ProjectRow,
  input: { name: string; description: string; kind?: ProjectKind | undefined },
): TemplateRow {
  return writeTx(db, (tx) => {
    const source = planSourceOf(tx, project.id);
    if (source.phases.length === 0) {
      throw badRequest("This project has no plan to save yet: add a phase and its tasks first", {
        projectId: "The plan is empty",
      });
    }
    const body = templateFromPlan(source, {
      startDate: project.startDate,
      holidays: orgHolidays(tx, acting.orgId),
    });
    return insertTemplate(
      tx,
      acting,
      {
        name: input.name,
        description: input.description,
        kind: input.kind ?? project.kind,
        body,
      },
      "save_from_project",
      { fromProject: project.id, fromProjectKey: project.key },
    );
  });
}
