import { builtInTemplate, type TemplateBody } from "@rollout/domain";
import { describe, expect, it } from "vitest";
import {
  addPhase,
  addTask,
  draftIssues,
  freshKey,
  issuesFrom,
  removeDependency,
  removePhase,
  removeTask,
  serverProblems,
  updateTask,
} from "./templateDraft.ts";
import { previewTemplate, templateFacts, workingLength } from "./templatePreview.ts";

function body(): TemplateBody {
  const task = (key: string, startOffset: number, extra = {}) => ({
    key,
    phaseKey: "build",
    parentKey: null,
    title: `Task ${key}`,
    description: "",
    category: "configuration" as const,
    startOffset,
    duration: 2,
    estimateHours: null,
    internalOnly: false,
    milestoneKey: null,
    raci: { ipm: "AR" as const, pm: "C" as const },
    ...extra,
  });
  return {
    phases: [
      { key: "build", name: "Build" },
      { key: "test", name: "Test" },
    ],
    milestones: [],
    tasks: [task("a", 0), task("b", 2, { parentKey: "a" }), task("c", 4, { phaseKey: "test" })],
    dependencies: [
      { predecessorKey: "a", successorKey: "c", type: "FS", lag: 0 },
      { predecessorKey: "b", successorKey: "c", type: "SS", lag: 1 },
    ],
  };
}

describe("editing a template draft", () => {
  it("adds a task after the last of its phase, starting when that one ends", () => {
    const next = addTask(body(), "build");
    expect(next.tasks.map((t) => t.key)).toEqual(["a", "b", "t-6", "c"]);
    expect(next.tasks[2]).toMatchObject({
      phaseKey: "build",
      startOffset: 4,
      duration: 1,
      title: "",
    });
    // A blank title is a problem on that row until it is typed.
    expect(draftIssues(next).rows.tasks.get(2)).toEqual(["Task 3 has no title"]);
  });

  it("removes a task with its links and frees its subtasks", () => {
    const next = removeTask(body(), "a");
    expect(next.tasks.map((t) => [t.key, t.parentKey])).toEqual([
      ["b", null],
      ["c", null],
    ]);
    expect(next.dependencies).toEqual([
      { predecessorKey: "b", successorKey: "c", type: "SS", lag: 1 },
    ]);
    expect(draftIssues(next).count).toBe(0);
  });

  it("moves subtasks with their parent and edits letters", () => {
    let next = updateTask(body(), "a", { field: "phaseKey", value: "test" });
    expect(next.tasks.map((t) => t.phaseKey)).toEqual(["test", "test", "test"]);
    next = updateTask(next, "c", { field: "pm", value: null });
    expect(next.tasks[2]?.raci).toEqual({ ipm: "AR" });
    next = updateTask(next, "c", { field: "ipm", value: "R" });
    // Allowed, but flagged: nobody is accountable any more.
    const issues = draftIssues(next);
    expect(issues.count).toBe(0);
    expect(issues.warnings.get(2)).toEqual(["Task “Task c”: Nobody is accountable (A)"]);
  });

  it("puts each problem on its row and keeps the rest general", () => {
    let next = updateTask(body(), "b", { field: "duration", value: Number.NaN });
    next = {
      ...next,
      dependencies: [
        ...next.dependencies,
        { predecessorKey: "c", successorKey: "a", type: "FS", lag: 0 },
      ],
    };
    const issues = draftIssues(next);
    expect(issues.rows.tasks.get(1)).toEqual([
      "Task “Task b”: the duration is a whole number of working days, at least 1",
    ]);
    expect(issues.rows.dependencies.get(2)?.[0]).toMatch(/go round in a loop/);
    expect(issues.general).toEqual([]);
    expect(draftIssues({ ...body(), phases: [], tasks: [], dependencies: [] }).general).toEqual([
      "A template needs at least one phase",
    ]);
  });

  it("removes only an empty phase, adds phases with fresh keys, removes links", () => {
    expect(removePhase(body(), "test").phases).toHaveLength(2);
    const emptied = removeTask(body(), "c");
    expect(removePhase(emptied, "test").phases.map((p) => p.key)).toEqual(["build"]);
    const more = addPhase(body(), "Hypercare");
    expect(more.phases.at(-1)).toEqual({ key: freshKey(body(), "p"), name: "Hypercare" });
    expect(removeDependency(body(), 0).dependencies).toHaveLength(1);
  });

  it("reads the server's field errors onto the rows", () => {
    const issues = issuesFrom(
      serverProblems({
        "changes.body.tasks.2.phaseKey": "Task “X” is in phase “zz”",
        "body.dependencies.0": "Loop",
        body: "Too big",
      }),
    );
    expect(issues.rows.tasks.get(2)).toEqual(["Task “X” is in phase “zz”"]);
    expect(issues.rows.dependencies.get(0)).toEqual(["Loop"]);
    expect(issues.general).toEqual(["Too big"]);
  });
});

describe("previewing a template", () => {
  it("gives each phase its dates and the go-live from the start date and holidays", () => {
    const saas = builtInTemplate("builtin:saas-rollout");
    if (!saas) throw new Error("missing built-in");
    const preview = previewTemplate(saas.body, "2026-03-07", []);
    expect(preview?.dayZero).toBe("2026-03-09");
    expect(preview?.phases[0]).toMatchObject({
      name: "Initiation and planning",
      start: "2026-03-09",
    });
    const goLive = preview?.goLive ?? "";
    // A holiday before go-live moves it one working day later.
    const later = previewTemplate(saas.body, "2026-03-07", ["2026-03-10"]);
    expect(later?.goLive).not.toBe(goLive);
    expect(later?.goLive && later.goLive > goLive).toBe(true);
    expect(previewTemplate(saas.body, "2026-02-30", [])).toBeNull();
  });

  it("describes a template in one line", () => {
    expect(workingLength(3)).toBe("3 working days");
    expect(workingLength(68)).toBe("14 weeks");
    expect(
      templateFacts({
        kind: "hardware",
        phaseCount: 1,
        taskCount: 12,
        milestoneCount: 2,
        durationDays: 40,
        goLiveOffset: 29,
      }),
    ).toBe("Hardware · 1 phase · 12 tasks · 2 milestones · go-live after 6 weeks");
  });
});
