import {
  auditLog,
  count,
  dependency,
  eq,
  gateCriterion,
  milestone,
  phase,
  project,
  task,
  template,
} from "@rollout/db";
import { builtInTemplates, expandTemplate, WorkingCalendar } from "@rollout/domain";
import { beforeEach, describe, expect, it } from "vitest";
import type * as z from "zod";
import { smallTemplateBody } from "../testing/fixtures/templates.ts";
import { type Caller, createWorld, errorOf, projectFields, type World } from "../testing/index.ts";

let world: World;
beforeEach(() => {
  world = createWorld();
});

const rows = (table: typeof project | typeof task | typeof phase | typeof template) =>
  world.db.select({ n: count() }).from(table).get()?.n ?? 0;
const auditRows = () => world.db.select({ n: count() }).from(auditLog).get()?.n ?? 0;
const { key: _key, targetGoLive: _target, ...fields } = projectFields();
const newProject = (key: string, templateId: string, extra: Record<string, unknown> = {}) => ({
  ...fields,
  stage: "planning" as const,
  key,
  templateId,
  ...extra,
});

const HOLIDAYS = [
  { date: "2026-09-07", name: "Labour day" },
  { date: "2026-10-12", name: "Founders' day" },
  { date: "2026-12-25", name: "Christmas" },
];

/**
 * A project's plan relative to its own start on the organisation's calendar: what must survive
 * a round trip through a template whatever the start date.
 */
