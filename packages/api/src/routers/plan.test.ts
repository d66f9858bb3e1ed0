import { auditLog, count, eq, task } from "@rollout/db";
import { beforeEach, describe, expect, it } from "vitest";
import { createWorld, errorOf, type World } from "../testing/index.ts";

let world: World;
beforeEach(() => {
  world = createWorld();
});
const pid = () => ({ projectId: world.projectId });
const auditCount = () => world.db.select({ n: count() }).from(auditLog).get()?.n ?? 0;
const row = (id: string) => world.db.select().from(task).where(eq(task.id, id)).get();

async function buildPhase(names: string[]) {
  const ipm = world.as("ipm");
  const phase = await ipm.plan.phase.create({ ...pid(), name: "Testing" });
  const tasks = [];
  for (const title of names) {
    tasks.push(
      await ipm.plan.task.create({ ...pid(), phaseId: phase.id, title, category: "testing" }),
    );
  }
  return { phase, tasks };
}

describe("building a plan", () => {
  it("creates phases and tasks in order, filling responsibilities from the playbook", async () => {
    const { phase, tasks } = await buildPhase(["Write UAT scripts", "Run UAT", "Sign off UAT"]);
    expect(tasks[0]?.responsibilities).toEqual({
      ipm: "AR",
      pm: "C",
      customer: null,
      vendor: null,
    });
    expect(tasks[0]?.violations).toEqual([]);
    const plan = await world.as("pm").plan.get(pid());
    expect(plan.phases.map((p) => p.name)).toEqual(["Build", "Testing"]);
    const inPhase = plan.tasks.filter((t) => t.phaseId === phase.id);
    expect(inPhase.map((t) => t.title)).toEqual(["Write UAT scripts", "Run UAT", "Sign off UAT"]);
    expect(plan.canEditPlan).toBe(true);
    expect(plan.people.map((p) => p.role).sort()).toEqual([
      "contributor",
      "ipm",
      "pm",
      "stakeholder",
    ]);
  });

  it("saves a task that breaks the RACI rule, and flags it with the reason", async () => {
    const ipm = world.as("ipm");
    const t = await ipm.plan.task.create({
      ...pid(),
      phaseId: world.plan.phaseId,
      title: "Decide on cut-over weekend",
      category: "cutover",
      responsibilities: { ipm: "A", pm: "A" },
      applyPlaybook: false,
    });
    expect(t.violations.map((v) => v.code).sort()).toEqual([
      "no_responsible",
      "several_accountable",
    ]);
    const fixed = await ipm.plan.task.update({
      ...pid(),
      taskId: t.id,
      version: t.version,
      changes: { responsibilities: { pm: "R" } },
    });
    expect(fixed.violations).toEqual([]);
    expect(fixed.responsibilities).toMatchObject({ ipm: "A", pm: "R" });
  });

  it("places a task before another, renames and reorders phases", async () => {
    const { phase, tasks } = await buildPhase(["A", "C"]);
    const ipm = world.as("ipm");
    await ipm.plan.task.create({
      ...pid(),
      phaseId: phase.id,
      title: "B",
      category: "testing",
      beforeTaskId: tasks[1]?.id ?? null,
    });
    await ipm.plan.phase.move({
      ...pid(),
      phaseId: phase.id,
      version: 1,
      beforePhaseId: world.plan.phaseId,
    });
    await ipm.plan.phase.update({ ...pid(), phaseId: phase.id, version: 2, name: "UAT" });
    const plan = await ipm.plan.get(pid());
    expect(plan.phases.map((p) => p.name)).toEqual(["UAT", "Build"]);
    expect(plan.tasks.filter((t) => t.phaseId === phase.id).map((t) => t.title)).toEqual([
      "A",
      "B",
      "C",
    ]);
  });

  it("keeps start, due and duration consistent in working days, and refuses due before start", async () => {
    const ipm = world.as("ipm");
    const t = await ipm.plan.task.create({
      ...pid(),
      phaseId: world.plan.phaseId,
      title: "Migrate accounts",
      category: "data_migration",
      startDate: "2026-11-26", // Thursday
      duration: 3,
    });
    expect(t).toMatchObject({ dueDate: "2026-11-30", duration: 3 }); // Thu, Fri, Mon
    const longer = await ipm.plan.task.update({
      ...pid(),
      taskId: t.id,
      version: 1,
      changes: { dueDate: "2026-12-04" },
    });
    expect(longer).toMatchObject({ startDate: "2026-11-26", duration: 7 });
    // A new start alone moves the task and keeps its length.
    const moved = await ipm.plan.task.update({
      ...pid(),
      taskId: t.id,
      version: 2,
      changes: { startDate: "2026-12-07" },
    });
    expect(moved).toMatchObject({ startDate: "2026-12-07", dueDate: "2026-12-15", duration: 7 });
    const bad = await errorOf(
      ipm.plan.task.update({
        ...pid(),
        taskId: t.id,
        version: 3,
        changes: { dueDate: "2026-11-20" },
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.cause).toMatchObject({
      fieldErrors: { dueDate: expect.stringMatching(/before the start/) },
    });
    expect(row(t.id)?.dueDate).toBe("2026-12-15");
  });

  it("makes subtasks one level deep, and moves a task with its subtasks to another phase", async () => {
    const ipm = world.as("ipm");
    const parent = world.plan.tasks.open;
    const sub = await ipm.plan.task.create({
      ...pid(),
      phaseId: world.plan.phaseId,
      parentId: parent,
      title: "Load country codes",
      category: "data_migration",
    });
    const deeper = await errorOf(
      ipm.plan.task.create({
        ...pid(),
        phaseId: world.plan.phaseId,
        parentId: sub.id,
        title: "Too deep",
        category: "data_migration",
      }),
    );
    expect(deeper.code).toBe("BAD_REQUEST");
    const other = await ipm.plan.phase.create({ ...pid(), name: "Data" });
    await ipm.plan.task.move({
      ...pid(),
      taskId: parent,
      version: 1,
      phaseId: other.id,
      beforeTaskId: null,
    });
    expect(row(parent)?.phaseId).toBe(other.id);
    expect(row(sub.id)).toMatchObject({ phaseId: other.id, parentId: parent });
  });
});

describe("concurrency", () => {
  it("answers CONFLICT to a stale version and writes nothing", async () => {
    const ipm = world.as("ipm");
    const taskId = world.plan.tasks.open;
    await ipm.plan.task.update({ ...pid(), taskId, version: 1, changes: { title: "Mine" } });
    const before = auditCount();
    const error = await errorOf(
      world
        .as("pm")
        .plan.task.update({ ...pid(), taskId, version: 1, changes: { title: "Theirs" } }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(row(taskId)).toMatchObject({ title: "Mine", version: 2 });
    expect(auditCount()).toBe(before);
  });

  it("applies a bulk edit to all of a selection or, with one stale task, to none", async () => {
    const pm = world.as("pm");
    const { assigned, open } = world.plan.tasks;
    await pm.plan.task.update({ ...pid(), taskId: open, version: 1, changes: { title: "Bumped" } });
    const before = auditCount();
    const stale = await errorOf(
      pm.plan.task.bulkUpdate({
        ...pid(),
        tasks: [
          { id: assigned, version: 1 },
          { id: open, version: 1 },
        ],
        changes: { status: "done" },
      }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/1 of the selected tasks changed/);
    expect(row(assigned)?.status).toBe("not_started");
    expect(auditCount()).toBe(before);

    const done = await pm.plan.task.bulkUpdate({
      ...pid(),
      tasks: [
        { id: assigned, version: 1 },
        { id: open, version: 2 },
      ],
      changes: { status: "done", shiftWorkingDays: 2, responsibilities: { pm: "A", ipm: "R" } },
    });
    expect(done.tasks).toEqual([
      { id: assigned, version: 2 },
      { id: open, version: 3 },
    ]);
    expect(row(assigned)).toMatchObject({
      status: "done",
      percentComplete: 100,
      startDate: "2026-11-25",
      dueDate: "2026-12-01",
      raciPm: "A",
      raciIpm: "R",
    });
    expect(auditCount()).toBe(before + 2);
  });
});

describe("delete and restore", () => {
  it("restores a deleted task with its dependencies, responsibilities and subtasks", async () => {
    const ipm = world.as("ipm");
    const { assigned, open } = world.plan.tasks;
    const sub = await ipm.plan.task.create({
      ...pid(),
      phaseId: world.plan.phaseId,
      parentId: assigned,
      title: "Sub",
      category: "configuration",
    });
    const { batchId, count: deleted } = await ipm.plan.task.delete({
      ...pid(),
      tasks: [{ id: assigned, version: 1 }],
    });
    expect(deleted).toBe(2);
    let plan = await ipm.plan.get(pid());
    expect(plan.tasks.map((t) => t.id)).not.toContain(assigned);
    expect(plan.tasks.map((t) => t.id)).not.toContain(sub.id);
    expect(plan.dependencies).toEqual([]);

    expect((await ipm.plan.task.restore({ ...pid(), batchId })).count).toBe(2);
    plan = await ipm.plan.get(pid());
    const back = plan.tasks.find((t) => t.id === assigned);
    expect(back?.responsibilities).toMatchObject({ ipm: "AR", pm: "C" });
    expect(plan.tasks.find((t) => t.id === sub.id)?.parentId).toBe(assigned);
    expect(plan.dependencies).toEqual([
      expect.objectContaining({ predecessorId: assigned, successorId: open }),
    ]);
    expect((await errorOf(ipm.plan.task.restore({ ...pid(), batchId }))).code).toBe("NOT_FOUND");
  });

  it("deletes a phase with its tasks and restores both", async () => {
    const ipm = world.as("ipm");
    const { batchId, count: n } = await ipm.plan.phase.delete({
      ...pid(),
      phaseId: world.plan.phaseId,
      version: 1,
    });
    expect(n).toBe(3);
    expect((await ipm.plan.get(pid())).tasks).toEqual([]);
    await ipm.plan.task.restore({ ...pid(), batchId });
    const plan = await ipm.plan.get(pid());
    expect(plan.phases).toHaveLength(1);
    expect(plan.tasks).toHaveLength(3);
  });
});

describe("dependencies", () => {
  it("refuses a link that closes a loop, naming the tasks on it", async () => {
    const ipm = world.as("ipm");
    const { assigned, internal, open } = world.plan.tasks;
    await ipm.plan.dependency.add({ ...pid(), predecessorId: open, successorId: internal });
    const loop = await errorOf(
      ipm.plan.dependency.add({ ...pid(), predecessorId: internal, successorId: assigned }),
    );
    expect(loop.code).toBe("BAD_REQUEST");
    expect(loop.message).toBe(
      'This link would make a loop: "Vendor margin review" → "Configure pipelines" → "Load reference data" → "Vendor margin review"',
    );
    const self = await errorOf(
      ipm.plan.dependency.add({ ...pid(), predecessorId: open, successorId: open }),
    );
    expect(self.code).toBe("BAD_REQUEST");
    const twice = await errorOf(
      ipm.plan.dependency.add({ ...pid(), predecessorId: assigned, successorId: open }),
    );
    expect(twice.code).toBe("CONFLICT");
  });

  it("refuses a link to another project's task", async () => {
    const error = await errorOf(
      world.as("orgOwner").plan.dependency.add({
        ...pid(),
        predecessorId: world.plan.tasks.open,
        successorId: world.otherPlan.tasks.open,
      }),
    );
    expect(error.code).toBe("NOT_FOUND");
  });

  it("changes type and lag with a version", async () => {
    const pm = world.as("pm");
    const d = await pm.plan.dependency.update({
      ...pid(),
      dependencyId: world.plan.dependencyId,
      version: 1,
      type: "SS",
      lag: -2,
    });
    expect(d).toMatchObject({ type: "SS", lag: -2, version: 2 });
    const stale = await errorOf(
      pm.plan.dependency.update({
        ...pid(),
        dependencyId: world.plan.dependencyId,
        version: 1,
        type: "FF",
        lag: 0,
      }),
    );
    expect(stale.code).toBe("CONFLICT");
  });
});

describe("who may do what", () => {
  it("lets contributors change only the progress of tasks assigned to them", async () => {
    const contributor = world.as("contributor");
    const { assigned, open } = world.plan.tasks;
    const mine = await contributor.plan.task.update({
      ...pid(),
      taskId: assigned,
      version: 1,
      changes: { status: "in_progress", percentComplete: 40, actualHours: 6 },
    });
    expect(mine).toMatchObject({ status: "in_progress", percentComplete: 40, actualHours: 6 });
    const title = await errorOf(
      contributor.plan.task.update({
        ...pid(),
        taskId: assigned,
        version: 2,
        changes: { title: "No" },
      }),
    );
    expect(title.code).toBe("FORBIDDEN");
    const notMine = await errorOf(
      contributor.plan.task.update({
        ...pid(),
        taskId: open,
        version: 1,
        changes: { status: "done" },
      }),
    );
    expect(notMine.code).toBe("FORBIDDEN");
    expect(row(open)?.status).toBe("not_started");
  });

  it("never shows a stakeholder an internal-only task or a link to one", async () => {
    await world.as("ipm").plan.dependency.add({
      ...pid(),
      predecessorId: world.plan.tasks.open,
      successorId: world.plan.tasks.internal,
    });
    const plan = await world.as("stakeholder").plan.get(pid());
    expect(plan.tasks.map((t) => t.title).sort()).toEqual([
      "Configure pipelines",
      "Load reference data",
    ]);
    expect(plan.dependencies).toHaveLength(1);
    expect(plan.canEditPlan).toBe(false);
    const ipmPlan = await world.as("ipm").plan.get(pid());
    expect(ipmPlan.tasks).toHaveLength(3);
    expect(ipmPlan.dependencies).toHaveLength(2);
  });

  it("assigns only project members who take tasks", async () => {
    const error = await errorOf(
      world.as("pm").plan.task.update({
        ...pid(),
        taskId: world.plan.tasks.open,
        version: 1,
        changes: { assigneeId: world.people.stakeholder.userId },
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
  });
});

describe("playbook", () => {
  it("suggests blanks only, or everything when asked, by phase or selection", async () => {
    const pm = world.as("pm");
    const { open, assigned } = world.plan.tasks;
    await pm.plan.task.update({
      ...pid(),
      taskId: assigned,
      version: 1,
      changes: { responsibilities: { pm: "I" } },
    });
    // The internal task lacks a PM letter and the open one has none: both are filled.
    expect((await pm.plan.task.suggest({ ...pid(), phaseId: world.plan.phaseId })).count).toBe(2);
    expect(row(open)).toMatchObject({ raciIpm: "AR", raciPm: "C" });
    expect(row(assigned)?.raciPm).toBe("I");
    expect(
      (await pm.plan.task.suggest({ ...pid(), taskIds: [assigned], overwrite: true })).count,
    ).toBe(1);
    expect(row(assigned)?.raciPm).toBe("C");
  });

  it("uses the organisation's own entries, versioned, and resets to the default", async () => {
    const admin = world.as("orgAdmin");
    const entries = await admin.playbook.get();
    expect(entries.find((e) => e.category === "testing")).toMatchObject({
      customised: false,
      version: 0,
    });
    const mine = { ipm: "R", pm: "A", customer: "C", vendor: null } as const;
    await admin.playbook.update({ category: "testing", version: 0, responsibilities: mine });
    const stale = await errorOf(
      admin.playbook.update({ category: "testing", version: 0, responsibilities: mine }),
    );
    expect(stale.code).toBe("CONFLICT");
    const created = await world.as("ipm").plan.task.create({
      ...pid(),
      phaseId: world.plan.phaseId,
      title: "Regression run",
      category: "testing",
    });
    expect(created.responsibilities).toEqual(mine);
    await admin.playbook.reset({ category: "testing" });
    expect((await admin.playbook.get()).find((e) => e.category === "testing")?.customised).toBe(
      false,
    );
    // Another organisation's playbook is untouched.
    expect((await world.as("otherOrg").playbook.get()).every((e) => !e.customised)).toBe(true);
  });
});

describe("my work", () => {
  const today = "2026-11-25";
  const titles = (page: { items: { task: { title: string } }[] }) =>
    page.items.map((w) => w.task.title);

  it("lists open tasks assigned to me or whose R/A falls on my project role", async () => {
    const ipmWork = await world.as("ipm").myWork.list({ today });
    expect(ipmWork.items.map((w) => [w.task.title, w.reasons])).toEqual([
      ["Configure pipelines", ["responsible", "accountable"]],
      ["Vendor margin review", ["assignee", "responsible", "accountable"]],
    ]);
    expect(ipmWork.counts).toEqual({ overdue: 0, thisWeek: 1, later: 0, noDate: 1 });
    expect(ipmWork.nextCursor).toBeNull();
    const contributorWork = await world.as("contributor").myWork.list({ today });
    expect(titles(contributorWork)).toEqual(["Configure pipelines"]);
    expect(titles(await world.as("contributor").myWork.list({ today, group: "later" }))).toEqual(
      [],
    );
    // The same task is overdue a week later.
    const weekOn = await world.as("contributor").myWork.list({ today: "2026-12-02" });
    expect(weekOn.counts).toEqual({ overdue: 1, thisWeek: 0, later: 0, noDate: 0 });
    await world.as("contributor").plan.task.update({
      ...pid(),
      taskId: world.plan.tasks.assigned,
      version: 1,
      changes: { status: "done" },
    });
    const empty = { counts: { overdue: 0, thisWeek: 0, later: 0, noDate: 0 }, items: [] };
    expect(await world.as("contributor").myWork.list({ today })).toEqual({
      ...empty,
      nextCursor: null,
    });
    expect(await world.as("otherOrg").myWork.list({ today })).toEqual({
      ...empty,
      nextCursor: null,
    });
  });
});
