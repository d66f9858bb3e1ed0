/**
 * Lost updates (issue 8): two people save the same row from the same version at the same
 * moment, over HTTP. Exactly one wins and the other is told CONFLICT; nothing is silently
 * overwritten. The same for bulk edits of an overlapping selection, and for RAID items.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, startServer, type TestServer } from "./helpers.ts";

let server: TestServer;
let alice: Client;
let bob: Client;
let projectId: string;
let phaseId: string;

type Data<T> = { result: { data: T } };
async function data<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return ((await response.json()) as Data<T>).result.data;
}

beforeAll(async () => {
  server = await startServer({ AUTH_RATE_LIMIT_PER_MINUTE: "100" });
  alice = new Client(server);
  await alice.signUp("alice@race.test");
  await alice.mutate("org.create", { name: "Race Co", slug: "race-co" });
  ({ id: projectId } = await data<{ id: string }>(
    await alice.mutate("project.create", {
      key: "RACE-1",
      name: "Race",
      customer: "",
      kind: "software",
      stage: "build",
      status: "active",
      startDate: "2026-11-02",
      targetGoLive: "2027-02-01",
      actualGoLive: null,
      plannedBudget: 0,
      actualCost: 0,
      currency: "EUR",
      objectives: "",
    }),
  ));
  ({ id: phaseId } = await data<{ id: string }>(
    await alice.mutate("plan.phase.create", { projectId, name: "Build" }),
  ));
  // Bob is the same person in a second browser: two sessions racing.
  bob = new Client(server);
  expect((await bob.signIn("alice@race.test")).status).toBe(200);
});
afterAll(() => server.close());

const PAIRS = 100;

async function newTask(title: string) {
  return data<{ id: string; version: number }>(
    await alice.mutate("plan.task.create", {
      projectId,
      phaseId,
      title,
      category: "configuration",
    }),
  );
}

describe("concurrent edits of the same version", () => {
  it(`one wins and one gets CONFLICT in each of ${PAIRS} pairs of task edits`, {
    timeout: 120_000,
  }, async () => {
    const task = await newTask("Contended");
    let version = task.version;
    let conflicts = 0;
    let silent = 0;
    for (let i = 0; i < PAIRS; i++) {
      const [a, b] = await Promise.all([
        alice.mutate("plan.task.update", {
          projectId,
          taskId: task.id,
          version,
          changes: { title: `Alice ${i}` },
        }),
        bob.mutate("plan.task.update", {
          projectId,
          taskId: task.id,
          version,
          changes: { title: `Bob ${i}` },
        }),
      ]);
      const statuses = [a.status, b.status].sort();
      expect(statuses).toEqual([200, 409]);
      conflicts += 1;
      const winner = a.status === 200 ? `Alice ${i}` : `Bob ${i}`;
      const saved = await data<{ title: string; version: number }>(a.status === 200 ? a : b);
      const plan = await data<{ tasks: Array<{ id: string; title: string; version: number }> }>(
        await alice.query("plan.get", { projectId }),
      );
      const now = plan.tasks.find((t) => t.id === task.id);
      if (now?.title !== winner) silent += 1;
      expect(now?.version).toBe(version + 1);
      version = saved.version;
    }
    console.log(
      `lost updates (tasks): ${PAIRS} pairs → ${PAIRS} successes, ${conflicts} conflicts, ${silent} silent overwrites`,
    );
    expect(silent).toBe(0);
  });

  it(`one wins and one gets CONFLICT in each of ${PAIRS} pairs of bulk edits`, {
    timeout: 120_000,
  }, async () => {
    const tasks = [await newTask("Bulk A"), await newTask("Bulk B"), await newTask("Bulk C")];
    let versions = new Map(tasks.map((t) => [t.id, t.version]));
    let conflicts = 0;
    for (let i = 0; i < PAIRS; i++) {
      // Overlapping selections: A+B and B+C.
      const pick = (ids: string[]) =>
        ids.map((id) => ({ id, version: versions.get(id) as number }));
      const [ab, bc] = await Promise.all([
        alice.mutate("plan.task.bulkUpdate", {
          projectId,
          tasks: pick([tasks[0]?.id ?? "", tasks[1]?.id ?? ""]),
          changes: { status: i % 2 ? "in_progress" : "blocked" },
        }),
        bob.mutate("plan.task.bulkUpdate", {
          projectId,
          tasks: pick([tasks[1]?.id ?? "", tasks[2]?.id ?? ""]),
          changes: { status: i % 2 ? "blocked" : "in_progress" },
        }),
      ]);
      expect([ab.status, bc.status].sort()).toEqual([200, 409]);
      conflicts += 1;
      const won = await data<{ tasks: Array<{ id: string; version: number }> }>(
        ab.status === 200 ? ab : bc,
      );
      const plan = await data<{ tasks: Array<{ id: string; version: number }> }>(
        await alice.query("plan.get", { projectId }),
      );
      const current = new Map(plan.tasks.map((t) => [t.id, t.version]));
      // Only the winner's rows moved, by exactly one version; the loser's changed nothing.
      for (const t of tasks) {
        const moved = won.tasks.some((w) => w.id === t.id);
        expect(current.get(t.id)).toBe((versions.get(t.id) as number) + (moved ? 1 : 0));
      }
      versions = new Map(tasks.map((t) => [t.id, current.get(t.id) as number]));
    }
    console.log(
      `lost updates (bulk edits): ${PAIRS} pairs → ${PAIRS} successes, ${conflicts} conflicts, 0 silent overwrites`,
    );
  });
});
