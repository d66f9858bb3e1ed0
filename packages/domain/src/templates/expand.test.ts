import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expandTemplate, type PlanSource, phaseSpans, templateFromPlan } from "./expand.ts";
import type { TemplateBody, TemplateTask } from "./model.ts";

function task(
  key: string,
  startOffset: number,
  duration: number,
  extra: Partial<TemplateTask> = {},
) {
  return {
    key,
    phaseKey: "build",
    parentKey: null,
    title: `Task ${key}`,
    description: "",
    category: "configuration" as const,
    startOffset,
    duration,
    estimateHours: null,
    internalOnly: false,
    milestoneKey: null,
    raci: { ipm: "AR" as const, pm: "C" as const },
    ...extra,
  } satisfies TemplateTask;
}

function body(tasks: TemplateTask[], extra: Partial<TemplateBody> = {}): TemplateBody {
  return {
    phases: [{ key: "build", name: "Build" }],
    milestones: [],
    tasks,
    dependencies: [],
    ...extra,
  };
}

const datesOf = (plan: ReturnType<typeof expandTemplate>) =>
  Object.fromEntries(plan.tasks.map((t) => [t.key, [t.startDate, t.dueDate]]));

describe("expanding a template onto the calendar", () => {
  it("starts on the first working day when the start date is a Saturday", () => {
    // 7 March 2026 is a Saturday: day 0 is Monday 9 March.
    const plan = expandTemplate(
      body([task("a", 0, 1), task("b", 4, 2), task("c", 5, 5)], {
        milestones: [
          { key: "m", name: "M", offset: 5, isGate: false, isGoLive: false, criteria: [] },
        ],
      }),
      { startDate: "2026-03-07" },
    );
    expect(plan.dayZero).toBe("2026-03-09");
    expect(datesOf(plan)).toEqual({
      a: ["2026-03-09", "2026-03-09"],
      // Friday, then over the weekend to Monday.
      b: ["2026-03-13", "2026-03-16"],
      c: ["2026-03-16", "2026-03-20"],
    });
    expect(plan.milestones[0]?.baselineDate).toBe("2026-03-16");
    expect(plan.finish).toBe("2026-03-20");
  });

  it("skips a holiday inside a task: its due date moves one working day later", () => {
    const plan = expandTemplate(body([task("a", 0, 5), task("b", 2, 1)]), {
      startDate: "2026-03-09",
      holidays: ["2026-03-11"],
    });
    // Mon 9, Tue 10, (Wed 11 off), Thu 12, Fri 13, Mon 16.
    expect(datesOf(plan)).toEqual({
      a: ["2026-03-09", "2026-03-16"],
      b: ["2026-03-12", "2026-03-12"],
    });
  });

  it("carries offsets across a holiday week and the weekends around it", () => {
    const holidays = [
      "2026-12-24",
      "2026-12-25",
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
    ];
    const plan = expandTemplate(
      body([task("before", 7, 1), task("across", 7, 2), task("after", 8, 3)], {
        milestones: [
          { key: "live", name: "Go-live", offset: 9, isGate: true, isGoLive: true, criteria: [] },
        ],
      }),
      { startDate: "2026-12-14", holidays },
    );
    expect(datesOf(plan)).toEqual({
      before: ["2026-12-23", "2026-12-23"],
      across: ["2026-12-23", "2027-01-04"],
      after: ["2027-01-04", "2027-01-06"],
    });
    expect(plan.goLive).toBe("2027-01-05");
  });

  it("treats a holiday on the start date like a weekend: day 0 is the next working day", () => {
    const plan = expandTemplate(body([task("a", 0, 1)]), {
      startDate: "2026-05-01",
      holidays: ["2026-05-01", "2026-05-04"],
    });
    // Friday 1 May (holiday), the weekend, Monday 4 (holiday): Tuesday 5 May.
    expect(plan.dayZero).toBe("2026-05-05");
    expect(datesOf(plan).a).toEqual(["2026-05-05", "2026-05-05"]);
  });

  it("has no go-live without a go-live milestone, and spans each phase's tasks", () => {
    const plan = expandTemplate(
      body([task("a", 0, 3), task("b", 3, 2, { phaseKey: "test" })], {
        phases: [
          { key: "build", name: "Build" },
          { key: "test", name: "Test" },
          { key: "empty", name: "Empty" },
        ],
      }),
      { startDate: "2026-03-02" },
    );
    expect(plan.goLive).toBeNull();
    expect(phaseSpans(plan)).toEqual([
      { key: "build", name: "Build", tasks: 1, start: "2026-03-02", end: "2026-03-04" },
      { key: "test", name: "Test", tasks: 1, start: "2026-03-05", end: "2026-03-06" },
      { key: "empty", name: "Empty", tasks: 0, start: null, end: null },
    ]);
  });
});

