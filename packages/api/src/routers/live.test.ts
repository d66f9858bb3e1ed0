import { eq, member } from "@rollout/db";
import type { LiveEvent } from "@rollout/domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contextFor, createWorld, type MatrixRole, type World } from "../testing/index.ts";
import { createCallerFactory } from "../trpc.ts";
import { appRouter } from "./index.ts";

const createCaller = createCallerFactory(appRouter);

let world: World;
const controllers: AbortController[] = [];
beforeEach(() => {
  world = createWorld();
});
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
});
const pid = () => ({ projectId: world.projectId });

/** Opens a live stream as `role` and collects what it hears. */
async function listen(role: MatrixRole) {
  const controller = new AbortController();
  controllers.push(controller);
  const heard: LiveEvent[] = [];
  const who = role === "anonymous" ? null : world.people[role];
  const caller = createCaller(contextFor(world.db, who), { signal: controller.signal });
  const stream = (await caller.live.changes()) as AsyncIterable<unknown>;
  let ended = false;
  const done = (async () => {
    try {
      for await (const envelope of stream) {
        // tracked(id, data) arrives as [id, data, symbol] through a caller.
        const data = Array.isArray(envelope) ? envelope[1] : envelope;
        heard.push(data as LiveEvent);
      }
    } catch {
      // aborted
    }
    ended = true;
  })();
  // Let the generator attach its listener before anything is published.
  await new Promise((r) => setTimeout(r, 5));
  return { heard, done, ended: () => ended, stop: () => controller.abort() };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe("live changes", () => {
  it("closes when the page goes away", async () => {
    const pm = await listen("pm");
    pm.stop();
    await pm.done;
    expect(pm.ended()).toBe(true);
  });

  it("tells everyone on a project about a committed change, and nobody else", async () => {
    const pm = await listen("pm");
    const owner = await listen("orgOwner");
    const outsider = await listen("otherOrg");
    const bystander = await listen("orgMember");
    await world.as("ipm").plan.task.update({
      ...pid(),
      taskId: world.plan.tasks.open,
      version: 1,
      changes: { dueDate: "2026-12-18" },
    });
    await settle();
    const expected = { projectId: world.projectId, entityType: "task", action: "update" };
    expect(pm.heard).toEqual([expect.objectContaining(expected)]);
    expect(owner.heard).toEqual([expect.objectContaining(expected)]);
    expect(outsider.heard).toEqual([]);
    expect(bystander.heard).toEqual([]);
  });

  it("announces nothing for a write that fails", async () => {
    const pm = await listen("pm");
    await world
      .as("ipm")
      .plan.task.update({
        ...pid(),
        taskId: world.plan.tasks.open,
        version: 99,
        changes: { dueDate: "2026-12-18" },
      })
      .catch(() => undefined);
    await settle();
    expect(pm.heard).toEqual([]);
  });

  it("never tells a stakeholder about internal-only rows or the stakeholder register", async () => {
    const stakeholder = await listen("stakeholder");
    const ipm = world.as("ipm");
    await ipm.plan.task.update({
      ...pid(),
      taskId: world.plan.tasks.internal,
      version: 1,
      changes: { percentComplete: 40 },
    });
    await ipm.raid.update({
      ...pid(),
      itemId: world.register.internalRiskId,
      version: 1,
      changes: { impact: 4 },
    });
    await ipm.stakeholder.update({
      ...pid(),
      stakeholderId: world.register.stakeholderId,
      version: 1,
      changes: { notes: "Hard to pin down" },
    });
    await ipm.comms.markDone({ ...pid(), commId: world.register.commId, version: 1 });
    // A comment on an internal-only task is the team's too.
    await ipm.comment.create({
      ...pid(),
      targetType: "task",
      targetId: world.plan.tasks.internal,
      body: "Margin is thin",
    });
    await settle();
    expect(stakeholder.heard).toEqual([]);
    // A comment on the gate they sign is theirs to hear of.
    await ipm.comment.create({
      ...pid(),
      targetType: "milestone",
      targetId: world.gate.milestoneId,
      body: "Criteria are in",
    });
    await settle();
    expect(stakeholder.heard).toEqual([
      expect.objectContaining({ projectId: world.projectId, entityType: "comment" }),
    ]);
    stakeholder.heard.length = 0;
    await ipm.raid.update({
      ...pid(),
      itemId: world.register.riskId,
      version: 1,
      changes: { impact: 4 },
    });
    await settle();
    expect(stakeholder.heard).toEqual([
      expect.objectContaining({ projectId: world.projectId, entityType: "raid_item" }),
    ]);
  });

  it("ends the stream of someone removed from the organisation", async () => {
    const pm = await listen("pm");
    world.db.delete(member).where(eq(member.userId, world.people.pm.userId)).run();
    await world.as("ipm").plan.task.update({
      ...pid(),
      taskId: world.plan.tasks.open,
      version: 1,
      changes: { dueDate: "2026-12-18" },
    });
    await pm.done;
    expect(pm.ended()).toBe(true);
    expect(pm.heard).toEqual([]);
  });
});
