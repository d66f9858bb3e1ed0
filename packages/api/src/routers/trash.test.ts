import {
  auditLog,
  comment,
  commItem,
  dependency,
  eq,
  gateCriterion,
  gateSigner,
  lesson,
  milestone,
  phase,
  raidItem,
  raidMilestoneLink,
  raidScore,
  raidTaskLink,
  type schema,
  stakeholder,
  statusReport,
  task,
} from "@rollout/db";
import { beforeEach, describe, expect, it } from "vitest";
import { purgeTrash } from "../services/trash.ts";
import { createWorld, errorOf, type World } from "../testing/index.ts";

let world: World;
beforeEach(() => {
  world = createWorld();
});
const pid = () => ({ projectId: world.projectId });
const DAY = 86_400_000;

/** A row as it reads, without what a delete and restore legitimately move. */
function strip<T extends Record<string, unknown>>(row: T | undefined) {
  if (!row) return row;
  const { version: _v, updatedAt: _u, deletedAt: _d, deletedBatch: _b, ...rest } = row;
  return rest;
}
const rowsOf = (
  table: typeof schema.task | typeof schema.dependency,
  where: ReturnType<typeof eq>,
) => world.db.select().from(table).where(where).all();

describe("the project trash", () => {
  it("restores each kind exactly as it was: rows, links, letters, history", async () => {
    const pm = world.as("pm");
    const { tasks, phaseId } = world.plan;
    const snapshot = () => ({
      tasks: world.db
        .select()
        .from(task)
        .where(eq(task.projectId, world.projectId))
        .all()
        .map(strip),
      phases: world.db
        .select()
        .from(phase)
        .where(eq(phase.projectId, world.projectId))
        .all()
        .map(strip),
      dependencies: rowsOf(dependency, eq(dependency.projectId, world.projectId)).map(strip),
      milestone: strip(
        world.db.select().from(milestone).where(eq(milestone.id, world.gate.milestoneId)).get(),
      ),
      criteria: world.db.select().from(gateCriterion).all().map(strip),
      signers: world.db.select().from(gateSigner).all(),
      risk: strip(
        world.db.select().from(raidItem).where(eq(raidItem.id, world.register.riskId)).get(),
      ),
      riskTasks: world.db.select().from(raidTaskLink).all(),
      riskMilestones: world.db.select().from(raidMilestoneLink).all(),
      scores: world.db.select().from(raidScore).all(),
      stakeholder: strip(
        world.db
          .select()
          .from(stakeholder)
          .where(eq(stakeholder.id, world.register.stakeholderId))
          .get(),
      ),
      comm: strip(
        world.db.select().from(commItem).where(eq(commItem.id, world.register.commId)).get(),
      ),
      report: strip(
        world.db
          .select()
          .from(statusReport)
          .where(eq(statusReport.id, world.reports.draftId))
          .get(),
      ),
    });
    const before = snapshot();

    await pm.plan.task.delete({ ...pid(), tasks: [{ id: tasks.assigned, version: 1 }] });
    await pm.schedule.milestone.delete({
      ...pid(),
      milestoneId: world.gate.milestoneId,
      version: 1,
    });
    await pm.raid.delete({ ...pid(), itemId: world.register.riskId, version: 1 });
    await pm.stakeholder.delete({
      ...pid(),
      stakeholderId: world.register.stakeholderId,
      version: 1,
    });
    await pm.comms.delete({ ...pid(), commId: world.register.commId, version: 1 });
    await pm.report.delete({ ...pid(), reportId: world.reports.draftId, version: 1 });
    const lessonId = world.pir.lessonIds[0] as string;
    world.db
      .update(lesson)
      .set({ deletedAt: new Date().toISOString() })
      .where(eq(lesson.id, lessonId))
      .run();

    const trash = await pm.trash.list(pid());
    expect(trash.map((t) => t.kind).sort()).toEqual(
      [
        "comm_item",
        "lesson",
        "milestone",
        "raid_item",
        "stakeholder",
        "status_report",
        "task_batch",
      ].sort(),
    );
    const batch = trash.find((t) => t.kind === "task_batch");
    expect(batch).toMatchObject({ label: "1 task: “Configure pipelines”", deletedBy: "Paula PM" });
    expect(trash.find((t) => t.kind === "raid_item")?.label).toBe(
      "R-1 Key users unavailable for UAT",
    );
    expect(batch?.purgeOn).toBe(new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10));
    // The milestone took its tasks with it; they are free while it is in the trash.
    expect(
      world.db.select().from(task).where(eq(task.id, tasks.open)).get()?.milestoneId,
    ).toBeNull();

    for (const item of trash) await pm.trash.restore({ ...pid(), kind: item.kind, id: item.id });
    expect(await pm.trash.list(pid())).toEqual([]);
    const after = snapshot();
    expect({ ...after, tasks: after.tasks, milestone: after.milestone }).toEqual(before);
    expect(
      world.db.select().from(lesson).where(eq(lesson.id, lessonId)).get()?.deletedAt,
    ).toBeNull();

    // A phase goes with its tasks, and comes back with them.
    await pm.plan.phase.delete({ ...pid(), phaseId, version: 1 });
    const phaseBatch = (await pm.trash.list(pid()))[0];
    expect(phaseBatch?.label).toMatch(/^Phase “Build” and its \d+ tasks$/);
    await pm.trash.restore({ ...pid(), kind: "task_batch", id: phaseBatch?.id ?? "" });
    expect(snapshot().tasks).toEqual(before.tasks);

    // Every restore is in the audit log.
    const restores = world.db.select().from(auditLog).where(eq(auditLog.action, "restore")).all();
    expect(restores.length).toBe(trash.length + 1);
  });

  it("keeps things 30 days, then purges them with what hangs on them", async () => {
    const pm = world.as("pm");
    await pm.comment.create({
      ...pid(),
      targetType: "raid_item",
      targetId: world.register.riskId,
      body: "Noted",
    });
    await pm.raid.delete({ ...pid(), itemId: world.register.riskId, version: 1 });
    await pm.stakeholder.delete({
      ...pid(),
      stakeholderId: world.register.stakeholderId,
      version: 1,
    });
    const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
    world.db
      .update(raidItem)
      .set({ deletedAt: ago(31) })
      .where(eq(raidItem.id, world.register.riskId))
      .run();
    world.db
      .update(stakeholder)
      .set({ deletedAt: ago(29) })
      .where(eq(stakeholder.id, world.register.stakeholderId))
      .run();

    expect((await pm.trash.list(pid())).map((t) => t.kind)).toEqual(["stakeholder"]);
    const late = await errorOf(
      pm.trash.restore({ ...pid(), kind: "raid_item", id: world.register.riskId }),
    );
    expect(late.code).toBe("NOT_FOUND");

    const counts = purgeTrash(world.db);
    expect(counts.raid_item).toBe(1);
    expect(counts.stakeholder).toBe(0);
    expect(
      world.db.select().from(raidItem).where(eq(raidItem.id, world.register.riskId)).get(),
    ).toBeUndefined();
    expect(
      world.db
        .select()
        .from(raidTaskLink)
        .where(eq(raidTaskLink.raidItemId, world.register.riskId))
        .all(),
    ).toEqual([]);
    expect(
      world.db
        .select()
        .from(raidScore)
        .where(eq(raidScore.raidItemId, world.register.riskId))
        .all(),
    ).toEqual([]);
    expect(
      world.db.select().from(comment).where(eq(comment.targetId, world.register.riskId)).all(),
    ).toEqual([]);
    expect(
      world.db
        .select()
        .from(stakeholder)
        .where(eq(stakeholder.id, world.register.stakeholderId))
        .get(),
    ).toBeDefined();
    const purge = world.db.select().from(auditLog).where(eq(auditLog.action, "purge")).all();
    expect(purge).toHaveLength(1);
    expect(purge[0]).toMatchObject({
      projectId: world.projectId,
      actorUserId: null,
      after: { raid_item: 1, olderThanDays: 30 },
    });
    // The stakeholder still comes back within its 30 days.
    await pm.trash.restore({ ...pid(), kind: "stakeholder", id: world.register.stakeholderId });
    expect(await pm.trash.list(pid())).toEqual([]);
  });

  it("is for the project's managers, and never reaches another project's things", async () => {
    expect((await errorOf(world.as("contributor").trash.list(pid()))).code).toBe("FORBIDDEN");
    expect((await errorOf(world.as("stakeholder").trash.list(pid()))).code).toBe("FORBIDDEN");
    world.db
      .update(raidItem)
      .set({ deletedAt: new Date().toISOString() })
      .where(eq(raidItem.projectId, world.otherProjectId))
      .run();
    const other = world.db
      .select({ id: raidItem.id })
      .from(raidItem)
      .where(eq(raidItem.projectId, world.otherProjectId))
      .get();
    const error = await errorOf(
      world.as("pm").trash.restore({ ...pid(), kind: "raid_item", id: other?.id ?? "" }),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect(await world.as("pm").trash.list(pid())).toEqual([]);
  });
});
