import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DependencyType } from "../plan/enums.ts";
import { WorkingCalendar } from "./calendar.ts";
import {
  computeSchedule,
  drivingChain,
  ScheduleCycleError,
  type ScheduleLink,
  type ScheduleTask,
} from "./cpm.ts";

// Mon 4 Jan 2027 is day 0.
const start = "2027-01-04";
const t = (id: string, duration: number, extra: Partial<ScheduleTask> = {}): ScheduleTask => ({
  id,
  duration,
  startDate: null,
  dueDate: null,
  pinned: false,
  ...extra,
});
const link = (p: string, s: string, type: DependencyType = "FS", lag = 0): ScheduleLink => ({
  predecessorId: p,
  successorId: s,
  type,
  lag,
});

describe("working calendar", () => {
  it("numbers working days across weekends and holidays", () => {
    const cal = new WorkingCalendar("2027-01-02", ["2027-01-06"]); // Sat origin, Wed holiday
    expect(cal.dateOf(0)).toBe("2027-01-04");
    expect(cal.dateOf(2)).toBe("2027-01-07"); // Mon, Tue, (Wed off), Thu
    expect(cal.dateOf(4)).toBe("2027-01-11");
    expect(cal.dayOf("2027-01-06")).toBe(2); // a holiday counts as the next working day
    expect(cal.dayOf("2027-01-06", -1)).toBe(1);
    expect(cal.dateOf(-1)).toBe("2027-01-01");
    expect(cal.between("2027-01-04", "2027-01-11")).toBe(4);
  });
});

describe("critical path, hand-worked", () => {
  it("finish-to-start chain with a parallel branch that has float", () => {
    // A(3) → B(2) → D(1); A → C(1) → D. C has 1 day of float.
    const s = computeSchedule(
      [t("A", 3), t("B", 2), t("C", 1), t("D", 1)],
      [link("A", "B"), link("B", "D"), link("A", "C"), link("C", "D")],
      { projectStart: start },
    );
    expect(s.tasks.get("A")).toMatchObject({
      earlyStart: "2027-01-04",
      earlyFinish: "2027-01-06",
      critical: true,
    });
    expect(s.tasks.get("B")).toMatchObject({
      earlyStart: "2027-01-07",
      earlyFinish: "2027-01-08",
      totalFloat: 0,
    });
    expect(s.tasks.get("C")).toMatchObject({
      earlyStart: "2027-01-07",
      totalFloat: 1,
      critical: false,
      lateStart: "2027-01-08",
    });
    expect(s.tasks.get("D")).toMatchObject({ earlyStart: "2027-01-11", earlyFinish: "2027-01-11" });
    expect(s.finish).toBe("2027-01-11");
    expect(drivingChain(s, "D")).toEqual(["A", "B", "D"]);
  });

  it.each([
    // type, lag, successor (2 days) early start, given predecessor of 3 days from Mon 4 Jan
    ["FS", 0, "2027-01-07"], // starts after A finishes Wed
    ["FS", 2, "2027-01-11"], // two days' lag: Thu, Fri skipped
    ["FS", -1, "2027-01-06"], // a one-day lead
    ["SS", 1, "2027-01-05"], // starts a day after A starts
    ["FF", 0, "2027-01-05"], // finishes with A on Wed: starts Tue
    ["FF", 2, "2027-01-07"], // finishes two days after A: Fri, starts Thu
    ["SF", 3, "2027-01-05"], // finishes no earlier than A's start + 3 (Thu 7 → ends Wed 6): starts Tue
  ] as const)("%s with lag %i starts the successor on %s", (type, lag, expected) => {
    const s = computeSchedule([t("A", 3), t("B", 2)], [link("A", "B", type, lag)], {
      projectStart: start,
    });
    expect(s.tasks.get("B")?.earlyStart).toBe(expected);
  });

  it("treats a planned start as start-no-earlier-than, and pins started tasks", () => {
    const s = computeSchedule(
      [
        t("A", 2),
        t("B", 1, { startDate: "2027-01-13" }),
        t("C", 2, { startDate: "2027-01-04", dueDate: "2027-01-08", pinned: true }),
      ],
      [link("A", "B"), link("A", "C")],
      { projectStart: start },
    );
    expect(s.tasks.get("B")?.earlyStart).toBe("2027-01-13");
    // C started on day 0 despite its predecessor: it keeps its dates (5 days) and is late.
    expect(s.tasks.get("C")).toMatchObject({ earlyStart: "2027-01-04", earlyFinish: "2027-01-08" });
  });

  it("refuses a loop, naming the tasks on it", () => {
    expect(() =>
      computeSchedule([t("A", 1), t("B", 1)], [link("A", "B"), link("B", "A")], {
        projectStart: start,
      }),
    ).toThrow(ScheduleCycleError);
  });

  it("skips holidays", () => {
    const s = computeSchedule([t("A", 3)], [], { projectStart: start, holidays: ["2027-01-05"] });
    expect(s.tasks.get("A")).toMatchObject({ earlyStart: "2027-01-04", earlyFinish: "2027-01-07" });
  });
});

describe("critical path, properties on random graphs", () => {
  const types: DependencyType[] = ["FS", "SS", "FF", "SF"];
  const graph = fc.integer({ min: 1, max: 2000 }).chain((n) =>
    fc.record({
      durations: fc.array(fc.integer({ min: 1, max: 15 }), { minLength: n, maxLength: n }),
      links: fc.array(
        fc.record({
          a: fc.integer({ min: 0, max: n - 1 }),
          b: fc.integer({ min: 0, max: n - 1 }),
          type: fc.constantFrom(...types),
          lag: fc.integer({ min: -3, max: 5 }),
        }),
        { maxLength: Math.min(3000, n * 2) },
      ),
    }),
  );

  it("respects every link, keeps float ≥ 0, and a critical chain runs to the finish", () => {
    fc.assert(
      fc.property(graph, ({ durations, links }) => {
        const tasks = durations.map((d, i) => t(`t${i}`, d));
        const seen = new Set<string>();
        const edges = links
          .filter((l) => l.a < l.b)
          .filter((l) => !seen.has(`${l.a}-${l.b}`) && seen.add(`${l.a}-${l.b}`))
          .map((l) => link(`t${l.a}`, `t${l.b}`, l.type, l.lag));
        const s = computeSchedule(tasks, edges, { projectStart: start });
        const cal = new WorkingCalendar(start);
        const day = (id: string) => {
          const x = s.tasks.get(id)!;
          return { es: cal.dayOf(x.earlyStart), ef: cal.dayOf(x.earlyFinish) + 1 };
        };
        for (const e of edges) {
          const p = day(e.predecessorId);
          const q = day(e.successorId);
          const bound = { FS: [q.es, p.ef], SS: [q.es, p.es], FF: [q.ef, p.ef], SF: [q.ef, p.es] }[
            e.type
          ];
          expect(bound[0]! >= bound[1]! + e.lag).toBe(true);
        }
        for (const x of s.tasks.values()) {
          expect(x.totalFloat).toBeGreaterThanOrEqual(0);
          expect(x.earlyStart >= start).toBe(true);
        }
        // Follow the drivers back from a task that finishes last: every step is critical.
        const last = [...s.tasks.values()].find((x) => x.earlyFinish === s.finish)!;
        expect(last.critical).toBe(true);
        for (const id of drivingChain(s, last.id)) expect(s.tasks.get(id)?.critical).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
