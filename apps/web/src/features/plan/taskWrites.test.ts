import type { Plan, Task } from "@rollout/domain";
import { describe, expect, it } from "vitest";
import { applyPatch, patchFor } from "./taskPatch.ts";
import { type PlanStore, writeTask } from "./taskWrites.ts";
import { phase, plan, task } from "./testTasks.ts";

function memoryStore(initial: Plan): PlanStore & { current: () => Plan } {
  let data = initial;
  return {
    get: () => data,
    set: (update) => {
      data = update(data);
    },
    cancel: async () => undefined,
    current: () => data,
  };
}

/** A server that answers in the order asked, bumping the version, and refuses stale ones. */
function fakeServer(start: Task) {
  let row = start;
  const seen: number[] = [];
  const release: Array<() => void> = [];
  return {
    seen,
    release,
    update: (input: { taskId: string; version: number; changes: object }) =>
      new Promise<Task>((resolve, reject) => {
        seen.push(input.version);
        release.push(() => {
          if (input.version !== row.version) {
            reject(Object.assign(new Error("stale"), { code: "CONFLICT" }));
            return;
          }
          row = { ...applyPatch(row, input.changes), version: row.version + 1 };
          resolve(row);
        });
      }),
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("task writes", () => {
  it("sends quick edits of one task one after another, each with the version before it", async () => {
    const t = task("t1", { title: "Old" });
    const store = memoryStore(plan([phase("p1", 1)], [t]));
    const server = fakeServer(t);
    const first = writeTask(store, server.update, "t1", { title: "New" }, { title: "New" });
    const second = writeTask(
      store,
      server.update,
      "t1",
      { percentComplete: 40 },
      { percentComplete: 40 },
    );
    await tick();
    // Both show at once; only the first has gone to the server.
    expect(store.current().tasks[0]?.title).toBe("New");
    expect(store.current().tasks[0]?.percentComplete).toBe(40);
    expect(server.seen).toEqual([1]);
    server.release.shift()?.();
    await first;
    await tick();
    expect(server.seen).toEqual([1, 2]);
    // The first answer is in, the second edit still shows on top of it.
    expect(store.current().tasks[0]?.percentComplete).toBe(40);
    server.release.shift()?.();
    const saved = await second;
    expect(saved.version).toBe(3);
    expect(store.current().tasks[0]).toMatchObject({
      title: "New",
      percentComplete: 40,
      version: 3,
    });
  });

  it("puts back what the server last said when a write is refused", async () => {
    const t = task("t1", { title: "Old", version: 5 });
    const store = memoryStore(plan([phase("p1", 1)], [t]));
    const refuse = () => Promise.reject(new Error("no"));
    await expect(
      writeTask(store, refuse, "t1", { title: "New" }, { title: "New" }),
    ).rejects.toThrow();
    expect(store.current().tasks[0]).toMatchObject({ title: "Old", version: 5 });
  });
});

describe("patchFor", () => {
  it("derives the third date with the domain rule", () => {
    const t = task("t1", { startDate: "2026-03-02", dueDate: "2026-03-06", duration: 5 });
    const check = patchFor(t, { duration: 2 });
    expect(check).toEqual({
      ok: true,
      patch: { duration: 2, startDate: "2026-03-02", dueDate: "2026-03-03" },
    });
    expect(patchFor(t, { dueDate: "2026-03-01" })).toMatchObject({ ok: false, field: "dueDate" });
  });

  it("recomputes violations and fills the assignee's name", () => {
    const t = task("t1");
    const check = patchFor(t, { responsibilities: { pm: "A" }, assigneeId: "u1" }, [
      { userId: "u1", name: "Ian Murphy", role: "ipm" },
    ]);
    if (!check.ok) throw new Error("expected ok");
    const next = applyPatch(t, check.patch);
    expect(next.assigneeName).toBe("Ian Murphy");
    expect(next.violations.map((v) => v.code)).toEqual(["several_accountable"]);
  });

  it("completes a task marked done, as the server does", () => {
    expect(patchFor(task("t1"), { status: "done" })).toMatchObject({
      ok: true,
      patch: { status: "done", percentComplete: 100 },
    });
  });
});
