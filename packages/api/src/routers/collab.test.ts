import { comment, count, eq, gateCriterion, gateSigner, notification, task } from "@rollout/db";
import {
  activityText,
  addDays,
  type LiveEvent,
  mentionToken,
  parseMarkdown,
  todayUtc,
} from "@rollout/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { changes } from "../events.ts";
import { updateComment } from "../services/collab/comments.ts";
import { contextFor, createWorld, errorOf, type MatrixRole, type World } from "../testing/index.ts";
import { createCallerFactory } from "../trpc.ts";
import { appRouter } from "./index.ts";

let world: World;
beforeEach(() => {
  world = createWorld();
});
const pid = () => ({ projectId: world.projectId });
const onTask = (taskId: string) => ({ ...pid(), targetType: "task" as const, targetId: taskId });
const mention = (role: "pm" | "ipm" | "stakeholder" | "orgMember" | "otherOrg" | "contributor") =>
  mentionToken(world.people[role].name, world.people[role].userId);
const comments = () => world.db.select({ n: count() }).from(comment).get()?.n ?? 0;
const notificationsOf = (role: MatrixRole) =>
  role === "anonymous"
    ? []
    : world.db
        .select()
        .from(notification)
        .where(eq(notification.userId, world.people[role].userId))
        .all();

