import { describe, expect, it } from "vitest";
import { templateBody } from "../schemas/templates.ts";
import type { TemplateBody, TemplateTask } from "./model.ts";
import { templateProblems, templateWarnings } from "./validate.ts";

function task(key: string, extra: Partial<TemplateTask> = {}): TemplateTask {
  return {
    key,
    phaseKey: "build",
    parentKey: null,
    title: `Task ${key.toUpperCase()}`,
    description: "",
    category: "configuration",
    startOffset: 0,
    duration: 1,
    estimateHours: null,
    internalOnly: false,
    milestoneKey: null,
    raci: { ipm: "AR", pm: "C" },
    ...extra,
  };
}

function valid(): TemplateBody {
  return {
    phases: [{ key: "build", name: "Build" }],
    milestones: [
      {
        key: "live",
        name: "Go-live",
        offset: 4,
        isGate: true,
        isGoLive: true,
        criteria: ["UAT signed"],
      },
    ],
    tasks: [task("a"), task("b", { startOffset: 1 }), task("c", { milestoneKey: "live" })],
    dependencies: [
      { predecessorKey: "a", successorKey: "b", type: "FS", lag: 0 },
      { predecessorKey: "b", successorKey: "c", type: "SS", lag: 1 },
    ],
  };
}

const messages = (body: TemplateBody) => templateProblems(body).map((p) => p.message);

