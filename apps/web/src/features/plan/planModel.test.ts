import { describe, expect, it } from "vitest";
import {
  flattenPlan,
  indexPlan,
  isOverdue,
  noFilters,
  sortOrderBefore,
  stepTarget,
  usedParties,
} from "./planModel.ts";
import { phase, plan, task } from "./testTasks.ts";

const sample = plan(
  [phase("p2", 2, "Build"), phase("p1", 1, "Discovery")],
  [
    task("b", { phaseId: "p1", sortOrder: 2, title: "Interviews" }),
    task("a", { phaseId: "p1", sortOrder: 1, title: "Kick-off", status: "done" }),
    task("a1", { phaseId: "p1", parentId: "a", sortOrder: 1, title: "Agenda" }),
    task("c", {
      phaseId: "p2",
      sortOrder: 1,
      title: "Configure",
      dueDate: "2026-03-01",
      responsibilities: { ipm: "A", pm: "A", customer: "C", vendor: null },
    }),
  ],
);
const keys = (rows: ReturnType<typeof flattenPlan>) => rows.map((r) => r.key);

describe("flattenPlan", () => {
  const index = indexPlan(sample);
  const base = { collapsed: new Set<string>(), filters: noFilters, today: "2026-03-04" };

  it("orders phases, parents then their subtasks, then the add rows", () => {
    expect(keys(flattenPlan(index, { ...base, withAddRows: true }))).toEqual([
      "phase:p1",
      "task:a",
      "task:a1",
      "task:b",
      "add:p1",
      "phase:p2",
      "task:c",
      "add:p2",
      "add-phase",
    ]);
  });

  it("hides a collapsed phase's tasks but keeps its header and counts", () => {
    const rows = flattenPlan(index, { ...base, collapsed: new Set(["p1"]), withAddRows: false });
    expect(keys(rows)).toEqual(["phase:p1", "phase:p2", "task:c"]);
    const header = rows[0];
    expect(header?.kind === "phase" && header.stats.taskCount).toBe(3);
  });

  it("filters: a parent stays for a matching subtask; empty phases and add rows go", () => {
    const rows = flattenPlan(index, {
      ...base,
      filters: { ...noFilters, q: "agenda" },
      withAddRows: true,
    });
    expect(keys(rows)).toEqual(["phase:p1", "task:a", "task:a1"]);
    const flagged = flattenPlan(index, {
      ...base,
      filters: { ...noFilters, violations: true },
      withAddRows: false,
    });
    expect(keys(flagged)).toEqual(["phase:p2", "task:c"]);
    const late = flattenPlan(index, {
      ...base,
      filters: { ...noFilters, overdue: true },
      withAddRows: false,
    });
    expect(keys(late)).toEqual(["phase:p2", "task:c"]);
  });

  it("rolls progress up over leaf tasks (a parent stands for its subtasks)", () => {
    const rows = flattenPlan(index, { ...base, withAddRows: false });
    const p1 = rows[0];
    // Leaves: a1 (0%) and b (0%); the parent a (done) is represented by a1.
    expect(p1?.kind === "phase" && p1.stats.progress).toBe(0);
  });
});

describe("plan helpers", () => {
  const index = indexPlan(sample);

  it("says when a task is overdue", () => {
    expect(isOverdue({ dueDate: "2026-03-01", status: "in_progress" }, "2026-03-02")).toBe(true);
    expect(isOverdue({ dueDate: "2026-03-01", status: "done" }, "2026-03-02")).toBe(false);
    expect(isOverdue({ dueDate: "2026-03-02", status: "blocked" }, "2026-03-02")).toBe(false);
  });

  it("shows customer and vendor columns only when used", () => {
    expect(usedParties(sample.tasks)).toEqual(["ipm", "pm", "customer"]);
    expect(usedParties([])).toEqual(["ipm", "pm"]);
  });

  it("moves a task one step, across phases at the ends", () => {
    const a = index.byId.get("a");
    const b = index.byId.get("b");
    const c = index.byId.get("c");
    if (!a || !b || !c) throw new Error("sample");
    expect(stepTarget(index, a, 1)).toEqual({ phaseId: "p1", beforeTaskId: null });
    expect(stepTarget(index, b, -1)).toEqual({ phaseId: "p1", beforeTaskId: "a" });
    expect(stepTarget(index, a, -1)).toBeNull();
    expect(stepTarget(index, b, 1)).toEqual({ phaseId: "p2", beforeTaskId: "c" });
    expect(stepTarget(index, c, -1)).toEqual({ phaseId: "p1", beforeTaskId: null });
    const a1 = index.byId.get("a1");
    if (!a1) throw new Error("sample");
    expect(stepTarget(index, a1, 1)).toBeNull();
  });

  it("finds a sort order between neighbours", () => {
    const list = index.topLevel.get("p1") ?? [];
    expect(sortOrderBefore(list, "b", "x")).toBe(1.5);
    expect(sortOrderBefore(list, "a", "x")).toBe(0);
    expect(sortOrderBefore(list, null, "x")).toBe(3);
    expect(sortOrderBefore(list, "b", "a")).toBe(1);
  });
});
