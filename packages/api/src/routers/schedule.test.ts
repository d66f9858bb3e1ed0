import { auditLog, eq, project, seedDemo, task, user } from "@rollout/db";
import { createTestDb } from "@rollout/db/testing";
import { beforeEach, describe, expect, it } from "vitest";
import { listProcedures } from "../procedures.ts";
import { contextFor, createWorld, errorOf, type World } from "../testing/index.ts";
import { createCallerFactory } from "../trpc.ts";
import { appRouter } from "./index.ts";

let world: World;
beforeEach(() => {
  world = createWorld();
});
const pid = () => ({ projectId: world.projectId });

/** Project starts Mon 23 Nov 2026: A(5) → B(3) → go-live gate; C(2) floats beside them. */
async function scheduleFixture() {
  const ipm = world.as("ipm");
  world.db
    .update(project)
    .set({ startDate: "2026-11-23" })
    .where(eq(project.id, world.projectId))
    .run();
  const phase = await ipm.plan.phase.create({ ...pid(), name: "Go-live" });
  const mk = (title: string, duration: number) =>
    ipm.plan.task.create({ ...pid(), phaseId: phase.id, title, category: "cutover", duration });
  const a = await mk("Rehearse cut-over", 5);
  const b = await mk("Migrate production data", 3);
  const c = await mk("Print quick guides", 2);
  await ipm.plan.dependency.add({ ...pid(), predecessorId: a.id, successorId: b.id });
  const { id: milestoneId } = await ipm.schedule.milestone.create({
    ...pid(),
    name: "Customer go-live",
    baselineDate: "2026-12-02",
    isGoLive: true,
  });
  await ipm.plan.task.bulkUpdate({
    ...pid(),
    tasks: [
      { id: b.id, version: 1 },
      { id: c.id, version: 1 },
    ],
    changes: { milestoneId },
  });
  return { a, b, c, milestoneId };
}

