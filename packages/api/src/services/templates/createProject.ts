import {
  type Db,
  dependency,
  gateCriterion,
  milestone,
  newId,
  nowIso,
  phase,
  project,
  projectMember,
  sql,
  type Tx,
  task,
  writeTx,
} from "@rollout/db";
import {
  type ExpandedPlan,
  expandTemplate,
  type ProjectFields,
  templateProblems,
} from "@rollout/domain";
import { type Acting, audit } from "../../audit.ts";
import { badRequest, mapUnique } from "../../errors.ts";
import { orgHolidays, resolveTemplate } from "./read.ts";

export type CreateFromTemplateInput = Omit<ProjectFields, "targetGoLive"> & {
  targetGoLive: string | null;
  creatorRole: "pm" | "ipm";
  templateId: string;
};

export interface CreatedFromTemplate {
  id: string;
  key: string;
  goLive: string | null;
  counts: {
    phases: number;
    tasks: number;
    dependencies: number;
    milestones: number;
    criteria: number;
  };
}

/**
 * A new project with the template's plan laid on its start date and the organisation's calendar:
 * phases, tasks with their responsibilities, dependencies, milestones with gate criteria, all in
 * one transaction of prepared inserts (see `insertPlan`). The caller joins with `creatorRole`
 * (PM by default, as for a blank project). A target go-live left out is the template's go-live
 * date (else its last due date). Audited as one row for the project, one for the membership and
 * one for the plan as a batch.
 */
