/**
 * Visibility consistency (issue 8): for every list that has a single-item read, and every role,
 * the ids the list shows are exactly the ids the single read allows — nothing listed that cannot
 * be opened, nothing openable that the list hides. Where no single read exists, the comment
 * thread of a thing stands in for it (it answers only for things the caller may see).
 */
import {
  milestone,
  pir,
  project,
  raidItem,
  seedPlanAtScale,
  seedRaidAtScale,
  statusReport,
  task,
  template,
} from "@rollout/db";
import { describe, expect, it } from "vitest";
import {
  type Caller,
  createWorld,
  type MatrixRole,
  matrixRoles,
  type World,
} from "./testing/index.ts";

async function orNone<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch {
    return null;
  }
}

interface Pair {
  name: string;
  /** The ids the list shows (none when the list itself is refused). */
  listed: (c: Caller, w: World, projectId: string) => Promise<string[]>;
  /** Every id of this kind in the database, of both organisations. */
  universe: (w: World, projectId: string) => string[];
  /** Whether the single read answers for this id. */
  opens: (c: Caller, w: World, projectId: string, id: string) => Promise<boolean>;
}

const ok = async (call: () => Promise<unknown>) => (await orNone(call)) !== null;

const pairs: Pair[] = [
  {
    name: "project.list / project.get",
    listed: async (c) =>
      ((await orNone(() => c.project.list({ includeArchived: true }))) ?? []).map((p) => p.id),
    universe: (w) =>
      w.db
        .select({ id: project.id })
        .from(project)
        .all()
        .map((r) => r.id),
    opens: (c, _w, _p, id) => ok(() => c.project.get({ projectId: id })),
  },
  {
    name: "raid.list / raid.get",
    listed: async (c, _w, projectId) =>
      ((await orNone(() => c.raid.list({ projectId })))?.items ?? []).map((i) => i.id),
    universe: (w) =>
      w.db
        .select({ id: raidItem.id })
        .from(raidItem)
        .all()
        .map((r) => r.id),
    opens: (c, _w, projectId, id) => ok(() => c.raid.get({ projectId, itemId: id })),
  },
  {
    name: "report.list / report.get",
    listed: async (c, _w, projectId) =>
      ((await orNone(() => c.report.list({ projectId }))) ?? []).map((r) => r.id),
    universe: (w) =>
      w.db
        .select({ id: statusReport.id })
        .from(statusReport)
        .all()
        .map((r) => r.id),
    opens: (c, _w, projectId, id) => ok(() => c.report.get({ projectId, reportId: id })),
  },
  {
    name: "template.list / template.get",
    listed: async (c) => ((await orNone(() => c.template.list())) ?? []).map((t) => t.id),
    universe: (w) => [
      ...w.db
        .select({ id: template.id })
        .from(template)
        .all()
        .map((r) => r.id),
      "builtin:saas-rollout",
    ],
    opens: (c, _w, _p, id) => ok(() => c.template.get({ templateId: id })),
  },
  {
    name: "plan.get tasks / a task's thread",
    listed: async (c, _w, projectId) =>
      ((await orNone(() => c.plan.get({ projectId })))?.tasks ?? []).map((t) => t.id),
    universe: (w) =>
      w.db
        .select({ id: task.id })
        .from(task)
        .all()
        .map((r) => r.id),
    opens: (c, _w, projectId, id) =>
      ok(() => c.comment.list({ projectId, targetType: "task", targetId: id })),
  },
  {
    name: "schedule.get milestones / a milestone's thread",
    listed: async (c, _w, projectId) =>
      ((await orNone(() => c.schedule.get({ projectId })))?.milestones ?? []).map((m) => m.id),
    universe: (w) =>
      w.db
        .select({ id: milestone.id })
        .from(milestone)
        .all()
        .map((r) => r.id),
    opens: (c, _w, projectId, id) =>
      ok(() => c.comment.list({ projectId, targetType: "milestone", targetId: id })),
  },
  {
    name: "raid.list / a RAID item's thread",
    listed: async (c, _w, projectId) =>
      ((await orNone(() => c.raid.list({ projectId })))?.items ?? []).map((i) => i.id),
    universe: (w) =>
      w.db
        .select({ id: raidItem.id })
        .from(raidItem)
        .all()
        .map((r) => r.id),
    opens: (c, _w, projectId, id) =>
      ok(() => c.comment.list({ projectId, targetType: "raid_item", targetId: id })),
  },
  {
    name: "pir.revisions / pir.get",
    listed: async (c, _w, projectId) =>
      ((await orNone(() => c.pir.revisions({ projectId }))) ?? []).map((r) => String(r.revision)),
    universe: (w, projectId) =>
      w.db
        .select({ revision: pir.revision, projectId: pir.projectId })
        .from(pir)
        .all()
        .filter((r) => r.projectId === projectId)
        .map((r) => String(r.revision)),
    opens: async (c, _w, projectId, revision) =>
      ((await orNone(() => c.pir.get({ projectId, revision: Number(revision) })))?.review ??
        null) !== null,
  },
];

describe("visibility consistency", () => {
  it("lists exactly what the single read allows, for every role", {
    timeout: 120_000,
  }, async () => {
    const roles = matrixRoles.filter(
      (r): r is Exclude<MatrixRole, "anonymous"> => r !== "anonymous",
    );
    let compared = 0;
    const differences: string[] = [];
    for (const role of roles) {
      const world = createWorld();
      // More of everything, internal-only rows among them, in both organisations.
      for (const [projectId, people] of [
        [world.projectId, [world.people.ipm.userId, world.people.contributor.userId]],
        [world.otherProjectId, [world.people.otherOrg.userId]],
      ] as const) {
        const plan = seedPlanAtScale(world.db, projectId, {
          tasks: 30,
          dependencies: 20,
          phases: 3,
          assignees: [...people],
        });
        seedRaidAtScale(world.db, projectId, {
          items: 25,
          stakeholders: 5,
          owners: [...people],
          taskIds: plan.tasks,
          numberAfter: 100,
        });
      }
      const caller = world.as(role);
      for (const projectId of [world.projectId, world.otherProjectId]) {
        for (const pair of pairs) {
          const listed = new Set(await pair.listed(caller, world, projectId));
          for (const id of pair.universe(world, projectId)) {
            compared += 1;
            const opens = await pair.opens(caller, world, projectId, id);
            if (opens !== listed.has(id)) {
              differences.push(
                `${pair.name} as ${role}: ${id.slice(0, 12)} ${opens ? "opens but is not listed" : "is listed but does not open"}`,
              );
            }
          }
        }
      }
    }
    console.log(
      `visibility: ${pairs.length} list/read pairs × ${roles.length} roles × 2 projects; ${compared} ids compared, ${differences.length} differences`,
    );
    expect(differences).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
  });
});
