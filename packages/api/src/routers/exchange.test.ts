import { eq, project, seedDemo, user } from "@rollout/db";
import { createTestDb } from "@rollout/db/testing";
import type { ExchangeDocument } from "@rollout/domain";
import { describe, expect, it } from "vitest";
import { contextFor, errorOf } from "../testing/index.ts";
import { createCallerFactory } from "../trpc.ts";
import { appRouter } from "./index.ts";

async function demo() {
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
  return { db, caller, acme };
}

/**
 * A document with every id replaced by a stable name (its kind and position), arrays of
 * snapshots sorted, and what an import changes on purpose (key, name, export time) removed:
 * two exports of the same content compare equal.
 */
function normalise(input: ExchangeDocument) {
  let doc = input;
  const names = new Map<string, string>();
  const name = (prefix: string, rows: { id: string }[]) => {
    for (const [i, r] of rows.entries()) names.set(r.id, `${prefix}${i}`);
  };
  name("phase", doc.phases);
  const phaseIndex = new Map(doc.phases.map((p, i) => [p.id, i]));
  const tasks = [...doc.tasks].sort(
    (a, b) =>
      (phaseIndex.get(a.phaseId) ?? 0) - (phaseIndex.get(b.phaseId) ?? 0) ||
      a.sortOrder - b.sortOrder ||
      a.title.localeCompare(b.title),
  );
  name("task", tasks);
  doc = { ...doc, tasks };
  name("milestone", doc.milestones);
  name("stakeholder", doc.stakeholders);
  name("raid", doc.raid);
  const { exportedAt: _at, project: p, ...rest } = doc;
  const { key: _key, name: _name, ...projectRest } = p;
  const text = JSON.stringify({ project: projectRest, ...rest }).replace(
    /"([A-Za-z0-9_-]{10,64})"/g,
    (whole, id: string) => (names.has(id) ? `"${names.get(id)}"` : whole),
  );
  const out = JSON.parse(text) as ExchangeDocument;
  for (const b of out.baselines) {
    b.tasks.sort((x, y) => x.taskId.localeCompare(y.taskId));
    b.milestones.sort((x, y) => x.milestoneId.localeCompare(y.milestoneId));
  }
  for (const r of out.raid) {
    r.taskIds.sort();
    r.milestoneIds.sort();
  }
  out.members.sort((x, y) => x.email.localeCompare(y.email));
  for (const c of out.comms) c.stakeholderIds.sort();
  return out;
}

describe("project export and import", () => {
  it("reads its own export back into a new project without loss", async () => {
    const { caller, acme } = await demo();
    const original = await caller.project.export({ projectId: acme.id });
    expect(original.tasks.length).toBeGreaterThan(40);
    expect(original.raid.length).toBeGreaterThanOrEqual(15);
    expect(original.stakeholders.length).toBeGreaterThanOrEqual(8);
    const imported = await caller.project.import({
      document: JSON.stringify(original),
      key: "ACME-COPY",
      name: "ACME copy",
    });
    expect(imported.unmatchedPeople).toEqual([]);
    expect(imported.counts.tasks).toBe(original.tasks.length);
    const copy = await caller.project.export({ projectId: imported.id });
    expect(copy.project).toMatchObject({ key: "ACME-COPY", name: "ACME copy" });
    const [got, want] = [normalise(copy), normalise(original)];
    for (const key of Object.keys(want) as (keyof typeof want)[]) {
      expect(got[key], key).toEqual(want[key]);
    }
    // The copy works like any project: its dashboard computes the same health.
    const [a, b] = await Promise.all([
      caller.dashboard.project({ projectId: acme.id }),
      caller.dashboard.project({ projectId: imported.id }),
    ]);
    expect(b.health).toEqual(a.health);
  });

  it("refuses a file that is not an export, a damaged one, or a taken key, writing nothing", async () => {
    const { caller, acme } = await demo();
    const before = (await caller.project.list({})).length;
    const doc = await caller.project.export({ projectId: acme.id });
    const cases: Array<[string, string, RegExp]> = [
      ["not json {", "NEW-1", /not JSON/],
      [JSON.stringify({ hello: "world" }), "NEW-2", /not a Rollout project export/],
      [JSON.stringify({ ...doc, version: 99 }), "NEW-3", /format version 99/],
      [
        JSON.stringify({
          ...doc,
          tasks: [{ ...doc.tasks[0], phaseId: "nowhere-1234" }, ...doc.tasks.slice(1)],
        }),
        "NEW-4",
        /names a phase/,
      ],
      [
        JSON.stringify({ ...doc, raid: [{ ...doc.raid[0], probability: 9 }] }),
        "NEW-5",
        /damaged at raid\.0\.probability/,
      ],
      [JSON.stringify(doc), "ACME-CRM", /taken/],
    ];
    for (const [document, key, message] of cases) {
      const error = await errorOf(caller.project.import({ document, key, name: "Copy" }));
      expect(["BAD_REQUEST", "CONFLICT"]).toContain(error.code);
      expect(error.message).toMatch(message);
    }
    expect((await caller.project.list({})).length).toBe(before);
  });
});