describe("schedule", () => {
  it("computes early dates, float, the critical path and milestone forecast, slip and status", async () => {
    const { a, b, c, milestoneId } = await scheduleFixture();
    const s = await world.as("pm").schedule.get(pid());
    const byId = new Map(s.tasks.map((t) => [t.id, t]));
    expect(byId.get(a.id)).toMatchObject({
      earlyStart: "2026-11-23",
      earlyFinish: "2026-11-27",
      critical: true,
    });
    expect(byId.get(b.id)).toMatchObject({
      earlyStart: "2026-11-30",
      earlyFinish: "2026-12-02",
      critical: true,
    });
    expect(byId.get(c.id)?.critical).toBe(false);
    const m = s.milestones.find((x) => x.id === milestoneId)!;
    expect(m).toMatchObject({
      isGate: true,
      forecastDate: "2026-12-02",
      slip: 0,
      computedStatus: expect.stringMatching(/planned|missed/),
      taskIds: expect.arrayContaining([b.id, c.id]),
    });
  });

  it("explains a late milestone with the chain of tasks that drives it", async () => {
    const { a, b, milestoneId } = await scheduleFixture();
    await world
      .as("ipm")
      .plan.task.update({ ...pid(), taskId: a.id, version: 1, changes: { duration: 8 } });
    const m = (await world.as("pm").schedule.get(pid())).milestones.find(
      (x) => x.id === milestoneId,
    )!;
    expect(m.forecastDate).toBe("2026-12-07");
    expect(m.slip).toBe(3);
    expect(m.drivingChain.map((x) => x.taskId)).toEqual([a.id, b.id]);
    expect(m.computedStatus === "at_risk" || m.computedStatus === "missed").toBe(true);
  });

  it("skips the organisation's holidays", async () => {
    const { b } = await scheduleFixture();
    await world
      .as("orgAdmin")
      .org.setHolidays({ holidays: [{ date: "2026-12-01", name: "Founders' day" }] });
    const s = await world.as("pm").schedule.get(pid());
    expect(s.holidays).toEqual(["2026-12-01"]);
    expect(s.tasks.find((t) => t.id === b.id)).toMatchObject({
      earlyStart: "2026-11-30",
      earlyFinish: "2026-12-03",
    });
    const bad = await errorOf(
      world.as("orgAdmin").org.setHolidays({
        holidays: [
          { date: "2026-12-24", name: "Eve" },
          { date: "2026-12-24", name: "Again" },
        ],
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect((await world.as("pm").org.holidays()).map((h) => h.name)).toEqual(["Founders' day"]);
    // Task dates count the holiday too: three working days from Monday 30 Nov end on Thursday.
    const t = await world.as("ipm").plan.task.update({
      ...pid(),
      taskId: b.id,
      version: 2,
      changes: { startDate: "2026-11-30", duration: 3 },
    });
    expect(t.dueDate).toBe("2026-12-03");
  });

  it("previews what moves before a change is saved, and saves nothing", async () => {
    const { a, b, milestoneId } = await scheduleFixture();
    const preview = await world.as("ipm").schedule.preview({ ...pid(), taskId: a.id, duration: 7 });
    expect(preview.tasks.map((t) => [t.taskId, t.days])).toEqual(
      expect.arrayContaining([
        [a.id, 2],
        [b.id, 2],
      ]),
    );
    expect(preview.milestones).toEqual([
      expect.objectContaining({ milestoneId, from: "2026-12-02", to: "2026-12-04", days: 2 }),
    ]);
    expect(world.db.select().from(task).where(eq(task.id, a.id)).get()?.duration).toBe(5);
  });
});

describe("gates", () => {
  it("cannot be achieved with a required criterion unmet, unless a PM overrides with a reason", async () => {
    const { milestoneId } = world.gate;
    const achieve = { ...pid(), milestoneId, version: 1, changes: { actualDate: "2026-12-01" } };
    const refused = await errorOf(world.as("ipm").schedule.milestone.update(achieve));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toMatch(/1 required criterion is not met/);
    const ipmOverride = await errorOf(
      world.as("ipm").schedule.milestone.update({
        ...achieve,
        overrideUnmetCriteria: { reason: "Sponsor accepted" },
      }),
    );
    expect(ipmOverride.code).toBe("FORBIDDEN");
    const blank = await errorOf(
      world
        .as("pm")
        .schedule.milestone.update({ ...achieve, overrideUnmetCriteria: { reason: "  " } }),
    );
    expect(blank.code).toBe("BAD_REQUEST");
    await world.as("pm").schedule.milestone.update({
      ...achieve,
      overrideUnmetCriteria: { reason: "Sponsor accepted the open UAT items" },
    });
    const recorded = world.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "achieve_over_unmet_criteria"))
      .all();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.after).toMatchObject({
      overrideReason: "Sponsor accepted the open UAT items",
    });
    const m = (await world.as("pm").schedule.get(pid())).milestones[0]!;
    expect(m).toMatchObject({ status: "achieved", actualDate: "2026-12-01" });

    // Once the criterion is met, no override is needed.
    const fresh = createWorld();
    await fresh.as("ipm").schedule.gate.updateCriterion({
      projectId: fresh.projectId,
      criterionId: fresh.gate.criterionId,
      version: 1,
      changes: { met: true, evidence: "UAT report v3" },
    });
    await fresh.as("ipm").schedule.milestone.update({
      projectId: fresh.projectId,
      milestoneId: fresh.gate.milestoneId,
      version: 1,
      changes: { actualDate: "2026-12-01" },
    });
  });

  it("records a go/no-go decision and a named stakeholder's sign-off, once", async () => {
    const { milestoneId } = world.gate;
    await world.as("pm").schedule.gate.decide({
      ...pid(),
      milestoneId,
      version: 1,
      decision: "no_go",
      reason: "Data not reconciled",
    });
    await world
      .as("stakeholder")
      .schedule.gate.signOff({ ...pid(), milestoneId, comment: "OK from ACME" });
    const again = await errorOf(
      world.as("stakeholder").schedule.gate.signOff({ ...pid(), milestoneId }),
    );
    expect(again.code).toBe("CONFLICT");
    const m = (await world.as("stakeholder").schedule.get(pid())).milestones[0]!;
    expect(m.decision).toMatchObject({
      decision: "no_go",
      reason: "Data not reconciled",
      byName: "Paula PM",
    });
    expect(m.signers).toEqual([
      expect.objectContaining({ name: "Sofia Stakeholder", comment: "OK from ACME" }),
    ]);
    expect(m.signers[0]?.signedAt).not.toBeNull();
    const stale = await errorOf(
      world.as("pm").schedule.gate.decide({
        ...pid(),
        milestoneId,
        version: 1,
        decision: "go",
        reason: "Retry",
      }),
    );
    expect(stale.code).toBe("CONFLICT");
  });
});

