import { describe, expect, it } from "vitest";
import { defaultPlaybook } from "../../plan/playbook.ts";
import { raciViolations } from "../../plan/raci.ts";
import { templateBody } from "../../schemas/templates.ts";
import { earliestStart, expandTemplate, templateFromPlan } from "../expand.ts";
import { templateProblems, templateResponsibilities } from "../validate.ts";
import { builtInTemplate, builtInTemplates } from "./index.ts";

describe.each(builtInTemplates.map((t) => [t.name, t] as const))("built-in: %s", (_name, t) => {
  const { body } = t;

  it("passes the validator and the schema", () => {
    expect(templateProblems(body)).toEqual([]);
    expect(templateBody.safeParse(body).success).toBe(true);
  });

  it("has exactly one accountable and at least one responsible party on every task", () => {
    const broken = body.tasks
      .map((task) => ({
        title: task.title,
        violations: raciViolations(templateResponsibilities(task.raci)),
      }))
      .filter((x) => x.violations.length > 0);
    expect(broken).toEqual([]);
  });

  it("splits IPM and PM as the playbook does for each category (customer and vendor aside)", () => {
    // Who is accountable never differs from the playbook. A PM the playbook consults or informs
    // may be either (the playbook's own "C or I"); the IPM's A/R becomes A only when the vendor
    // does the work.
    const passive = (v: string | null | undefined) => v === "C" || v === "I";
    for (const task of body.tasks) {
      const play = defaultPlaybook[task.category];
      const pmFits = task.raci.pm === play.pm || (passive(play.pm) && passive(task.raci.pm));
      expect(pmFits, `${task.title}: PM letter ${task.raci.pm}`).toBe(true);
      const ipm = task.raci.ipm;
      const handedOver = ipm === "A" && play.ipm === "AR" && task.raci.vendor === "R";
      expect(handedOver || ipm === play.ipm, `${task.title}: IPM letter`).toBe(true);
    }
  });

  it("is a realistic size with a go-live gate, hypercare and gates with concrete criteria", () => {
    expect(body.tasks.length).toBeGreaterThanOrEqual(35);
    expect(body.tasks.length).toBeLessThanOrEqual(70);
    const goLive = body.milestones.filter((m) => m.isGoLive);
    expect(goLive).toHaveLength(1);
    expect(goLive[0]?.isGate).toBe(true);
    for (const gate of body.milestones.filter((m) => m.isGate)) {
      expect(gate.criteria.length, gate.name).toBeGreaterThanOrEqual(3);
    }
    expect(body.tasks.some((task) => task.category === "hypercare")).toBe(true);
    // Hypercare comes after go-live.
    const liveDay = goLive[0]?.offset ?? 0;
    const hypercare = body.tasks.filter(
      (task) => task.category === "hypercare" && task.startOffset > liveDay,
    );
    expect(hypercare.length).toBeGreaterThan(0);
    // Every phase holds work; most tasks say what they wait for.
    for (const phase of body.phases) {
      expect(
        body.tasks.some((task) => task.phaseKey === phase.key),
        phase.name,
      ).toBe(true);
    }
    const linked = new Set(body.dependencies.map((d) => d.successorKey));
    expect(linked.size / body.tasks.length).toBeGreaterThan(0.8);
  });

  it("has dates that honour every dependency", () => {
    const byKey = new Map(body.tasks.map((task) => [task.key, task]));
    for (const d of body.dependencies) {
      const pred = byKey.get(d.predecessorKey);
      const succ = byKey.get(d.successorKey);
      if (!pred || !succ) throw new Error("dangling link");
      const earliest = earliestStart(d.type, pred.startOffset, pred.duration, succ.duration, d.lag);
      expect(succ.startOffset, `${pred.title} → ${succ.title}`).toBeGreaterThanOrEqual(earliest);
    }
  });

  it("places each milestone on the last due day of its tasks", () => {
    for (const m of body.milestones) {
      const ends = body.tasks
        .filter((task) => task.milestoneKey === m.key)
        .map((task) => task.startOffset + task.duration - 1);
      expect(m.offset, m.name).toBe(Math.max(...ends));
    }
  });

  it("round-trips through a calendar with holidays", () => {
    const options = {
      startDate: "2026-11-02",
      holidays: ["2026-12-25", "2026-12-28", "2027-01-01"],
    };
    expect(templateFromPlan(expandTemplate(body, options), options)).toEqual(body);
  });

  it("is found by its id", () => {
    expect(t.id.startsWith("builtin:")).toBe(true);
    expect(builtInTemplate(t.id)).toBe(t);
  });
});

describe("the built-ins together", () => {
  it("are the SaaS, ERP and hardware rollouts, with the right kinds", () => {
    expect(builtInTemplates.map((t) => [t.id, t.kind])).toEqual([
      ["builtin:saas-rollout", "software"],
      ["builtin:erp-implementation", "software"],
      ["builtin:hardware-deployment", "hardware"],
    ]);
    expect(builtInTemplate("builtin:nothing")).toBeNull();
  });

  it("cover the ERP's data migration and the hardware rollout's sites", () => {
    const titles = (id: string) =>
      builtInTemplate(id)?.body.tasks.map((t) => t.title.toLowerCase()) ?? [];
    const erp = titles("builtin:erp-implementation");
    for (const word of ["mock load 1", "mock load 2", "mock load 3", "reconcile", "rehearsal"]) {
      expect(
        erp.some((t) => t.includes(word)),
        word,
      ).toBe(true);
    }
    const hardware = titles("builtin:hardware-deployment");
    for (const word of [
      "site surveys",
      "lead time",
      "pilot",
      "wave 1",
      "asset tagging",
      "recycle",
    ]) {
      expect(
        hardware.some((t) => t.includes(word)),
        word,
      ).toBe(true);
    }
  });
});
