import type { Milestone, Plan, ScheduleView, Task } from "@rollout/domain";
import { WorkingCalendar } from "@rollout/domain";
import { describe, expect, it } from "vitest";
import { dayNumber, isoOfDay } from "../calendarDays.ts";
import { buildGantt, linkPath, linksInView, MILESTONES_GROUP, ROW_HEIGHT } from "./ganttModel.ts";
import { headerBands, makeScale, xOf } from "./ganttScale.ts";
import { formChange, moveChange, resizeChange } from "./reschedule.ts";

function task(id: string, phaseId: string, sortOrder: number, extra: Partial<Task> = {}): Task {
  return {
    id,
    phaseId,
    parentId: null,
    title: `Task ${id}`,
    description: "",
    category: "configuration",
    status: "not_started",
    startDate: null,
    dueDate: null,
    duration: null,
    percentComplete: 0,
    estimateHours: null,
    actualHours: null,
    assigneeId: null,
    assigneeName: null,
    milestoneId: null,
    internalOnly: false,
    sortOrder,
    responsibilities: { ipm: null, pm: null, customer: null, vendor: null },
    violations: [],
    version: 1,
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
    ...extra,
  };
}

function sched(
  id: string,
  start: string,
  finish: string,
  critical = false,
  drivenBy: string | null = null,
) {
  return {
    id,
    earlyStart: start,
    earlyFinish: finish,
    lateStart: start,
    lateFinish: finish,
    totalFloat: critical ? 0 : 3,
    critical,
    drivenBy,
  };
}

const plan: Pick<Plan, "phases" | "tasks" | "dependencies"> = {
  phases: [
    { id: "p2", name: "Build", sortOrder: 2, version: 1 },
    { id: "p1", name: "Discover", sortOrder: 1, version: 1 },
  ],
  tasks: [
    task("b", "p1", 2),
    task("a", "p1", 1),
    task("a1", "p1", 1, { parentId: "a" }),
    task("c", "p2", 1),
  ],
  dependencies: [
    { id: "d1", predecessorId: "a", successorId: "b", type: "FS", lag: 0, version: 1 },
    { id: "d2", predecessorId: "b", successorId: "c", type: "SS", lag: 1, version: 1 },
  ],
};

const schedule: Pick<ScheduleView, "tasks" | "milestones"> = {
  tasks: [
    sched("a", "2026-03-02", "2026-03-03", true),
    sched("a1", "2026-03-02", "2026-03-02"),
    sched("b", "2026-03-04", "2026-03-06", true, "a"),
    // c is critical, but what drives its start is not the link from b.
    sched("c", "2026-03-05", "2026-03-10", true),
  ],
  milestones: [
    {
      id: "m1",
      name: "Go-live",
      forecastDate: "2026-03-10",
      actualDate: null,
      baselineDate: "2026-03-06",
    } as Milestone,
  ],
};

describe("the Gantt's rows", () => {
  it("lists milestones, then phases in order with tasks and their subtasks", () => {
    const model = buildGantt({
      plan,
      schedule,
      baseline: null,
      collapsed: new Set(),
      today: "2026-03-01",
    });
    expect(model.rows.map((r) => r.key)).toEqual([
      `g:${MILESTONES_GROUP}`,
      "m:m1",
      "g:p1",
      "t:a",
      "t:a1",
      "t:b",
      "g:p2",
      "t:c",
    ]);
    const a1 = model.rows[4];
    expect(a1?.kind === "task" && a1.depth).toBe(1);
    // Phase roll-up spans its tasks; critical when one of them is.
    const p1 = model.rows[2];
    expect(p1?.kind === "group" && p1.span).toEqual({
      start: dayNumber("2026-03-02"),
      end: dayNumber("2026-03-06") + 1,
    });
    expect(p1?.kind === "group" && p1.critical).toBe(true);
    // Links join row indices; both ends critical makes the link critical.
    expect(model.links).toEqual([
      { id: "d1", from: 3, to: 5, type: "FS", critical: true },
      { id: "d2", from: 5, to: 7, type: "SS", critical: false },
    ]);
    // The range covers today and the baseline tick.
    expect(model.range.start).toBe(dayNumber("2026-03-01"));
  });

  it("folds a phase: its tasks and their links leave the rows, the roll-up stays", () => {
    const model = buildGantt({
      plan,
      schedule,
      baseline: null,
      collapsed: new Set(["p1"]),
      today: "2026-03-01",
    });
    expect(model.rows.map((r) => r.key)).toEqual([
      `g:${MILESTONES_GROUP}`,
      "m:m1",
      "g:p1",
      "g:p2",
      "t:c",
    ]);
    expect(model.links).toEqual([]);
    const p1 = model.rows[2];
    expect(p1?.kind === "group" && p1.span !== null).toBe(true);
  });

  it("puts a chosen baseline's dates on tasks and milestones", () => {
    const model = buildGantt({
      plan,
      schedule,
      baseline: {
        tasks: new Map([["c", { start: "2026-02-23", due: "2026-02-24" }]]),
        milestones: new Map([["m1", "2026-02-27"]]),
      },
      collapsed: new Set(),
      today: "2026-03-01",
    });
    const c = model.rows.find((r) => r.key === "t:c");
    expect(c?.kind === "task" && c.baseline).toEqual({
      start: dayNumber("2026-02-23"),
      end: dayNumber("2026-02-24") + 1,
    });
    const m = model.rows.find((r) => r.key === "m:m1");
    expect(m?.kind === "milestone" && m.baselineDay).toBe(dayNumber("2026-02-27"));
    expect(model.range.start).toBe(dayNumber("2026-02-23"));
  });

  it("keeps only links that touch the rows in view", () => {
    const links = [
      { id: "1", from: 0, to: 2, type: "FS" as const, critical: false },
      { id: "2", from: 50, to: 60, type: "FS" as const, critical: false },
      { id: "3", from: 1, to: 90, type: "FS" as const, critical: false },
    ];
    expect(linksInView(links, 10, 40).map((l) => l.id)).toEqual(["3"]);
  });
});