describe("baselines", () => {
  it("has no procedure that changes or deletes a baseline", () => {
    const paths = listProcedures()
      .map((p) => p.path)
      .filter((p) => p.startsWith("schedule.baseline."));
    expect(paths.sort()).toEqual([
      "schedule.baseline.compare",
      "schedule.baseline.create",
      "schedule.baseline.list",
    ]);
  });

  it("compares a baseline with now: variance, added and removed tasks", async () => {
    const { a, b, c } = await scheduleFixture();
    const ipm = world.as("ipm");
    const { id } = await ipm.schedule.baseline.create({ ...pid(), name: "Signed plan" });
    const cur = (taskId: string) => world.db.select().from(task).where(eq(task.id, taskId)).get()!;
    await ipm.plan.task.update({
      ...pid(),
      taskId: b.id,
      version: cur(b.id).version,
      changes: { startDate: "2026-12-07" },
    });
    await ipm.plan.task.delete({ ...pid(), tasks: [{ id: c.id, version: cur(c.id).version }] });
    const added = await ipm.plan.task.create({
      ...pid(),
      phaseId: cur(a.id).phaseId,
      title: "Extra check",
      category: "quality",
    });
    const cmp = await world.as("pm").schedule.baseline.compare({ ...pid(), baselineId: id });
    expect(cmp.baseline).toMatchObject({ name: "Signed plan", createdByName: "Ivan IPM" });
    expect(cmp.tasks.find((t) => t.taskId === b.id)).toMatchObject({
      startVariance: expect.any(Number),
    });
    expect(cmp.tasks.find((t) => t.taskId === b.id)?.startVariance).toBeGreaterThan(0);
    expect(cmp.added.map((t) => t.taskId)).toContain(added.id);
    expect(cmp.removed.map((t) => t.taskId)).toEqual([c.id]);
  });

  it("takes the first baseline when the project leaves planning", async () => {
    const pm = world.as("pm");
    world.db
      .update(project)
      .set({ stage: "planning" })
      .where(eq(project.id, world.projectId))
      .run();
    const p = await pm.project.get(pid());
    const {
      myRole: _m,
      projectRole: _r,
      canEdit: _c,
      healthOverride: _h,
      archivedAt: _a,
      id: _i,
      version,
      createdAt: _x,
      updatedAt: _y,
      ...fields
    } = p;
    await pm.project.update({ ...pid(), version, ...fields, stage: "build" });
    const list = await pm.schedule.baseline.list(pid());
    expect(list.map((b) => b.name)).toEqual(["Plan at end of planning"]);
    expect(list[0]?.tasks).toBe(3);
    // Moving on again does not take another.
    await pm.project.update({ ...pid(), version: version + 1, ...fields, stage: "testing" });
    expect(await pm.schedule.baseline.list(pid())).toHaveLength(1);
  });
});

describe("the demo schedule", () => {
  it("shows milestones with slip, a go-live gate with criteria, and two baselines to compare", async () => {
    const db = createTestDb();
    await seedDemo(db, async (p) => `hashed:${p}`, "2026-11-23");
    const pm = db.select().from(user).where(eq(user.email, "pm@rollout.demo")).get()!;
    const acme = db.select().from(project).where(eq(project.key, "ACME-CRM")).get()!;
    const caller = createCallerFactory(appRouter)({
      ...contextFor(db, null),
      actor: {
        userId: pm.id,
        sessionId: "demo",
        name: pm.name,
        email: pm.email,
        activeOrgId: acme.organizationId,
      },
    });
    const projectId = acme.id;
    const schedule = await caller.schedule.get({ projectId });
    const goLive = schedule.milestones.find((m) => m.isGoLive)!;
    expect(goLive.isGate).toBe(true);
    expect(goLive.criteria).toHaveLength(5);
    expect(goLive.signers.map((s) => s.name)).toEqual(["Sarah Stone"]);
    expect(goLive.slip).toBeGreaterThan(0);
    const baselines = await caller.schedule.baseline.list({ projectId });
    expect(baselines.map((b) => b.name).sort()).toEqual(["Contract plan", "Re-plan after design"]);
    const contract = baselines.find((b) => b.name === "Contract plan")!;
    const cmp = await caller.schedule.baseline.compare({ projectId, baselineId: contract.id });
    expect(cmp.milestones.find((m) => m.name === "Go-live")?.variance).toBeGreaterThan(0);
  });
});
