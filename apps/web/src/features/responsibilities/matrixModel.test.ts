import { csvCell } from "@rollout/domain";
import { describe, expect, it } from "vitest";
import { indexPlan } from "../plan/planModel.ts";
import { phase, plan, task } from "../plan/testTasks.ts";
import { groupHandOffs, handOffs, matrixCsv, summarise } from "./matrixModel.ts";

const sample = indexPlan(
  plan(
    [phase("p1", 1, "Discovery"), phase("p2", 2, "Build")],
    [
      task("a", {
        phaseId: "p1",
        title: "Kick-off",
        category: "planning",
        responsibilities: { ipm: "R", pm: "A", customer: null, vendor: null },
      }),
      task("b", {
        phaseId: "p2",
        title: "=cmd|' /C calc'!A0",
        responsibilities: { ipm: "AR", pm: "C", customer: null, vendor: null },
      }),
      task("c", {
        phaseId: "p2",
        sortOrder: 2,
        title: 'Say "hello", world',
        responsibilities: { ipm: "A", pm: "A", customer: null, vendor: null },
      }),
    ],
  ),
);

describe("matrix summary", () => {
  it("counts A (A, A/R) and R (R, A/R) per party and phase", () => {
    const { phases, total } = summarise(sample);
    expect(phases[0]?.byParty.pm).toEqual({ accountable: 1, responsible: 0 });
    expect(phases[1]?.byParty.ipm).toEqual({ accountable: 2, responsible: 1 });
    expect(total.byParty.ipm).toEqual({ accountable: 2, responsible: 2 });
    expect(total.violations).toBe(1);
    expect(total.taskCount).toBe(3);
  });

  it("lists hand-offs: one party A, another R", () => {
    const list = handOffs(sample);
    expect(list.map((h) => h.task.id)).toEqual(["a"]);
    expect(groupHandOffs(list)[0]?.label).toBe("PM accountable, IPM responsible");
  });
});

describe("matrix CSV", () => {
  it("quotes what needs it and never lets a cell run as a formula", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("-5")).toBe("'-5");
  });

  it("has a header row and one row per task in plan order", () => {
    const lines = matrixCsv(sample).trimEnd().split("\r\n");
    expect(lines[0]).toBe("Phase,Task,Category,IPM,PM,Customer,Vendor,Violations");
    expect(lines[1]).toBe("Discovery,Kick-off,Planning,R,A,,,");
    expect(lines[2]).toBe("Build,'=cmd|' /C calc'!A0,Configuration,A/R,C,,,");
    expect(lines[3]).toBe(
      'Build,"Say ""hello"", world",Configuration,A,A,,,Only one party may be accountable; IPM and PM are; Nobody is responsible (R)',
    );
    expect(lines).toHaveLength(4);
  });
});