describe("template problems", () => {
  it("finds nothing wrong with a sound template", () => {
    expect(templateProblems(valid())).toEqual([]);
    expect(templateWarnings(valid())).toEqual([]);
  });

  it("names references that do not resolve", () => {
    const body = valid();
    body.tasks.push(task("d", { phaseKey: "nowhere", milestoneKey: "gone", parentKey: "missing" }));
    body.dependencies.push({ predecessorKey: "a", successorKey: "zzz", type: "FS", lag: 0 });
    expect(templateProblems(body)).toEqual([
      {
        path: ["tasks", 3, "phaseKey"],
        message: "Task “Task D” is in phase “nowhere”, which is not in the template",
      },
      {
        path: ["tasks", 3, "parentKey"],
        message: "Task “Task D” sits under task “missing”, which is not in the template",
      },
      {
        path: ["tasks", 3, "milestoneKey"],
        message: "Task “Task D” counts towards milestone “gone”, which is not in the template",
      },
      {
        path: ["dependencies", 2, "successorKey"],
        message:
          "The dependency “Task A” → “zzz” leads to task “zzz”, which is not in the template",
      },
    ]);
  });

  it("refuses a key used twice, even across phases and tasks", () => {
    const body = valid();
    body.tasks.push(task("a", { title: "Again" }), task("build", { title: "Clash" }));
    expect(messages(body)).toEqual([
      "Task “Again” uses the key “a”, as does task “Task A”",
      "Task “Clash” uses the key “build”, as does phase “Build”",
    ]);
  });

  it("wants durations of at least one working day and offsets from day 0", () => {
    const body = valid();
    body.tasks[0] = task("a", { duration: 0 });
    body.tasks[1] = task("b", { startOffset: -2 });
    body.tasks[2] = task("c", { duration: 1.5, milestoneKey: "live" });
    const live = body.milestones[0];
    if (live) live.offset = -1;
    expect(templateProblems(body)).toEqual([
      {
        path: ["milestones", 0, "offset"],
        message:
          "Milestone “Go-live”: its date is a whole number of working days from the start, 0 or more",
      },
      {
        path: ["tasks", 0, "duration"],
        message: "Task “Task A”: the duration is a whole number of working days, at least 1",
      },
      {
        path: ["tasks", 1, "startOffset"],
        message:
          "Task “Task B”: the start is a whole number of working days from the project start, 0 or more",
      },
      {
        path: ["tasks", 2, "duration"],
        message: "Task “Task C”: the duration is a whole number of working days, at least 1",
      },
    ]);
  });

  it("names every task of a dependency loop", () => {
    const body = valid();
    body.dependencies.push({ predecessorKey: "c", successorKey: "a", type: "FS", lag: 0 });
    expect(templateProblems(body)).toEqual([
      {
        path: ["dependencies", 2],
        message: "These dependencies go round in a loop: “Task C” → “Task A” → “Task B” → “Task C”",
      },
    ]);
  });

  it("refuses a task depending on itself and the same link twice", () => {
    const body = valid();
    body.dependencies.push(
      { predecessorKey: "a", successorKey: "a", type: "FS", lag: 0 },
      { predecessorKey: "a", successorKey: "b", type: "SS", lag: 0 },
    );
    expect(messages(body)).toEqual([
      "The dependency “Task A” → “Task A”: a task cannot depend on itself",
      "The dependency “Task A” → “Task B” is listed twice",
    ]);
  });

  it("keeps subtasks one level deep and in their parent's phase", () => {
    const body = valid();
    body.phases.push({ key: "test", name: "Test" });
    body.tasks.push(
      task("child", { parentKey: "a" }),
      task("grandchild", { parentKey: "child" }),
      task("elsewhere", { parentKey: "a", phaseKey: "test" }),
      task("self", { parentKey: "self" }),
    );
    expect(messages(body)).toEqual([
      "Task “Task GRANDCHILD” sits under “Task CHILD”, which is itself a subtask (one level only)",
      "Task “Task ELSEWHERE” must be in the same phase as “Task A”",
      "Task “Task SELF” cannot sit under itself",
    ]);
  });

  it("checks RACI letters, gates and criteria", () => {
    const body = valid();
    body.tasks[0] = task("a", { raci: { ipm: "X" as never, boss: "A" } as never });
    body.milestones.push(
      { key: "m2", name: "Not a gate", offset: 1, isGate: false, isGoLive: false, criteria: ["x"] },
      { key: "m3", name: "Live again", offset: 2, isGate: false, isGoLive: true, criteria: [] },
    );
    expect(messages(body)).toEqual([
      "Milestone “Not a gate” has criteria but is not a gate",
      "Milestone “Live again” is the go-live, so it must be a gate",
      "Task “Task A”: “X” is not a RACI letter (R, A, A/R, C or I) for IPM",
      "Task “Task A” gives a letter to “boss”, which is not a party",
    ]);
  });

  it("holds at most 2,000 tasks", () => {
    const body = valid();
    body.tasks = Array.from({ length: 2001 }, (_, i) => task(`t${i}`));
    body.dependencies = [];
    body.milestones = [];
    expect(messages(body)).toEqual(["A template holds at most 2,000 tasks; this one has 2,001"]);
  });

  it("needs a phase", () => {
    expect(messages({ phases: [], milestones: [], tasks: [], dependencies: [] })).toEqual([
      "A template needs at least one phase",
    ]);
  });

  it("warns (without refusing) about letters that break the RACI rule", () => {
    const body = valid();
    body.tasks[1] = task("b", { raci: { ipm: "A", pm: "A" } });
    body.tasks[2] = task("c", { raci: {}, milestoneKey: "live" });
    expect(templateProblems(body)).toEqual([]);
    expect(templateWarnings(body).map((w) => w.message)).toEqual([
      "Task “Task B”: Only one party may be accountable; IPM and PM are; Nobody is responsible (R)",
      "Task “Task C”: Nobody is accountable (A); Nobody is responsible (R)",
    ]);
  });
});

describe("the template body schema", () => {
  it("reports the rules' problems at their paths", () => {
    const body = valid();
    body.dependencies.push({ predecessorKey: "c", successorKey: "a", type: "FS", lag: 0 });
    const parsed = templateBody.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      [
        "dependencies.2",
        "These dependencies go round in a loop: “Task C” → “Task A” → “Task B” → “Task C”",
      ],
    ]);
  });

  it("reports shape errors before the rules run", () => {
    const body = valid();
    const parsed = templateBody.safeParse({
      ...body,
      tasks: [{ ...body.tasks[0], title: " ", category: "magic" }],
    });
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual([
      "tasks.0.title",
      "tasks.0.category",
    ]);
  });

  it("accepts a sound body as it is", () => {
    expect(templateBody.parse(valid())).toEqual(valid());
  });
});