describe("a template from a plan", () => {
  it("round-trips: body → expand → templateFromPlan gives the same body", () => {
    const original = body(
      [
        task("a", 0, 3, { milestoneKey: "g", estimateHours: 12, internalOnly: true }),
        task("b", 3, 4, { raci: { ipm: "R", pm: "A", customer: "C" } }),
        task("c", 2, 1, { parentKey: "b", description: "Sub" }),
        task("d", 9, 2, { category: "cutover", milestoneKey: "g" }),
      ],
      {
        milestones: [
          {
            key: "g",
            name: "Go-live",
            offset: 10,
            isGate: true,
            isGoLive: true,
            criteria: ["UAT signed", "Data reconciled"],
          },
        ],
        dependencies: [
          { predecessorKey: "a", successorKey: "b", type: "FS", lag: 0 },
          { predecessorKey: "b", successorKey: "d", type: "SS", lag: 2 },
        ],
      },
    );
    const holidays = ["2026-03-11", "2026-03-20"];
    const expanded = expandTemplate(original, { startDate: "2026-03-07", holidays });
    expect(templateFromPlan(expanded, { startDate: "2026-03-07", holidays })).toEqual(original);
  });

  it("round-trips any offsets, durations, start date and holidays (property)", () => {
    const day = fc.integer({ min: 0, max: 400 }).map((n) => {
      const d = new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
      return d.toISOString().slice(0, 10);
    });
    fc.assert(
      fc.property(
        day,
        fc.array(day, { maxLength: 30 }),
        fc.array(fc.record({ s: fc.nat(120), d: fc.integer({ min: 1, max: 30 }) }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.nat(150),
        (startDate, holidays, rows, milestoneOffset) => {
          const original = body(
            rows.map((r, i) => task(`t${i}`, r.s, r.d)),
            {
              milestones: [
                {
                  key: "m",
                  name: "M",
                  offset: milestoneOffset,
                  isGate: false,
                  isGoLive: false,
                  criteria: [],
                },
              ],
            },
          );
          const expanded = expandTemplate(original, { startDate, holidays });
          expect(templateFromPlan(expanded, { startDate, holidays })).toEqual(original);
        },
      ),
      { numRuns: 200 },
    );
  });

  function source(tasks: PlanSource["tasks"], extra: Partial<PlanSource> = {}): PlanSource {
    return {
      phases: [{ key: "build", name: "Build" }],
      milestones: [],
      tasks,
      dependencies: [],
      ...extra,
    };
  }
  const planTask = (
    key: string,
    dates: { startDate?: string; dueDate?: string; duration?: number | null },
    extra: Partial<PlanSource["tasks"][number]> = {},
  ): PlanSource["tasks"][number] => ({
    key,
    phaseKey: "build",
    parentKey: null,
    title: key,
    description: "",
    category: "testing",
    startDate: dates.startDate ?? null,
    dueDate: dates.dueDate ?? null,
    duration: dates.duration ?? null,
    estimateHours: null,
    internalOnly: false,
    milestoneKey: null,
    raci: { ipm: "AR", pm: null, customer: null, vendor: null },
    ...extra,
  });

  it("places undated tasks after their predecessors, and at day 0 when nothing precedes them", () => {
    const result = templateFromPlan(
      source(
        [
          planTask("dated", { startDate: "2026-03-02", dueDate: "2026-03-06", duration: 5 }),
          planTask("next", { duration: 3 }),
          planTask("alongside", {}),
          planTask("finishTogether", { duration: 2 }),
          planTask("alone", {}),
        ],
        {
          dependencies: [
            { predecessorKey: "next", successorKey: "finishTogether", type: "FF", lag: 0 },
            { predecessorKey: "dated", successorKey: "next", type: "FS", lag: 1 },
            { predecessorKey: "dated", successorKey: "alongside", type: "SS", lag: 2 },
          ],
        },
      ),
      { startDate: "2026-03-02" },
    );
    const offsets = Object.fromEntries(
      result.tasks.map((t) => [t.key, [t.startOffset, t.duration]]),
    );
    expect(offsets).toEqual({
      dated: [0, 5],
      next: [6, 3], // after the 5 days of `dated` and one day of lag
      alongside: [2, 1], // no duration: one working day
      finishTogether: [7, 2], // finishes with `next` on day 8
      alone: [0, 1],
    });
    expect(result.tasks[0]?.raci).toEqual({ ipm: "AR" });
  });

  it("derives offsets from a due date alone, clamps what starts before the project, and places milestones", () => {
    const result = templateFromPlan(
      source(
        [
          // Due Friday 13 March with 3 days: starts Wednesday 11, day 7 from Monday 2 March.
          planTask("dueOnly", { dueDate: "2026-03-13", duration: 3 }, { milestoneKey: "m" }),
          planTask("early", { startDate: "2026-02-20", dueDate: "2026-03-03" }),
          planTask("weekend", { startDate: "2026-03-07", duration: 2 }),
        ],
        {
          milestones: [
            {
              key: "m",
              name: "Undated",
              baselineDate: null,
              isGate: false,
              isGoLive: false,
              criteria: ["x"],
            },
            {
              key: "live",
              name: "Live",
              baselineDate: "2026-03-16",
              isGate: false,
              isGoLive: true,
              criteria: ["Signed"],
            },
          ],
        },
      ),
      { startDate: "2026-03-02" },
    );
    const offsets = Object.fromEntries(
      result.tasks.map((t) => [t.key, [t.startOffset, t.duration]]),
    );
    expect(offsets).toEqual({ dueOnly: [7, 3], early: [0, 8], weekend: [5, 2] });
    expect(result.milestones).toEqual([
      // The last due day of its task; criteria only on gates.
      { key: "m", name: "Undated", offset: 9, isGate: false, isGoLive: false, criteria: [] },
      // A go-live is always a gate.
      { key: "live", name: "Live", offset: 10, isGate: true, isGoLive: true, criteria: ["Signed"] },
    ]);
  });
});
