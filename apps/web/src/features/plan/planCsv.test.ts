import { parseCsv } from "@rollout/domain";
import { describe, expect, it } from "vitest";
import { planCsv } from "./planCsv.ts";
import { indexPlan } from "./planModel.ts";
import { phase as makePhase, task } from "./testTasks.ts";

describe("plan CSV", () => {
  it("writes every task in plan order, subtasks under their parent, with the four letters", () => {
    const phase = makePhase("p1", 1, "Build");
    const parent = task("t1", { phaseId: "p1", title: "Configure", sortOrder: 1 });
    const child = task("t2", { phaseId: "p1", title: "Roles", parentId: "t1", sortOrder: 1 });
    const index = indexPlan({ phases: [phase], tasks: [child, parent] });
    const [header, ...rows] = parseCsv(planCsv(index)).map((r) => r.cells);
    expect(rows.map((r) => r[1])).toEqual(["Configure", "Roles"]);
    expect(rows[1]?.[header?.indexOf("Subtask of") ?? -1]).toBe("Configure");
    expect(header).toContain("IPM");
  });
});
