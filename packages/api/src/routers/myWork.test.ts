import { and, eq, project, projectMember, task } from "@rollout/db";
import { groupOf, type MyWorkGroup, myWorkGroups } from "@rollout/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { encodeCursor } from "../services/plan/myWork.ts";
import { insertMyWorkTasks } from "../testing/fixtures/myWork.ts";
import { createWorld, errorOf, type MatrixRole, type World } from "../testing/index.ts";

const today = "2026-11-25";
let world: World;
beforeEach(() => {
  world = createWorld();
  insertMyWorkTasks(world.db, world, { today, perProject: 160 });
});

type Person = Exclude<MatrixRole, "anonymous">;

/**
 * What the list must hold, worked out here from every task row by the rules as written (not by
 * the service's SQL): in the organisation, live project, not deleted, open; assigned to me, or
 * my project role's letter is R or A; stakeholders never see internal-only rows. In list order.
 */
function expectedFor(who: Person, orgId = world.orgId) {
  const userId = world.people[who].userId;
  const rows = world.db
    .select({
      id: task.id,
      dueDate: task.dueDate,
      status: task.status,
      deletedAt: task.deletedAt,
      assigneeId: task.assigneeId,
      internalOnly: task.internalOnly,
      raciIpm: task.raciIpm,
      raciPm: task.raciPm,
      key: project.key,
      orgId: project.organizationId,
      archivedAt: project.archivedAt,
      role: projectMember.role,
    })
    .from(task)
    .innerJoin(project, eq(project.id, task.projectId))
    .leftJoin(
      projectMember,
      and(eq(projectMember.projectId, task.projectId), eq(projectMember.userId, userId)),
    )
    .all();
  const rOrA = (letter: string | null) => letter === "R" || letter === "A" || letter === "AR";
  const mine = rows.filter(
    (r) =>
      r.orgId === orgId &&
      r.archivedAt === null &&
      r.deletedAt === null &&
      r.status !== "done" &&
      r.status !== "cancelled" &&
      (r.assigneeId === userId ||
        (r.role === "ipm" && rOrA(r.raciIpm)) ||
        (r.role === "pm" && rOrA(r.raciPm))) &&
      !(r.role === "stakeholder" && r.internalOnly),
  );
  const rank = (r: (typeof mine)[number]) => myWorkGroups.indexOf(groupOf(r.dueDate, today));
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  mine.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      cmp(a.dueDate ?? "", b.dueDate ?? "") ||
      cmp(a.key, b.key) ||
      cmp(a.id, b.id),
  );
  return mine;
}

function countsOf(rows: { dueDate: string | null }[]) {
  const counts: Record<MyWorkGroup, number> = { overdue: 0, thisWeek: 0, later: 0, noDate: 0 };
  for (const r of rows) counts[groupOf(r.dueDate, today)] += 1;
  return counts;
}

/** Every page, following `nextCursor` until null. */
async function walk(who: Person, input: { group?: MyWorkGroup; limit?: number }) {
  const caller = world.as(who);
  const pages = [];
  let cursor: string | undefined;
  do {
    const page = await caller.myWork.list({ today, ...input, cursor });
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
    if (pages.length > 500) throw new Error("the cursor never ends");
  } while (cursor);
  return pages;
}