export function createProjectFromTemplate(
  db: Db,
  acting: Acting,
  input: CreateFromTemplateInput,
): CreatedFromTemplate {
  return writeTx(db, (tx) => {
    const source = resolveTemplate(tx, acting.orgId, input.templateId);
    const problems = templateProblems(source.body);
    if (problems.length > 0) {
      throw badRequest(`The template cannot be used: ${problems[0]?.message}`, {
        templateId: problems[0]?.message ?? "Invalid template",
      });
    }
    const plan = expandTemplate(source.body, {
      startDate: input.startDate,
      holidays: orgHolidays(tx, acting.orgId),
    });
    const { creatorRole, templateId: _t, ...fields } = input;
    const targetGoLive = fields.targetGoLive ?? plan.goLive ?? plan.finish ?? plan.dayZero;
    const now = nowIso();
    const projectId = newId();
    const projectFields = { ...fields, targetGoLive };
    mapUnique(
      () =>
        tx
          .insert(project)
          .values({
            id: projectId,
            organizationId: acting.orgId,
            ...projectFields,
            createdAt: now,
            updatedAt: now,
          })
          .run(),
      "project.organization_id, project.key",
      "key",
      `Another project in this organisation already uses the key ${input.key}`,
    );
    const creatorId = newId();
    tx.insert(projectMember)
      .values({
        id: creatorId,
        projectId,
        userId: acting.userId,
        role: creatorRole,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    const counts = insertPlan(tx, projectId, plan, now);
    audit(tx, acting, {
      entityType: "project",
      entityId: projectId,
      projectId,
      action: "create",
      after: { ...projectFields, templateId: source.id, templateName: source.name },
    });
    audit(tx, acting, {
      entityType: "project_member",
      entityId: creatorId,
      projectId,
      action: "create",
      after: { userId: acting.userId, role: creatorRole },
    });
    audit(tx, acting, {
      entityType: "plan",
      entityId: projectId,
      projectId,
      action: "create_from_template",
      after: { templateId: source.id, templateName: source.name, ...counts },
    });
    return { id: projectId, key: input.key, goLive: plan.goLive, counts };
  });
}

/**
 * Writes an expanded plan into a project: ids for every row, references kept. One prepared
 * INSERT per table, run once per row: building a multi-row statement of thousands of bound
 * values costs more than running a ready statement 500 times inside the transaction.
 */
export function insertPlan(tx: Tx, projectId: string, plan: ExpandedPlan, now: string) {
  const ids = new Map<string, string>();
  const idOf = (key: string) => {
    let id = ids.get(key);
    if (!id) {
      id = newId();
      ids.set(key, id);
    }
    return id;
  };
  const p = (name: string) => sql.placeholder(name);
  const stamps = { projectId, createdAt: now, updatedAt: now };

  const insertPhase = tx
    .insert(phase)
    .values({ ...stamps, id: p("id"), name: p("name"), sortOrder: p("sortOrder") })
    .prepare();
  for (const [i, ph] of plan.phases.entries()) {
    insertPhase.run({ id: idOf(ph.key), name: ph.name, sortOrder: i + 1 });
  }

  const insertMilestone = tx
    .insert(milestone)
    .values({
      ...stamps,
      id: p("id"),
      name: p("name"),
      baselineDate: p("baselineDate"),
      isGate: p("isGate"),
      isGoLive: p("isGoLive"),
      sortOrder: p("sortOrder"),
    })
    .prepare();
  const insertCriterion = tx
    .insert(gateCriterion)
    .values({
      createdAt: now,
      updatedAt: now,
      id: p("id"),
      milestoneId: p("milestoneId"),
      item: p("item"),
      sortOrder: p("sortOrder"),
    })
    .prepare();
  let criteria = 0;
  for (const [i, m] of plan.milestones.entries()) {
    insertMilestone.run({
      id: idOf(m.key),
      name: m.name,
      baselineDate: m.baselineDate,
      isGate: m.isGate || m.isGoLive,
      isGoLive: m.isGoLive,
      sortOrder: i + 1,
    });
    for (const [j, item] of m.criteria.entries()) {
      insertCriterion.run({ id: newId(), milestoneId: idOf(m.key), item, sortOrder: j + 1 });
      criteria += 1;
    }
  }

  const insertTask = tx
    .insert(task)
    .values({
      ...stamps,
      id: p("id"),
      phaseId: p("phaseId"),
      parentId: p("parentId"),
      title: p("title"),
      description: p("description"),
      category: p("category"),
      startDate: p("startDate"),
      dueDate: p("dueDate"),
      duration: p("duration"),
      estimateHours: p("estimateHours"),
      milestoneId: p("milestoneId"),
      internalOnly: p("internalOnly"),
      sortOrder: p("sortOrder"),
      raciIpm: p("raciIpm"),
      raciPm: p("raciPm"),
      raciCustomer: p("raciCustomer"),
      raciVendor: p("raciVendor"),
    })
    .prepare();
  // Parents before their subtasks; the order of the template is the order of the plan.
  const indexed = plan.tasks.map((t, i) => ({ t, i }));
  const ordered = [
    ...indexed.filter(({ t }) => t.parentKey === null),
    ...indexed.filter(({ t }) => t.parentKey !== null),
  ];
  for (const { t, i } of ordered) {
    insertTask.run({
      id: idOf(t.key),
      phaseId: idOf(t.phaseKey),
      parentId: t.parentKey ? idOf(t.parentKey) : null,
      title: t.title,
      description: t.description,
      category: t.category,
      startDate: t.startDate,
      dueDate: t.dueDate,
      duration: t.duration,
      estimateHours: t.estimateHours,
      milestoneId: t.milestoneKey ? idOf(t.milestoneKey) : null,
      internalOnly: t.internalOnly,
      sortOrder: i + 1,
      raciIpm: t.raci.ipm ?? null,
      raciPm: t.raci.pm ?? null,
      raciCustomer: t.raci.customer ?? null,
      raciVendor: t.raci.vendor ?? null,
    });
  }

  const insertDependency = tx
    .insert(dependency)
    .values({
      ...stamps,
      id: p("id"),
      predecessorId: p("predecessorId"),
      successorId: p("successorId"),
      type: p("type"),
      lag: p("lag"),
    })
    .prepare();
  for (const d of plan.dependencies) {
    insertDependency.run({
      id: newId(),
      predecessorId: idOf(d.predecessorKey),
      successorId: idOf(d.successorKey),
      type: d.type,
      lag: d.lag,
    });
  }
  return {
    phases: plan.phases.length,
    tasks: plan.tasks.length,
    dependencies: plan.dependencies.length,
    milestones: plan.milestones.length,
    criteria,
  };
}