describe("comments and mentions", () => {
  it("notifies a mentioned project member, once, and lists the comment with names", async () => {
    const ipm = world.as("ipm");
    const before = (await world.as("pm").notification.unreadCount()).unread;
    const created = await ipm.comment.create({
      ...onTask(world.plan.tasks.assigned),
      body: `${mention("pm")} can you confirm the pipeline owner? ${mention("pm")}`,
    });
    expect(created.mentions).toEqual([{ userId: world.people.pm.userId, name: "Paula PM" }]);
    const list = await world.as("pm").comment.list(onTask(world.plan.tasks.assigned));
    expect(list.map((c) => c.authorName)).toEqual(["Ivan IPM"]);
    expect(list[0]).toMatchObject({ canEdit: false, canDelete: false });
    const bell = await world.as("pm").notification.list({});
    expect(bell.unread).toBe(before + 1);
    expect(bell.items[0]).toMatchObject({
      kind: "mention",
      targetType: "task",
      targetId: world.plan.tasks.assigned,
      actorName: "Ivan IPM",
    });
    expect(bell.items[0]?.message).toContain("Ivan IPM mentioned you on “Configure pipelines”");
    // The author is never notified of their own comment.
    expect(notificationsOf("ipm").filter((n) => n.kind === "mention")).toEqual([]);
  });

  it("refuses mentions of people outside the project, and writes nothing", async () => {
    for (const outsider of ["otherOrg", "orgMember"] as const) {
      const before = comments();
      const notified = notificationsOf(outsider).length;
      const error = await errorOf(
        world.as("pm").comment.create({
          ...onTask(world.plan.tasks.assigned),
          body: `Looping in ${mention(outsider)}`,
        }),
      );
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toContain(world.people[outsider].name);
      expect(comments()).toBe(before);
      expect(notificationsOf(outsider)).toHaveLength(notified);
    }
    // A stakeholder cannot see an internal-only task: they cannot be mentioned on it either.
    const error = await errorOf(
      world.as("ipm").comment.create({
        ...onTask(world.plan.tasks.internal),
        body: `FYI ${mention("stakeholder")}`,
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    const people = await world.as("ipm").comment.mentionable(onTask(world.plan.tasks.internal));
    expect(people.map((p) => p.userId)).not.toContain(world.people.stakeholder.userId);
    expect(people.map((p) => p.userId)).toContain(world.people.contributor.userId);
  });

  it("lets stakeholders comment only on milestones and the review, and hides internal threads", async () => {
    const stakeholder = world.as("stakeholder");
    const onGate = { ...pid(), targetType: "milestone" as const, targetId: world.gate.milestoneId };
    await stakeholder.comment.create({ ...onGate, body: "Signed on our side." });
    expect((await stakeholder.comment.list(onGate)).map((c) => c.body)).toContain(
      "Signed on our side.",
    );
    const forbidden = await errorOf(
      stakeholder.comment.create({ ...onTask(world.plan.tasks.assigned), body: "Hello" }),
    );
    expect(forbidden.code).toBe("FORBIDDEN");
    const hidden = await errorOf(stakeholder.comment.list(onTask(world.plan.tasks.internal)));
    expect(hidden.code).toBe("NOT_FOUND");
    const counts = await stakeholder.comment.counts({ ...pid(), targetType: "task" });
    expect(counts).toEqual({});
    const teamCounts = await world.as("pm").comment.counts({ ...pid(), targetType: "task" });
    expect(teamCounts).toEqual({ [world.plan.tasks.internal]: 1 });
    // A target of another project (or organisation) is not found.
    const elsewhere = await errorOf(
      world
        .as("pm")
        .comment.list({ ...pid(), targetType: "task", targetId: world.otherPlan.tasks.open }),
    );
    expect(elsewhere.code).toBe("NOT_FOUND");
  });

  it("lets the author edit for 15 minutes and delete their own; nobody else", async () => {
    const pm = world.as("pm");
    const c = await pm.comment.create({ ...onTask(world.plan.tasks.open), body: "First thought" });
    expect(c).toMatchObject({ canEdit: true, canDelete: true });
    const edited = await pm.comment.update({
      ...pid(),
      commentId: c.id,
      version: 1,
      body: "Better",
    });
    expect(edited).toMatchObject({ body: "Better", version: 2 });
    expect(edited.editedAt).not.toBeNull();
    const stale = await errorOf(
      pm.comment.update({ ...pid(), commentId: c.id, version: 1, body: "x" }),
    );
    expect(stale.code).toBe("CONFLICT");
    const theirs = await errorOf(
      world.as("ipm").comment.update({ ...pid(), commentId: c.id, version: 2, body: "Mine now" }),
    );
    expect(theirs.code).toBe("FORBIDDEN");
    const late = await errorOf(
      Promise.resolve().then(() =>
        updateComment(
          world.db,
          { userId: world.people.pm.userId, orgId: world.orgId, requestId: "t" },
          world.projectId,
          "pm",
          { commentId: c.id, version: 2, body: "Too late" },
          Date.now() + 16 * 60_000,
        ),
      ),
    );
    expect(late.code).toBe("BAD_REQUEST");
    expect(late.message).toContain("15 minutes");
    const notYours = await errorOf(
      world.as("ipm").comment.delete({ ...pid(), commentId: c.id, version: 2 }),
    );
    expect(notYours.code).toBe("FORBIDDEN");
    await pm.comment.delete({ ...pid(), commentId: c.id, version: 2 });
    expect((await pm.comment.list(onTask(world.plan.tasks.open))).map((x) => x.id)).not.toContain(
      c.id,
    );
  });

  it("keeps script tags and javascript: links as inert text", async () => {
    const body =
      '<script>alert("x")</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)>';
    const c = await world.as("pm").comment.create({ ...onTask(world.plan.tasks.open), body });
    expect(c.body).toBe(body);
    const tree = JSON.stringify(parseMarkdown(c.body));
    expect(tree).not.toContain('"type":"link"');
    expect(tree).toContain("<script>");
  });

  it("refuses an empty or oversized comment with a clear message", async () => {
    const empty = await errorOf(
      world.as("pm").comment.create({ ...onTask(world.plan.tasks.open), body: "   " }),
    );
    expect(empty.code).toBe("BAD_REQUEST");
    expect(empty.message).toContain("Write something first");
    const huge = await errorOf(
      world.as("pm").comment.create({ ...onTask(world.plan.tasks.open), body: "x".repeat(10_001) }),
    );
    expect(huge.code).toBe("BAD_REQUEST");
  });
});

describe("notifications", () => {
  it("tells people of assignments and of responsibility changes on their tasks", async () => {
    await world.as("pm").plan.task.update({
      ...pid(),
      taskId: world.plan.tasks.open,
      version: 1,
      changes: { assigneeId: world.people.contributor.userId },
    });
    expect(notificationsOf("contributor").map((n) => [n.kind, n.message])).toEqual([
      ["assignment", "Paula PM assigned you “Load reference data” (ACME-CRM)"],
    ]);
    await world.as("ipm").plan.task.update({
      ...pid(),
      taskId: world.plan.tasks.assigned,
      version: 1,
      changes: { responsibilities: { pm: "A", ipm: "R" } },
    });
    const responsibility = notificationsOf("contributor").find((n) => n.kind === "responsibility");
    expect(responsibility?.message).toBe(
      "Ivan IPM changed the responsibilities on “Configure pipelines” (ACME-CRM): IPM A/R → R, PM C → A",
    );
  });

  it("skips kinds a person turned off, and asks signers for their sign-off", async () => {
    await world.as("contributor").notification.setPrefs({ enabled: ["mention"] });
    const prefs = await world.as("contributor").notification.prefs();
    expect(prefs.kinds.filter((k) => k.enabled).map((k) => k.kind)).toEqual(["mention"]);
    await world.as("pm").plan.task.update({
      ...pid(),
      taskId: world.plan.tasks.open,
      version: 1,
      changes: { assigneeId: world.people.contributor.userId },
    });
    expect(notificationsOf("contributor")).toEqual([]);
    await world.as("pm").schedule.gate.addSigner({
      ...pid(),
      milestoneId: world.gate.milestoneId,
      userId: world.people.contributor.userId,
    });
    await world.as("pm").schedule.gate.addSigner({
      ...pid(),
      milestoneId: world.gate.milestoneId,
      userId: world.people.ipm.userId,
    });
    expect(notificationsOf("ipm").map((n) => n.message)).toEqual([
      "Paula PM asks you to sign off gate “Go-live”",
    ]);
  });

  it("reminds of tasks due tomorrow and overdue once, and of gates awaiting a decision", async () => {
    const today = todayUtc();
    // The rows are changed directly below; the API would announce each change like this.
    const announce = (entityType: string, projectId: string | null = world.projectId) =>
      changes.publish({
        orgId: world.orgId,
        projectId,
        entityType,
        entityIds: [],
        action: "update",
        at: new Date().toISOString(),
      });
    world.db
      .update(task)
      .set({ startDate: addDays(today, -3), dueDate: addDays(today, 1) })
      .where(eq(task.id, world.plan.tasks.assigned))
      .run();
    announce("task");
    const first = await world.as("contributor").notification.list({});
    await world.as("contributor").notification.list({});
    expect(first.items.map((n) => n.kind)).toEqual(["due_tomorrow"]);
    expect(notificationsOf("contributor")).toHaveLength(1);
    world.db
      .update(task)
      .set({ dueDate: addDays(today, -1) })
      .where(eq(task.id, world.plan.tasks.assigned))
      .run();
    // Nothing announced, same day: the reminders are not looked for again.
    expect((await world.as("contributor").notification.unreadCount()).unread).toBe(1);
    announce("task");
    expect((await world.as("contributor").notification.unreadCount()).unread).toBe(2);
    expect(
      notificationsOf("contributor")
        .map((n) => n.kind)
        .sort(),
    ).toEqual(["due_tomorrow", "overdue"]);

    // The gate's criteria are met and its signer signed: its PM is asked for a decision.
    world.db
      .update(gateCriterion)
      .set({ met: true })
      .where(eq(gateCriterion.id, world.gate.criterionId))
      .run();
    world.db
      .update(gateSigner)
      .set({ signedAt: new Date().toISOString() })
      .where(eq(gateSigner.milestoneId, world.gate.milestoneId))
      .run();
    announce("gate_criterion");
    const pmBell = await world.as("pm").notification.list({});
    expect(pmBell.items.map((n) => n.kind)).toContain("gate_decision");
    expect(notificationsOf("ipm").map((n) => n.kind)).not.toContain("gate_decision");
  });

  it("marks read one or all, only the caller's own, and pages by cursor", async () => {
    const pm = world.as("pm");
    for (let i = 0; i < 3; i++) {
      await world
        .as("ipm")
        .comment.create({ ...onTask(world.plan.tasks.open), body: `${mention("pm")} note ${i}` });
    }
    const page = await pm.notification.list({ limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
    const rest = await pm.notification.list({ limit: 2, cursor: page.nextCursor });
    expect(rest.items.map((n) => n.id)).not.toContain(page.items[0]?.id);
    expect(page.unread).toBe(4); // three mentions and the world's own
    // Someone else's id marks nothing.
    const ipmNote = await world
      .as("ipm")
      .comment.create({ ...onTask(world.plan.tasks.open), body: "x" });
    expect(ipmNote).toBeTruthy();
    expect(
      (await world.as("ipm").notification.markRead({ ids: [page.items[0]?.id ?? ""] })).marked,
    ).toBe(0);
    expect((await pm.notification.markRead({ ids: [page.items[0]?.id ?? ""] })).marked).toBe(1);
    expect((await pm.notification.unreadCount()).unread).toBe(3);
    expect((await pm.notification.markAllRead()).marked).toBe(3);
    expect((await pm.notification.list({ unreadOnly: true })).items).toEqual([]);
  });

  it("rings only the bell of the person notified, live", async () => {
    const createCaller = createCallerFactory(appRouter);
    const controllers: AbortController[] = [];
    const listen = async (role: "pm" | "contributor") => {
      const controller = new AbortController();
      controllers.push(controller);
      const heard: LiveEvent[] = [];
      const caller = createCaller(contextFor(world.db, world.people[role]), {
        signal: controller.signal,
      });
      const stream = (await caller.live.changes()) as AsyncIterable<unknown>;
      void (async () => {
        try {
          for await (const envelope of stream)
            heard.push((Array.isArray(envelope) ? envelope[1] : envelope) as LiveEvent);
        } catch {
          // closed
        }
      })();
      await new Promise((r) => setTimeout(r, 5));
      return heard;
    };
    try {
      const pm = await listen("pm");
      const contributor = await listen("contributor");
      await world
        .as("ipm")
        .comment.create({ ...onTask(world.plan.tasks.open), body: `${mention("pm")} ping` });
      await new Promise((r) => setTimeout(r, 20));
      expect(pm.map((e) => e.entityType)).toContain("notification");
      expect(contributor.map((e) => e.entityType)).not.toContain("notification");
      expect(contributor.map((e) => e.entityType)).toContain("comment");
    } finally {
      for (const c of controllers) c.abort();
    }
  });
});

describe("activity feed", () => {
  it("tells the project's changes as sentences, newest first, and one thing's with its comments", async () => {
    await world.as("pm").plan.task.update({
      ...pid(),
      taskId: world.plan.tasks.assigned,
      version: 1,
      changes: { startDate: "2026-11-30", dueDate: "2026-12-04" },
    });
    await world
      .as("ipm")
      .comment.create({ ...onTask(world.plan.tasks.assigned), body: "Moved for the vendor." });
    await world.as("ipm").plan.task.update({
      ...pid(),
      taskId: world.plan.tasks.open,
      version: 1,
      changes: { status: "in_progress" },
    });
    const feed = await world.as("contributor").activity.list({ ...pid() });
    expect(feed.items.slice(0, 3).map((i) => activityText(i.parts))).toEqual([
      "Ivan IPM marked Load reference data In progress",
      "Ivan IPM commented on Configure pipelines",
      "Paula PM moved Configure pipelines from 2026-11-27 to 2026-12-04",
    ]);
    const one = await world.as("pm").activity.list({
      ...pid(),
      entity: { type: "task", id: world.plan.tasks.assigned },
    });
    expect(one.items.map((i) => activityText(i.parts))).toEqual([
      "Ivan IPM commented on Configure pipelines",
      "Paula PM moved Configure pipelines from 2026-11-27 to 2026-12-04",
    ]);
    const page = await world.as("pm").activity.list({ ...pid(), limit: 1 });
    const next = await world
      .as("pm")
      .activity.list({ ...pid(), limit: 1, cursor: page.nextCursor });
    expect(next.items[0]?.id).not.toBe(page.items[0]?.id);
    expect((await errorOf(world.as("stakeholder").activity.list(pid()))).code).toBe("FORBIDDEN");
  });
});