async function planShape(caller: Caller, projectId: string) {
  const p = await caller.project.get({ projectId });
  const holidays = (await caller.org.holidays()).map((h) => h.date);
  const calendar = new WorkingCalendar(p.startDate, holidays);
  const day = (date: string | null) => (date ? calendar.dayOf(date) : null);
  const plan = await caller.plan.get({ projectId });
  const schedule = await caller.schedule.get({ projectId });
  const phaseName = new Map(plan.phases.map((ph) => [ph.id, ph.name]));
  const title = new Map(plan.tasks.map((t) => [t.id, t.title]));
  const milestoneName = new Map(schedule.milestones.map((m) => [m.id, m.name]));
  return {
    phases: plan.phases.map((ph) => ph.name),
    tasks: plan.tasks
      .map((t) => ({
        title: t.title,
        phase: phaseName.get(t.phaseId),
        parent: t.parentId ? title.get(t.parentId) : null,
        category: t.category,
        start: day(t.startDate),
        due: day(t.dueDate),
        duration: t.duration,
        estimate: t.estimateHours,
        internalOnly: t.internalOnly,
        milestone: t.milestoneId ? milestoneName.get(t.milestoneId) : null,
        raci: t.responsibilities,
      }))
      .sort((a, b) => a.title.localeCompare(b.title)),
    dependencies: plan.dependencies
      .map((d) => `${title.get(d.predecessorId)} → ${title.get(d.successorId)} ${d.type} ${d.lag}`)
      .sort(),
    milestones: schedule.milestones
      .map((m) => ({
        name: m.name,
        offset: day(m.baselineDate),
        isGate: m.isGate,
        isGoLive: m.isGoLive,
        criteria: m.criteria.map((c) => c.item),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

describe("listing and reading templates", () => {
  it("lists the built-ins first with their sizes, then the organisation's own", async () => {
    const list = await world.as("ipm").template.list();
    expect(list.map((t) => [t.id, t.builtIn])).toEqual([
      ["builtin:saas-rollout", true],
      ["builtin:erp-implementation", true],
      ["builtin:hardware-deployment", true],
      [world.templates.templateId, false],
    ]);
    const saas = list[0];
    const body = builtInTemplates[0]?.body;
    expect(saas).toMatchObject({
      name: "SaaS application rollout",
      kind: "software",
      taskCount: body?.tasks.length,
      milestoneCount: body?.milestones.length,
      phaseCount: body?.phases.length,
      version: null,
    });
    expect(saas?.goLiveOffset).toBeGreaterThan(0);
    expect(saas?.durationDays).toBeGreaterThan(saas?.goLiveOffset ?? 0);
    // Organisation B sees its own, never A's.
    const theirs = await world.as("otherOrg").template.list();
    expect(theirs.filter((t) => !t.builtIn).map((t) => t.id)).toEqual([
      world.templates.otherTemplateId,
    ]);
  });

  it("reads one whole, editable only for an organisation admin and never a built-in", async () => {
    const own = await world.as("orgAdmin").template.get({ templateId: world.templates.templateId });
    expect(own.body).toEqual(smallTemplateBody());
    expect(own.canEdit).toBe(true);
    expect((await world.as("pm").template.get({ templateId: own.id })).canEdit).toBe(false);
    const builtIn = await world
      .as("orgOwner")
      .template.get({ templateId: "builtin:erp-implementation" });
    expect(builtIn.canEdit).toBe(false);
    expect(builtIn.body.tasks.length).toBeGreaterThan(35);
  });

  it("answers NOT_FOUND for another organisation's template, a deleted one and an unknown built-in", async () => {
    const pm = world.as("pm");
    expect(
      (await errorOf(pm.template.get({ templateId: world.templates.otherTemplateId }))).code,
    ).toBe("NOT_FOUND");
    expect((await errorOf(pm.template.get({ templateId: "builtin:nothing" }))).code).toBe(
      "NOT_FOUND",
    );
    await world
      .as("orgAdmin")
      .template.delete({ templateId: world.templates.templateId, version: 1 });
    expect((await errorOf(pm.template.get({ templateId: world.templates.templateId }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await pm.template.list()).some((t) => t.id === world.templates.templateId)).toBe(false);
  });
});

describe("creating a project from a template", () => {
  it.each(builtInTemplates.map((t) => [t.name, t] as const))(
    "from the built-in %s: every phase, task, letter, link, milestone and criterion",
    async (_name, builtIn) => {
      const owner = world.as("orgOwner");
      await owner.org.setHolidays({ holidays: HOLIDAYS });
      const auditBefore = auditRows();
      const created = await owner.template.createProject(
        newProject("FROM-TPL", builtIn.id, { startDate: "2026-09-05" }),
      );
      const body = builtIn.body;
      const expanded = expandTemplate(body, {
        startDate: "2026-09-05",
        holidays: HOLIDAYS.map((h) => h.date),
      });
      expect(created.counts).toEqual({
        phases: body.phases.length,
        tasks: body.tasks.length,
        dependencies: body.dependencies.length,
        milestones: body.milestones.length,
        criteria: body.milestones.reduce((n, m) => n + m.criteria.length, 0),
      });
      expect(created.goLive).toBe(expanded.goLive);

      const p = await owner.project.get({ projectId: created.id });
      expect(p.key).toBe("FROM-TPL");
      expect(p.startDate).toBe("2026-09-05");
      // No target go-live given: the template's go-live on this calendar.
      expect(p.targetGoLive).toBe(expanded.goLive);
      expect(p.projectRole).toBe("pm");

      const plan = await owner.plan.get({ projectId: created.id });
      expect(plan.phases.map((ph) => ph.name)).toEqual(body.phases.map((ph) => ph.name));
      expect(plan.tasks).toHaveLength(body.tasks.length);
      expect(plan.tasks.filter((t) => t.violations.length > 0)).toEqual([]);
      expect(plan.dependencies).toHaveLength(body.dependencies.length);
      // Day 0 is Monday 7 September… a holiday, so Tuesday the 8th.
      const first = plan.tasks.reduce((a, t) =>
        (t.startDate ?? "9") < (a.startDate ?? "9") ? t : a,
      );
      expect(first.startDate).toBe("2026-09-08");
      const byTitle = new Map(expanded.tasks.map((t) => [t.title, t]));
      for (const t of plan.tasks) {
        const want = byTitle.get(t.title);
        expect([t.startDate, t.dueDate, t.duration, t.category]).toEqual([
          want?.startDate,
          want?.dueDate,
          want?.duration,
          want?.category,
        ]);
      }
      const schedule = await owner.schedule.get({ projectId: created.id });
      const gates = schedule.milestones.filter((m) => m.isGate);
      expect(gates.map((g) => g.criteria.length)).toEqual(
        body.milestones.filter((m) => m.isGate).map((m) => m.criteria.length),
      );
      expect(schedule.milestones.find((m) => m.isGoLive)?.baselineDate).toBe(expanded.goLive);

      // One row for the project, one for the membership, one for the plan as a batch.
      const audits = world.db
        .select({ entityType: auditLog.entityType, action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.projectId, created.id))
        .all();
      expect(audits).toEqual([
        { entityType: "project", action: "create" },
        { entityType: "project_member", action: "create" },
        { entityType: "plan", action: "create_from_template" },
      ]);
      expect(auditRows() - auditBefore).toBe(3);
    },
  );

  it("keeps a target go-live given, and lets the creator join as IPM", async () => {
    const admin = world.as("orgAdmin");
    const created = await admin.template.createProject(
      newProject("IPM-LED", world.templates.templateId, {
        startDate: "2026-11-02",
        targetGoLive: "2027-01-29",
        creatorRole: "ipm",
      }),
    );
    const p = await admin.project.get({ projectId: created.id });
    expect(p.targetGoLive).toBe("2027-01-29");
    expect(p.projectRole).toBe("ipm");
    const plan = await admin.plan.get({ projectId: created.id });
    const margin = plan.tasks.find((t) => t.title === "Check the vendor margin");
    const configure = plan.tasks.find((t) => t.title === "Configure the pipeline");
    expect(margin?.internalOnly).toBe(true);
    expect(margin?.parentId).toBe(configure?.id);
    expect(plan.tasks.find((t) => t.title === "User acceptance testing")?.responsibilities).toEqual(
      { ipm: "AR", pm: "C", customer: "R", vendor: null },
    );
  });

  it("writes nothing for a key already taken, a template of another organisation or an unusable one", async () => {
    const owner = world.as("orgOwner");
    const before = {
      projects: rows(project),
      tasks: rows(task),
      phases: rows(phase),
      audit: auditRows(),
    };
    const taken = await errorOf(
      owner.template.createProject(newProject("ACME-CRM", "builtin:saas-rollout")),
    );
    expect(taken.code).toBe("CONFLICT");
    const theirs = await errorOf(
      owner.template.createProject(newProject("THEIRS", world.templates.otherTemplateId)),
    );
    expect(theirs.code).toBe("NOT_FOUND");
    // A stored body that breaks the rules (written behind the API's back) is refused whole.
    const broken = smallTemplateBody();
    broken.dependencies.push({
      predecessorKey: "cutover",
      successorKey: "configure",
      type: "FS",
      lag: 0,
    });
    world.db
      .update(template)
      .set({ body: broken })
      .where(eq(template.id, world.templates.templateId))
      .run();
    const loop = await errorOf(
      owner.template.createProject(newProject("LOOPED", world.templates.templateId)),
    );
    expect(loop.code).toBe("BAD_REQUEST");
    expect(loop.message).toMatch(/go round in a loop: “Cut over” → “Configure the pipeline”/);
    const early = await errorOf(
      owner.template.createProject(
        newProject("EARLY", "builtin:saas-rollout", {
          startDate: "2026-09-01",
          targetGoLive: "2026-08-01",
        }),
      ),
    );
    expect(early.code).toBe("BAD_REQUEST");
    expect({
      projects: rows(project),
      tasks: rows(task),
      phases: rows(phase),
      audit: auditRows(),
    }).toEqual(before);
  });
});

describe("saving a project as a template", () => {
  it("round-trips: project → template → new project reproduces the plan", async () => {
    const owner = world.as("orgOwner");
    await owner.org.setHolidays({ holidays: HOLIDAYS });
    // Project A from the small template, then changed by hand in every way a plan can be.
    const a = await owner.template.createProject(
      newProject("ROUND-A", world.templates.templateId, { startDate: "2026-09-01" }),
    );
    const ipm = world.as("orgAdmin");
    const pidA = { projectId: a.id };
    let plan = await ipm.plan.get(pidA);
    const golivePhase = plan.phases.find((ph) => ph.name === "Go-live");
    const cutover = plan.tasks.find((t) => t.title === "Cut over");
    const uat = plan.tasks.find((t) => t.title === "User acceptance testing");
    if (!golivePhase || !cutover || !uat) throw new Error("plan not as expected");
    const extra = await ipm.plan.task.create({
      ...pidA,
      phaseId: golivePhase.id,
      title: "Vendor hand-over",
      category: "vendor",
      startDate: "2026-09-28",
      duration: 3,
      estimateHours: 12,
      internalOnly: true,
      responsibilities: { ipm: "A", pm: "I", vendor: "R" },
      applyPlaybook: false,
    });
    await ipm.plan.dependency.add({
      ...pidA,
      predecessorId: uat.id,
      successorId: extra.id,
      type: "FF",
      lag: 2,
    });
    const schedule = await ipm.schedule.get(pidA);
    const live = schedule.milestones.find((m) => m.isGoLive);
    if (!live) throw new Error("no go-live");
    await ipm.schedule.gate.addCriterion({
      ...pidA,
      milestoneId: live.id,
      item: "Hypercare rota published",
    });
    const { id: reviewId } = await ipm.schedule.milestone.create({
      ...pidA,
      name: "Vendor review",
      baselineDate: "2026-10-14",
    });
    await ipm.plan.task.update({
      ...pidA,
      taskId: extra.id,
      version: extra.version,
      changes: { milestoneId: reviewId },
    });
    plan = await ipm.plan.get(pidA);

    const saved = await owner.template.saveFromProject({
      ...pidA,
      name: "Round trip",
      description: "Saved from A",
    });
    expect(saved.kind).toBe("software");
    expect(saved.taskCount).toBe(5);
    expect(saved.body.tasks.find((t) => t.title === "Vendor hand-over")?.internalOnly).toBe(true);

    // Project B from it, starting on a Saturday two months later.
    const b = await owner.template.createProject(
      newProject("ROUND-B", saved.id, { startDate: "2026-11-07" }),
    );
    const shapeA = await planShape(owner, a.id);
    const shapeB = await planShape(owner, b.id);
    expect(shapeB).toEqual(shapeA);
    // The check can fail: the shapes carry the dates, letters and links that were changed.
    expect(shapeA.dependencies).toContain("User acceptance testing → Vendor hand-over FF 2");
    expect(shapeA.tasks.find((t) => t.title === "Vendor hand-over")).toMatchObject({
      raci: { ipm: "A", pm: "I", customer: null, vendor: "R" },
      internalOnly: true,
      milestone: "Vendor review",
      duration: 3,
    });
    expect(shapeA.milestones.find((m) => m.isGoLive)?.criteria).toEqual([
      "UAT signed off",
      "Data reconciled",
      "Hypercare rota published",
    ]);
    const bStart = (await owner.project.get({ projectId: b.id })).startDate;
    expect(bStart).toBe("2026-11-07");
  });

  it("places the world's undated task after its predecessor and keeps internal-only rows", async () => {
    const saved = await world.as("pm").template.saveFromProject({
      projectId: world.projectId,
      name: "From ACME",
    });
    const byTitle = new Map(saved.body.tasks.map((t) => [t.title, t]));
    // Starts Monday 23 November 2026: 60 working days after Tuesday 1 September.
    expect(byTitle.get("Configure pipelines")).toMatchObject({ startOffset: 59, duration: 5 });
    // No dates: right after the task it waits for.
    expect(byTitle.get("Load reference data")).toMatchObject({ startOffset: 64, duration: 1 });
    expect(byTitle.get("Vendor margin review")).toMatchObject({
      startOffset: 0,
      internalOnly: true,
    });
    expect(saved.body.milestones).toEqual([
      {
        key: "m1",
        name: "Go-live",
        offset: 65,
        isGate: true,
        isGoLive: true,
        criteria: ["UAT signed off"],
      },
    ]);
    expect(saved.canEdit).toBe(false);
    const audit = world.db.select().from(auditLog).where(eq(auditLog.entityId, saved.id)).all();
    expect(audit.map((r) => [r.entityType, r.action])).toEqual([["template", "save_from_project"]]);
  });

  it("refuses a project without a plan", async () => {
    const owner = world.as("orgOwner");
    const { id } = await owner.project.create({
      ...fields,
      key: "EMPTY",
      targetGoLive: "2027-01-01",
      creatorRole: "pm",
    });
    const error = await errorOf(owner.template.saveFromProject({ projectId: id, name: "Nothing" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/no plan to save yet/);
  });
});

describe("managing templates", () => {
  it("refuses a body with a loop or a missing reference: 400 naming it, nothing written", async () => {
    const admin = world.as("orgAdmin");
    const before = { templates: rows(template), audit: auditRows() };
    const looped = smallTemplateBody();
    looped.dependencies.push({
      predecessorKey: "cutover",
      successorKey: "configure",
      type: "SS",
      lag: 0,
    });
    const loop = await errorOf(
      admin.template.create({ name: "Loop", kind: "software", body: looped }),
    );
    expect(loop.code).toBe("BAD_REQUEST");
    const issues = (loop.cause as z.ZodError).issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toEqual([
      [
        "body.dependencies.3",
        "These dependencies go round in a loop: “Cut over” → “Configure the pipeline” → “User acceptance testing” → “Cut over”",
      ],
    ]);
    const missing = smallTemplateBody();
    const firstTask = missing.tasks[0];
    if (firstTask) firstTask.phaseKey = "discovery";
    const dangling = await errorOf(
      admin.template.update({
        templateId: world.templates.templateId,
        version: 1,
        changes: { body: missing },
      }),
    );
    expect(dangling.code).toBe("BAD_REQUEST");
    expect((dangling.cause as z.ZodError).issues[0]).toMatchObject({
      path: ["changes", "body", "tasks", 0, "phaseKey"],
      message:
        "Task “Configure the pipeline” is in phase “discovery”, which is not in the template",
    });
    expect({ templates: rows(template), audit: auditRows() }).toEqual(before);
    const stored = await admin.template.get({ templateId: world.templates.templateId });
    expect(stored.body).toEqual(smallTemplateBody());
  });

  it("creates, renames, edits the body with a version check, and deletes softly", async () => {
    const admin = world.as("orgAdmin");
    const created = await admin.template.create({
      name: "Warehouse scanners",
      description: "Handhelds for two warehouses",
      kind: "hardware",
      body: smallTemplateBody(),
    });
    expect(created).toMatchObject({ version: 1, taskCount: 4, builtIn: false, canEdit: true });
    const renamed = await admin.template.update({
      templateId: created.id,
      version: 1,
      changes: { name: "Warehouse scanners v2", kind: "process" },
    });
    expect(renamed).toMatchObject({ name: "Warehouse scanners v2", kind: "process", version: 2 });
    const stale = await errorOf(
      world.as("orgOwner").template.update({
        templateId: created.id,
        version: 1,
        changes: { description: "Too late" },
      }),
    );
    expect(stale.code).toBe("CONFLICT");
    const body = smallTemplateBody();
    body.tasks = body.tasks.filter((t) => t.key !== "margin");
    body.dependencies = body.dependencies.filter((d) => d.successorKey !== "margin");
    const edited = await admin.template.update({
      templateId: created.id,
      version: 2,
      changes: { body },
    });
    expect(edited.taskCount).toBe(3);
    const staleDelete = await errorOf(
      admin.template.delete({ templateId: created.id, version: 2 }),
    );
    expect(staleDelete.code).toBe("CONFLICT");
    await admin.template.delete({ templateId: created.id, version: 3 });
    expect((await errorOf(admin.template.get({ templateId: created.id }))).code).toBe("NOT_FOUND");
    // Still in the table, marked deleted.
    expect(
      world.db.select().from(template).where(eq(template.id, created.id)).get()?.deletedAt,
    ).not.toBeNull();
    const actions = world.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, created.id))
      .all()
      .map((r) => r.action);
    expect(actions).toEqual(["create", "update", "update", "delete"]);
  });

  it("keeps built-ins read-only, and duplicates one into the organisation to edit", async () => {
    const admin = world.as("orgAdmin");
    const refused = await errorOf(
      admin.template.update({
        templateId: "builtin:saas-rollout",
        version: 1,
        changes: { name: "Mine" },
      }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toMatch(/Built-in templates cannot be changed/);
    expect(
      (await errorOf(admin.template.delete({ templateId: "builtin:saas-rollout", version: 1 })))
        .code,
    ).toBe("BAD_REQUEST");
    const copy = await admin.template.duplicate({ templateId: "builtin:hardware-deployment" });
    expect(copy).toMatchObject({
      name: "Copy of Hardware deployment across sites",
      kind: "hardware",
      builtIn: false,
      canEdit: true,
      version: 1,
    });
    expect(copy.body).toEqual(builtInTemplates[2]?.body);
    const named = await admin.template.duplicate({ templateId: copy.id, name: "Kiosks" });
    expect(named.name).toBe("Kiosks");
    const theirs = await errorOf(
      admin.template.duplicate({ templateId: world.templates.otherTemplateId }),
    );
    expect(theirs.code).toBe("NOT_FOUND");
  });

  it("writes gate criteria, milestones and links of a project made from a template to the right project", async () => {
    const created = await world
      .as("orgOwner")
      .template.createProject(newProject("LINKS", world.templates.templateId));
    const milestones = world.db
      .select()
      .from(milestone)
      .where(eq(milestone.projectId, created.id))
      .all();
    expect(milestones.map((m) => [m.name, m.isGate, m.isGoLive])).toEqual([
      ["Go-live", true, true],
    ]);
    const criteria = world.db
      .select({ item: gateCriterion.item })
      .from(gateCriterion)
      .where(eq(gateCriterion.milestoneId, milestones[0]?.id ?? ""))
      .all();
    expect(criteria.map((c) => c.item)).toEqual(["UAT signed off", "Data reconciled"]);
    const links = world.db
      .select()
      .from(dependency)
      .where(eq(dependency.projectId, created.id))
      .all();
    expect(links.map((l) => l.type).sort()).toEqual(["FS", "FS", "SS"]);
  });
});