describe("the time axis", () => {
  it("starts on a Monday for days and weeks and on the 1st for months", () => {
    const range = { start: dayNumber("2026-03-18"), end: dayNumber("2026-04-01") };
    const week = makeScale(range, "week");
    expect(new Date(week.from * 86_400_000).getUTCDay()).toBe(1);
    expect(isoOfDay(makeScale(range, "month").from)).toBe("2026-02-01");
    expect(xOf(week, week.from + 3)).toBe(27);
  });

  it("labels only the bands in view", () => {
    const scale = makeScale(
      { start: dayNumber("2026-03-02"), end: dayNumber("2026-12-01") },
      "week",
    );
    const bands = headerBands(scale, "week", 0, 300);
    expect(bands.bottom.every((b) => b.x + b.width >= 0 && b.x <= 300)).toBe(true);
    expect(bands.bottom.length).toBeLessThan(8);
    expect(bands.top.length).toBeGreaterThan(0);
  });

  it("draws finish-to-start down a gap when the successor starts before the predecessor ends", () => {
    const straight = linkPath("FS", { x0: 0, x1: 100, y: 15 }, { x0: 140, x1: 200, y: 45 });
    expect(straight).toBe("M100 15H108V45H140");
    const around = linkPath("FS", { x0: 0, x1: 100, y: 15 }, { x0: 60, x1: 200, y: 45 });
    expect(around).toBe(`M100 15H108V${45 - ROW_HEIGHT / 2}H52V45H60`);
  });
});

describe("rescheduling by drag", () => {
  const calendar = new WorkingCalendar("2026-03-02", ["2026-03-13"]);
  const t = task("x", "p1", 1, { startDate: "2026-03-02", dueDate: "2026-03-04", duration: 3 });
  const s = sched("x", "2026-03-02", "2026-03-04");

  it("moves the start to a working day in the drag's direction and keeps the duration", () => {
    // Monday + 5 days is Saturday: forward to Monday 9th.
    const change = moveChange(t, s, 5, calendar);
    expect(change?.newStart).toBe("2026-03-09");
    expect(change?.newFinish).toBe("2026-03-11");
    expect(change?.input).toEqual({ startDate: "2026-03-09", dueDate: "2026-03-11" });
    expect(moveChange(t, s, 0, calendar)).toBeNull();
  });

  it("skips holidays in the bar it draws", () => {
    // Thursday 12th + 3 working days, Friday 13th a holiday: finishes Tuesday 17th.
    const change = moveChange(t, s, 10, calendar);
    expect(change?.newStart).toBe("2026-03-12");
    expect(change?.newFinish).toBe("2026-03-17");
  });

  it("resizes from the right edge, never below one day", () => {
    const longer = resizeChange(t, s, 2, calendar);
    expect(longer?.newFinish).toBe("2026-03-06");
    expect(longer?.input).toEqual({ startDate: "2026-03-02", dueDate: "2026-03-06" });
    const shortest = resizeChange(t, s, -20, calendar);
    expect(shortest?.newFinish).toBe("2026-03-02");
    expect(shortest?.input.dueDate).toBe("2026-03-02");
  });

  it("takes start and duration from the keyboard form", () => {
    const change = formChange(t, "2026-03-07", 2, calendar);
    expect(change.newStart).toBe("2026-03-09");
    expect(change.newFinish).toBe("2026-03-10");
  });
});
