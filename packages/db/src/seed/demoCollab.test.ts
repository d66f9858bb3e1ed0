import { parseMentions } from "@rollout/domain";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "../client.ts";
import {
  auditLog,
  comment,
  gateSigner,
  milestone,
  notification,
  project,
  projectMember,
  user,
} from "../schema/index.ts";
import { seedDemo } from "./demo.ts";

async function demo() {
  const db = createDb(":memory:");
  await seedDemo(db, async (p) => `hashed:${p}`, "2026-11-23");
  const people = new Map(
    db
      .select()
      .from(user)
      .all()
      .map((u) => [u.email, u.id]),
  );
  return { db, people };
}

describe("the demo's conversations", () => {
  it("has 8–12 threads on the active projects' tasks, milestones and RAID items", async () => {
    const { db } = await demo();
    const rows = db
      .select({ key: project.key, status: project.status, c: comment })
      .from(comment)
      .innerJoin(project, eq(project.id, comment.projectId))
      .all();
    const threads = new Set(rows.map((r) => `${r.c.targetType}:${r.c.targetId}`));
    expect(threads.size).toBeGreaterThanOrEqual(8);
    expect(threads.size).toBeLessThanOrEqual(12);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["active"]));
    expect(new Set(rows.map((r) => r.c.targetType))).toEqual(
      new Set(["task", "milestone", "raid_item"]),
    );
    // Each comment is told in the activity feed: it has its audit row.
    const told = db.select().from(auditLog).where(eq(auditLog.entityType, "comment")).all();
    expect(told).toHaveLength(rows.length);
  });

  it("mentions only members of the project, and the stakeholder writes on the gate", async () => {
    const { db, people } = await demo();
    const rows = db.select().from(comment).all();
    for (const c of rows) {
      expect(c.mentions).toEqual(parseMentions(c.body));
      const members = new Set(
        db
          .select({ userId: projectMember.userId })
          .from(projectMember)
          .where(eq(projectMember.projectId, c.projectId))
          .all()
          .map((m) => m.userId),
      );
      for (const m of c.mentions) expect(members.has(m)).toBe(true);
    }
    const byStakeholder = rows.filter((c) => c.authorId === people.get("stakeholder@rollout.demo"));
    expect(byStakeholder).toHaveLength(1);
    const gate = db
      .select()
      .from(milestone)
      .where(eq(milestone.id, byStakeholder[0]?.targetId ?? ""))
      .get();
    expect(gate?.isGate).toBe(true);
    const ipmToPm = rows.filter(
      (c) =>
        c.authorId === people.get("ipm@rollout.demo") &&
        c.mentions.includes(people.get("pm@rollout.demo") ?? ""),
    );
    expect(ipmToPm.length).toBeGreaterThan(1);
  });

  it("leaves unread mentions, an assignment and a sign-off request under the PM's and IPM's bells", async () => {
    const { db, people } = await demo();
    const unread = (email: string) =>
      db
        .select()
        .from(notification)
        .where(eq(notification.userId, people.get(email) ?? ""))
        .all()
        .filter((n) => n.readAt === null);
    const pm = unread("pm@rollout.demo");
    const ipm = unread("ipm@rollout.demo");
    expect(new Set(pm.map((n) => n.kind))).toEqual(
      new Set(["mention", "assignment", "signoff_request"]),
    );
    expect(new Set(ipm.map((n) => n.kind))).toEqual(new Set(["mention", "assignment"]));
    // The sign-off asked of the PM is real: she is named on the gate, still to sign.
    const request = pm.find((n) => n.kind === "signoff_request");
    const signer = db
      .select()
      .from(gateSigner)
      .where(eq(gateSigner.milestoneId, request?.targetId ?? ""))
      .all()
      .find((s) => s.userId === people.get("pm@rollout.demo"));
    expect(signer?.signedAt).toBeNull();
  });
});
