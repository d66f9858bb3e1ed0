import { addDays, todayUtc } from "@rollout/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { createWorld, type World } from "../testing/index.ts";

let world: World;
beforeEach(() => {
  world = createWorld();
});
const pid = () => ({ projectId: world.projectId });
const today = todayUtc();

async function item(role: Parameters<World["as"]>[0] = "pm") {
  const d = await world.as(role).dashboard.portfolio({});
  const found = d.items.find((i) => i.id === world.projectId);
  if (!found) throw new Error("project missing from the portfolio");
  return { item: found, summary: d.summary, items: d.items };
}

describe("portfolio dashboard", () => {
  it("computes health from the rules, with reasons, and follows changes at once", async () => {
    // The world's risk R-1 scores 20 (P4 × I5): risk is red whatever its mitigation.
    let { item: p } = await item();
    expect(p.health.dimensions.risk).toEqual({
      rag: "red",
      reasons: ['Risk R-1 "Key users unavailable for UAT" scores 20 with no mitigation'],
    });
    expect(p.health.overall).toBe("red");
    const pm = world.as("pm");
    await pm.raid.update({
      ...pid(),
      itemId: world.register.riskId,
      version: 1,
      changes: { impact: 4, mitigation: "" },
    });
    ({ item: p } = await item());
    expect(p.health.dimensions.risk).toEqual({
      rag: "amber",
      reasons: ['Risk R-1 "Key users unavailable for UAT" scores 16 with no mitigation'],
    });
    await pm.raid.update({
      ...pid(),
      itemId: world.register.riskId,
      version: 2,
      changes: { mitigation: "Named UAT slots agreed" },
    });
    ({ item: p } = await item());
    expect(p.health.dimensions.risk.rag).toBe("green");
  });

  it("follows the organisation's own health thresholds", async () => {
    const owner = world.as("orgOwner");
    const org = await owner.org.get();
    expect(org.healthThresholds.riskRedScore).toBe(20);
    await owner.org.setHealthThresholds({
      ...org.healthThresholds,
      riskAmberScore: 20,
      riskRedScore: 25,
      version: org.version,
    });
    const { item: p } = await item();
    expect(p.health.dimensions.risk).toEqual({
      rag: "amber",
      reasons: ['Risk R-1 "Key users unavailable for UAT" scores 20 with no mitigation'],
    });
    const bad = await owner.org
      .setHealthThresholds({ ...org.healthThresholds, slipRedDays: 2, version: org.version + 1 })
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("turns schedule amber when a milestone's forecast slips past its baseline", async () => {
    const ipm = world.as("ipm");
    const { id: milestoneId } = await ipm.schedule.milestone.create({
      ...pid(),
      name: "Data loaded",
      baselineDate: addDays(today, 20),
    });
    await ipm.schedule.milestone.update({
      ...pid(),
      milestoneId,
      version: 1,
      changes: { forecastOverride: { date: addDays(today, 31), reason: "Vendor late" } },
    });
    const { item: p, summary } = await item();
    expect(p.health.dimensions.schedule.rag).not.toBe("green");
    expect(p.health.dimensions.schedule.reasons.join(" ")).toMatch(
      /Data loaded forecast \d+ working days after baseline/,
    );
    expect(summary.slipping).toBe(1);
  });

  it("shows a PM override beside the computed colour until it expires", async () => {
    const project = await world.as("pm").project.get(pid());
    await world.as("pm").project.overrideHealth({
      ...pid(),
      version: project.version,
      override: { rag: "green", reason: "Recovery plan agreed", expiresOn: addDays(today, 7) },
    });
    const { item: p } = await item();
    expect(p.health).toMatchObject({
      overall: "green",
      computed: "red",
      override: { rag: "green", reason: "Recovery plan agreed", active: true },
    });
    await world.as("pm").project.overrideHealth({
      ...pid(),
      version: project.version + 1,
      override: { rag: "green", reason: "Old news", expiresOn: addDays(today, -1) },
    });
    const { item: expired } = await item();
    expect(expired.health).toMatchObject({ overall: "red", override: { active: false } });
  });

  it("lists only the caller's projects, and names no internal-only risk to a stakeholder", async () => {
    await world.as("pm").raid.update({
      ...pid(),
      itemId: world.register.internalRiskId,
      version: 1,
      changes: { probability: 5, impact: 5 },
    });
    const team = await item("pm");
    expect(team.item.health.dimensions.risk.reasons.join(" ")).toContain("Partner margin squeezed");
    const outside = await item("stakeholder");
    expect(outside.item.health.dimensions.risk.rag).toBe("red");
    expect(JSON.stringify(outside.items)).not.toContain("Partner margin squeezed");
    expect(outside.item.health.dimensions.risk.reasons).toContain(
      "An internal risk scores 25 with no mitigation",
    );
    const other = await world.as("otherOrg").dashboard.portfolio({});
    expect(other.items.map((i) => i.id)).toEqual([world.otherProjectId]);
    expect((await world.as("orgMember").dashboard.portfolio({})).items).toEqual([]);
  });

  it("answers from memory until anything in the organisation changes, then at once", async () => {
    const owner = world.as("orgOwner");
    const first = await owner.dashboard.portfolio({});
    expect(await owner.dashboard.portfolio({})).toEqual(first);
    // A project created elsewhere in the organisation is on the next read.
    const created = await owner.project.create({
      key: "NEW-1",
      name: "Fresh rollout",
      customer: "",
      kind: "software",
      stage: "initiation",
      status: "active",
      startDate: today,
      targetGoLive: addDays(today, 90),
      actualGoLive: null,
      plannedBudget: 0,
      actualCost: 0,
      currency: "EUR",
      objectives: "",
    });
    const after = await owner.dashboard.portfolio({});
    expect(after.items.map((i) => i.id)).toContain(created.id);
    expect(after.items).toHaveLength(first.items.length + 1);
  });

  it("counts progress, overdue tasks and days to go-live", async () => {
    const { item: p } = await item();
    expect(p.progress).toBe(0);
    expect(p.openHighRisks).toBe(1);
    expect(p.nextMilestone?.name).toBe("Go-live");
    expect(typeof p.daysToGoLive).toBe("number");
  });
});

describe("project dashboard", () => {
  it("splits open work by the party responsible, and hides internal work from stakeholders", async () => {
    const ipm = world.as("ipm");
    await ipm.plan.task.update({
      ...pid(),
      taskId: world.plan.tasks.assigned,
      version: 1,
      changes: { startDate: addDays(today, -6), dueDate: addDays(today, -2), percentComplete: 50 },
    });
    await ipm.plan.task.update({
      ...pid(),
      taskId: world.plan.tasks.internal,
      version: 1,
      changes: { startDate: addDays(today, 1), dueDate: addDays(today, 3) },
    });
    const team = await world.as("pm").dashboard.project(pid());
    expect(team.tasksByRole.ipm.overdue.map((t) => t.title)).toEqual(["Configure pipelines"]);
    expect(team.tasksByRole.ipm.upcoming.map((t) => t.title)).toEqual(["Vendor margin review"]);
    expect(team.tasksByRole.pm.overdueCount).toBe(0);
    expect(team.overdueTasks).toBe(1);
    expect(team.stakeholders?.map((s) => s.name)).toEqual(["Sam Sponsor"]);
    expect(team.milestones.map((m) => m.name)).toEqual(["Go-live"]);
    const outside = await world.as("stakeholder").dashboard.project(pid());
    expect(outside.tasksByRole.ipm.upcoming).toEqual([]);
    expect(outside.stakeholders).toBeNull();
    expect(JSON.stringify(outside)).not.toContain("Vendor margin review");
    expect(JSON.stringify(outside)).not.toContain("Partner margin squeezed");
  });

  it("keeps its plan figures across changes off the plan, and follows every change", async () => {
    const pm = world.as("pm");
    const first = await pm.dashboard.project(pid());
    expect(first.health.dimensions.risk.rag).toBe("red");
    // A risk re-rated: the plan part is kept, the risk figures follow.
    await pm.raid.update({
      ...pid(),
      itemId: world.register.riskId,
      version: 1,
      changes: { impact: 3, mitigation: "Named UAT slots agreed" },
    });
    const second = await pm.dashboard.project(pid());
    expect(second.health.dimensions.risk.rag).not.toBe("red");
    expect(second.tasksByRole).toEqual(first.tasksByRole);
    expect(second.burnUp).toEqual(first.burnUp);
    // A stakeholder moved on the grid: the thumbnail follows.
    await pm.stakeholder.update({
      ...pid(),
      stakeholderId: world.register.stakeholderId,
      version: 1,
      changes: { power: 1, interest: 1 },
    });
    const third = await pm.dashboard.project(pid());
    expect(third.stakeholders?.[0]).toMatchObject({ power: 1, interest: 1 });
    // A task made overdue: the plan part is computed again.
    await world.as("ipm").plan.task.update({
      ...pid(),
      taskId: world.plan.tasks.assigned,
      version: 1,
      changes: { startDate: addDays(today, -6), dueDate: addDays(today, -2) },
    });
    const fourth = await pm.dashboard.project(pid());
    expect(fourth.tasksByRole.ipm.overdue.map((t) => t.title)).toEqual(["Configure pipelines"]);
    expect(fourth.overdueTasks).toBe(first.overdueTasks + 1);
  });

  it("records progress each day it is read and draws it against the plan", async () => {
    const first = await world.as("pm").dashboard.project(pid());
    const point = first.burnUp.find((p) => p.date === today);
    expect(point).toMatchObject({ actual: first.progress });
    expect(first.burnUp.filter((p) => p.date > today).every((p) => p.actual === null)).toBe(true);
    const dates = first.burnUp.map((p) => p.date);
    expect([...dates].sort()).toEqual(dates);
    await world.as("ipm").plan.task.update({
      ...pid(),
      taskId: world.plan.tasks.open,
      version: 1,
      changes: { status: "done" },
    });
    const second = await world.as("pm").dashboard.project(pid());
    expect(second.progress).toBeGreaterThan(first.progress);
    expect(second.burnUp.find((p) => p.date === today)?.actual).toBe(second.progress);
  });
});