describe("my work: paging", () => {
  it("walks every item exactly once, in order (group, due date, project key, id), page by page", async () => {
    const expected = expectedFor("pm");
    expect(expected.length).toBeGreaterThan(150);
    // Undated rows and rows on one day in several projects are both there to be ordered.
    expect(expected.some((r) => r.dueDate === null)).toBe(true);
    const pages = await walk("pm", { limit: 7 });
    expect(pages).toHaveLength(Math.ceil(expected.length / 7));
    expect(pages.slice(0, -1).every((p) => p.items.length === 7)).toBe(true);
    const ids = pages.flatMap((p) => p.items.map((i) => i.task.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expected.map((r) => r.id));
    expect(pages.at(-1)?.nextCursor).toBeNull();
  });

  it("pages each group on its own, and the groups together make the whole list", async () => {
    const expected = expectedFor("ipm");
    const all: string[] = [];
    for (const group of myWorkGroups) {
      const pages = await walk("ipm", { group, limit: 11 });
      const ids = pages.flatMap((p) => p.items.map((i) => i.task.id));
      expect(ids).toEqual(
        expected.filter((r) => groupOf(r.dueDate, today) === group).map((r) => r.id),
      );
      for (const item of pages.flatMap((p) => p.items)) {
        expect(groupOf(item.task.dueDate, today)).toBe(group);
      }
      all.push(...ids);
    }
    expect(all).toEqual(expected.map((r) => r.id));
  });

  it("counts every group, whatever the group, page or limit asked for", async () => {
    for (const who of ["pm", "ipm", "contributor", "stakeholder", "orgAdmin"] as const) {
      const counts = countsOf(expectedFor(who));
      const first = await world.as(who).myWork.list({ today });
      expect(first.counts, who).toEqual(counts);
      const later = await world.as(who).myWork.list({ today, group: "later", limit: 1 });
      expect(later.counts, who).toEqual(counts);
      if (later.nextCursor) {
        const next = await world
          .as(who)
          .myWork.list({ today, group: "later", limit: 1, cursor: later.nextCursor });
        expect(next.counts, who).toEqual(counts);
      }
    }
    const pm = countsOf(expectedFor("pm"));
    expect(Object.values(pm).every((n) => n > 0)).toBe(true);
  });

  it("returns 50 by default and stops with a null cursor", async () => {
    const expected = expectedFor("pm");
    const page = await world.as("pm").myWork.list({ today });
    expect(page.items.map((i) => i.task.id)).toEqual(expected.slice(0, 50).map((r) => r.id));
    expect(page.nextCursor).not.toBeNull();
    const all = await world.as("pm").myWork.list({ today, limit: 200 });
    expect(all.items).toHaveLength(Math.min(200, expected.length));
    const small = await world.as("contributor").myWork.list({ today, limit: 200 });
    expect(small.items.length).toBe(expectedFor("contributor").length);
    expect(small.nextCursor).toBeNull();
  });

  it("says why each task is mine", async () => {
    const items = (await walk("pm", { limit: 200 })).flatMap((p) => p.items);
    const userId = world.people.pm.userId;
    for (const item of items) {
      const row = world.db.select().from(task).where(eq(task.id, item.task.id)).get();
      const member = world.db
        .select({ role: projectMember.role })
        .from(projectMember)
        .where(and(eq(projectMember.projectId, item.projectId), eq(projectMember.userId, userId)))
        .get();
      const letter = member?.role === "pm" ? (row?.raciPm ?? null) : null;
      const reasons = [];
      if (row?.assigneeId === userId) reasons.push("assignee");
      if (letter?.includes("R")) reasons.push("responsible");
      if (letter?.includes("A")) reasons.push("accountable");
      expect(item.reasons, item.task.title).toEqual(reasons);
      expect(item.reasons.length).toBeGreaterThan(0);
    }
    // Gamma has no PM: the PM's tasks there are only those assigned to them.
    const gamma = items.filter((i) => i.projectKey === "GAMMA-HR");
    expect(gamma.length).toBeGreaterThan(0);
    expect(gamma.every((i) => i.reasons.join() === "assignee")).toBe(true);
  });
});

describe("my work: who sees what", () => {
  it("leaves stakeholders' internal-only rows out of the items and the counts", async () => {
    const stakeholder = world.people.stakeholder.userId;
    const onAlpha = world.db
      .select({
        id: task.id,
        internalOnly: task.internalOnly,
        status: task.status,
        deletedAt: task.deletedAt,
      })
      .from(task)
      .innerJoin(project, eq(project.id, task.projectId))
      .where(and(eq(project.key, "ALPHA-ERP"), eq(task.assigneeId, stakeholder)))
      .all();
    const open = onAlpha.filter(
      (t) => t.deletedAt === null && t.status !== "done" && t.status !== "cancelled",
    );
    const hidden = new Set(open.filter((t) => t.internalOnly).map((t) => t.id));
    expect(open.length).toBeGreaterThan(hidden.size);
    expect(hidden.size).toBeGreaterThan(0);
    const pages = await walk("stakeholder", { limit: 5 });
    const ids = pages.flatMap((p) => p.items.map((i) => i.task.id));
    expect(ids.filter((id) => hidden.has(id))).toEqual([]);
    expect(ids).toEqual(expectedFor("stakeholder").map((r) => r.id));
    const total = Object.values(pages[0]?.counts ?? {}).reduce((a, b) => a + b, 0);
    expect(total).toBe(ids.length);
    // Pages are full: only the last may be short.
    expect(pages.slice(0, -1).every((p) => p.items.length === 5)).toBe(true);
  });

  it("never shows another organisation's tasks, nor archived projects'", async () => {
    const pm = (await walk("pm", { limit: 200 })).flatMap((p) => p.items);
    const keys = new Set(pm.map((i) => i.projectKey));
    expect(keys).toEqual(new Set(["ACME-CRM", "ALPHA-ERP", "BETA-WMS", "GAMMA-HR"]));
    expect(pm.some((i) => i.projectId === world.otherProjectId)).toBe(false);
    // The PM is PM of org B's project too, with tasks there: only org B's list shows them.
    const inB = expectedFor("pm", world.otherOrgId);
    expect(inB.length).toBeGreaterThan(0);
    const theirs = (await walk("otherOrg", { limit: 200 })).flatMap((p) => p.items);
    expect(theirs.every((i) => i.projectId === world.otherProjectId)).toBe(true);
    expect(theirs.map((i) => i.task.id)).toEqual(
      expectedFor("otherOrg", world.otherOrgId).map((r) => r.id),
    );
  });
});

describe("my work: bad input", () => {
  it("refuses a limit outside 1..200 and a date that is not one", async () => {
    const pm = world.as("pm");
    for (const limit of [0, 201, -1, 1.5]) {
      expect((await errorOf(pm.myWork.list({ today, limit }))).code, String(limit)).toBe(
        "BAD_REQUEST",
      );
    }
    expect((await pm.myWork.list({ today, limit: 1 })).items).toHaveLength(1);
    for (const bad of ["2026-02-30", "25/11/2026", ""]) {
      expect((await errorOf(pm.myWork.list({ today: bad }))).code, bad).toBe("BAD_REQUEST");
    }
    const group = "someday" as MyWorkGroup;
    expect((await errorOf(pm.myWork.list({ today, group }))).code).toBe("BAD_REQUEST");
  });

  it("answers a malformed or tampered cursor with 400, never 500", async () => {
    const pm = world.as("pm");
    const b64 = (text: string) => Buffer.from(text).toString("base64url");
    const bad = [
      "not a cursor!",
      "x",
      b64("{"),
      b64("null"),
      b64("[]"),
      b64("{}"),
      b64(JSON.stringify({ d: "2026-13-01", k: "ACME-CRM", i: "t" })),
      b64(JSON.stringify({ d: 5, k: "ACME-CRM", i: "t" })),
      b64(JSON.stringify({ d: null, k: "", i: "t" })),
      b64(JSON.stringify({ d: null, k: "ACME-CRM", i: "t", extra: 1 })),
      b64(JSON.stringify({ d: null, k: "K".repeat(101), i: "t" })),
      "A".repeat(501),
    ];
    for (const cursor of bad) {
      const error = await errorOf(pm.myWork.list({ today, cursor }));
      expect(error.code, cursor).toBe("BAD_REQUEST");
    }
    // A well-formed cursor is a position: one past every row gives an empty last page.
    const end = encodeCursor({ d: null, k: "ZZZZ", i: "zzzz" });
    const last = await pm.myWork.list({ today, cursor: end });
    expect(last.items).toEqual([]);
    expect(last.nextCursor).toBeNull();
  });
});
