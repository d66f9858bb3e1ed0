import { auditLog, count, raidItem, raidScore, seedDemo } from "@rollout/db";
import { createTestDb } from "@rollout/db/testing";
import { raidItemsToCsv } from "@rollout/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { contextFor, createWorld, errorOf, type World } from "../testing/index.ts";
import { createCallerFactory } from "../trpc.ts";
import { appRouter } from "./index.ts";

let world: World;
beforeEach(() => {
  world = createWorld();
});
const pid = () => ({ projectId: world.projectId });
const audits = () => world.db.select({ n: count() }).from(auditLog).get()?.n ?? 0;
const items = () => world.db.select({ n: count() }).from(raidItem).get()?.n ?? 0;

describe("RAID items", () => {
  it("scores a new risk as P × I, bands it, numbers it per kind and keeps its first score", async () => {
    const ipm = world.as("ipm");
    const created = await ipm.raid.create({
      ...pid(),
      kind: "risk",
      title: "Cut-over weekend overruns",
      probability: 3,
      impact: 4,
      residualProbability: 1,
      residualImpact: 4,
      response: "mitigate",
      taskIds: [world.plan.tasks.open],
      milestoneIds: [world.gate.milestoneId],
    });
    expect(created.ref).toBe("R-3");
    const issue = await ipm.raid.create({ ...pid(), kind: "issue", title: "Test data missing" });
    expect(issue.ref).toBe("I-1");
    const item = await ipm.raid.get({ ...pid(), itemId: created.id });
    expect(item).toMatchObject({
      kind: "risk",
      status: "open",
      isOpen: true,
      score: 12,
      band: "high",
      residualScore: 4,
      residualBand: "low",
      taskIds: [world.plan.tasks.open],
      milestoneIds: [world.gate.milestoneId],
      tasks: [{ id: world.plan.tasks.open, title: "Load reference data" }],
      milestones: [{ id: world.gate.milestoneId, name: "Go-live" }],
    });
    expect(item.scoreHistory).toHaveLength(1);
    expect(item.scoreHistory[0]).toMatchObject({ probability: 3, impact: 4, score: 12 });
    const decision = await ipm.raid.get({ ...pid(), itemId: issue.id });
    expect(decision).toMatchObject({ score: null, band: null, status: "open" });
  });

  it("bands by the organisation's own threshold table", async () => {
    const before = await world.as("pm").raid.list(pid());
    expect(before.items.find((i) => i.id === world.register.riskId)?.band).toBe("critical");
    const org = await world.as("orgOwner").org.get();
    expect(org.riskThresholds).toEqual({ medium: 5, high: 10, critical: 20 });
    await world.as("orgOwner").org.setRiskThresholds({
      medium: 6,
      high: 12,
      critical: 21,
      version: org.version,
    });
    const after = await world.as("pm").raid.list(pid());
    expect(after.thresholds).toEqual({ medium: 6, high: 12, critical: 21 });
    expect(after.items.find((i) => i.id === world.register.riskId)?.band).toBe("high");
    const bad = await errorOf(
      world.as("orgOwner").org.setRiskThresholds({ medium: 9, high: 8, critical: 20, version: 2 }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
  });

  it("keeps every score change as history, and only score changes", async () => {
    const ipm = world.as("ipm");
    const id = world.register.riskId;
    await ipm.raid.update({ ...pid(), itemId: id, version: 1, changes: { probability: 2 } });
    await ipm.raid.update({
      ...pid(),
      itemId: id,
      version: 2,
      changes: { mitigation: "Book rooms" },
    });
    await ipm.raid.update({
      ...pid(),
      itemId: id,
      version: 3,
      changes: { residualProbability: 1, residualImpact: 1 },
    });
    const item = await ipm.raid.get({ ...pid(), itemId: id });
    expect(item.scoreHistory.map((p) => [p.score, p.residualScore])).toEqual([
      [20, 6],
      [10, 6],
      [10, 1],
    ]);
    expect(item.mitigation).toBe("Book rooms");
    expect(item.version).toBe(4);
  });

  it("refuses fields that do not fit the kind, with a message per field, writing nothing", async () => {
    const ipm = world.as("ipm");
    const [auditBefore, itemsBefore] = [audits(), items()];
    const cases = [
      [{ kind: "issue" as const, title: "Scored issue", probability: 3 }, "probability"],
      [{ kind: "risk" as const, title: "Unscored risk", probability: 3 }, "impact"],
      [
        {
          kind: "risk" as const,
          title: "Opportunity mitigated",
          probability: 3,
          impact: 3,
          polarity: "opportunity" as const,
          response: "mitigate" as const,
        },
        "response",
      ],
      [{ kind: "decision" as const, title: "Open decision", status: "open" as const }, "status"],
      [
        { kind: "assumption" as const, title: "Severe assumption", severity: "high" as const },
        "severity",
      ],
      [
        {
          kind: "risk" as const,
          title: "Half residual",
          probability: 2,
          impact: 2,
          residualImpact: 1,
        },
        "residualProbability",
      ],
      [
        {
          kind: "issue" as const,
          title: "Owned by an outsider",
          ownerUserId: world.people.orgMember.userId,
        },
        "owner",
      ],
    ] as const;
    for (const [input, field] of cases) {
      const error = await errorOf(ipm.raid.create({ ...pid(), ...input }));
      expect(error.code, field).toBe("BAD_REQUEST");
      expect(error.cause, field).toMatchObject({ fieldErrors: { [field]: expect.any(String) } });
    }
    const ratingOutOfRange = await errorOf(
      ipm.raid.create({
        ...pid(),
        kind: "risk",
        title: "Off the scale",
        probability: 6,
        impact: 1,
      }),
    );
    expect(ratingOutOfRange.code).toBe("BAD_REQUEST");
    const update = await errorOf(
      ipm.raid.update({
        ...pid(),
        itemId: world.register.riskId,
        version: 1,
        changes: { polarity: "opportunity" },
      }),
    );
    expect(update.cause).toMatchObject({
      fieldErrors: { response: expect.stringMatching(/opportunity/) },
    });
    expect([audits(), items()]).toEqual([auditBefore, itemsBefore]);
  });

  it("answers CONFLICT to a stale version and changes nothing", async () => {
    const ipm = world.as("ipm");
    const id = world.register.riskId;
    await ipm.raid.update({ ...pid(), itemId: id, version: 1, changes: { impact: 3 } });
    const auditBefore = audits();
    for (const call of [
      ipm.raid.update({ ...pid(), itemId: id, version: 1, changes: { impact: 1 } }),
      ipm.raid.delete({ ...pid(), itemId: id, version: 1 }),
      ipm.raid.occur({ ...pid(), itemId: id, version: 1 }),
      ipm.raid.setLinks({ ...pid(), itemId: id, version: 1, taskIds: [], milestoneIds: [] }),
    ]) {
      expect((await errorOf(call)).code).toBe("CONFLICT");
    }
    const item = await ipm.raid.get({ ...pid(), itemId: id });
    expect(item).toMatchObject({ impact: 3, status: "open", version: 2 });
    expect(item.taskIds).toHaveLength(1);
    expect(audits()).toBe(auditBefore);
  });

  it("turns an occurred risk into an issue, linked both ways, keeping links and history", async () => {
    const ipm = world.as("ipm");
    const riskId = world.register.riskId;
    await ipm.raid.update({ ...pid(), itemId: riskId, version: 1, changes: { probability: 5 } });
    const issue = await ipm.raid.occur({
      ...pid(),
      itemId: riskId,
      version: 2,
      dueDate: "2026-12-04",
      note: "Half the key users were pulled into quarter-end",
    });
    expect(issue.ref).toBe("I-1");
    const risk = await ipm.raid.get({ ...pid(), itemId: riskId });
    expect(risk).toMatchObject({
      status: "occurred",
      isOpen: false,
      convertedTo: { id: issue.id, ref: "I-1" },
      score: 25,
    });
    expect(risk.scoreHistory.map((p) => p.score)).toEqual([20, 25]);
    const raised = await ipm.raid.get({ ...pid(), itemId: issue.id });
    expect(raised).toMatchObject({
      kind: "issue",
      status: "open",
      title: risk.title,
      severity: "critical",
      dueDate: "2026-12-04",
      owner: { type: "stakeholder", id: world.register.stakeholderId, name: "Sam Sponsor" },
      convertedFrom: { id: riskId, ref: "R-1" },
      taskIds: risk.taskIds,
      milestoneIds: risk.milestoneIds,
    });
    expect(raised.description).toMatch(/quarter-end/);
    const again = await errorOf(ipm.raid.occur({ ...pid(), itemId: riskId, version: 3 }));
    expect(again.code).toBe("BAD_REQUEST");
    const notRisk = await errorOf(ipm.raid.occur({ ...pid(), itemId: issue.id, version: 1 }));
    expect(notRisk.code).toBe("BAD_REQUEST");
    const heat = await ipm.raid.heatMap(pid());
    expect(heat.current.flat().reduce((a, b) => a + b, 0)).toBe(1);
  });

  it("counts open risks per cell, current and residual", async () => {
    const ipm = world.as("ipm");
    await ipm.raid.create({
      ...pid(),
      kind: "risk",
      title: "Another 4 × 5",
      probability: 4,
      impact: 5,
    });
    await ipm.raid.create({
      ...pid(),
      kind: "risk",
      title: "Closed one",
      probability: 4,
      impact: 5,
      status: "closed",
    });
    const heat = await ipm.raid.heatMap(pid());
    expect(heat.current[3]?.[4]).toBe(2);
    expect(heat.current[1]?.[1]).toBe(1);
    expect(heat.current.flat().reduce((a, b) => a + b, 0)).toBe(3);
    expect(heat.residual[1]?.[2]).toBe(1);
    expect(heat.unratedResidual).toBe(2);
    const forStakeholder = await world.as("stakeholder").raid.heatMap(pid());
    expect(forStakeholder.current[1]?.[1]).toBe(0);
  });

  it("hides internal-only items and links to internal-only tasks from stakeholders", async () => {
    const ipm = world.as("ipm");
    const { internalRiskId, riskId } = world.register;
    await ipm.raid.setLinks({
      ...pid(),
      itemId: riskId,
      version: 1,
      taskIds: [world.plan.tasks.assigned, world.plan.tasks.internal],
      milestoneIds: [],
    });
    const team = await world.as("contributor").raid.list(pid());
    expect(team.items.map((i) => i.id)).toContain(internalRiskId);
    const outside = await world.as("stakeholder").raid.list(pid());
    expect(outside.items.map((i) => i.id)).toEqual([riskId]);
    expect(outside.items[0]?.taskIds).toEqual([world.plan.tasks.assigned]);
    const hidden = await errorOf(
      world.as("stakeholder").raid.get({ ...pid(), itemId: internalRiskId }),
    );
    expect(hidden.code).toBe("NOT_FOUND");
  });

  it("answers NOT_FOUND for another organisation's items, tasks and projects", async () => {
    const theirs = world.otherRegister.riskId;
    const pm = world.as("pm");
    expect((await errorOf(pm.raid.get({ ...pid(), itemId: theirs }))).code).toBe("NOT_FOUND");
    expect(
      (
        await errorOf(
          pm.raid.update({ ...pid(), itemId: theirs, version: 1, changes: { impact: 1 } }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await errorOf(
          pm.raid.delete({ projectId: world.otherProjectId, itemId: theirs, version: 1 }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    const link = await errorOf(
      pm.raid.create({
        ...pid(),
        kind: "issue",
        title: "Linked to their task",
        taskIds: [world.otherPlan.tasks.assigned],
      }),
    );
    expect(link.code).toBe("NOT_FOUND");
    const owner = await errorOf(
      pm.raid.create({
        ...pid(),
        kind: "issue",
        title: "Owned by their stakeholder",
        ownerStakeholderId: world.otherRegister.stakeholderId,
      }),
    );
    expect(owner.code).toBe("BAD_REQUEST");
    const still = await world.as("otherOrg").raid.get({
      projectId: world.otherProjectId,
      itemId: theirs,
    });
    expect(still).toMatchObject({ impact: 5, version: 1 });
  });

  it("deletes softly: gone from the log and the heat map", async () => {
    const ipm = world.as("ipm");
    await ipm.raid.delete({ ...pid(), itemId: world.register.riskId, version: 1 });
    const list = await ipm.raid.list(pid());
    expect(list.items.map((i) => i.id)).not.toContain(world.register.riskId);
    expect((await errorOf(ipm.raid.get({ ...pid(), itemId: world.register.riskId }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await ipm.raid.heatMap(pid())).current[3]?.[4]).toBe(0);
    const next = await ipm.raid.create({
      ...pid(),
      kind: "risk",
      title: "New",
      probability: 1,
      impact: 1,
    });
    expect(next.ref).toBe("R-3");
  });

  it("marks open items past their review date overdue", async () => {
    const ipm = world.as("ipm");
    await ipm.raid.create({ ...pid(), kind: "issue", title: "Late", dueDate: "2020-01-01" });
    await ipm.raid.create({
      ...pid(),
      kind: "issue",
      title: "Late but resolved",
      dueDate: "2020-01-01",
      status: "resolved",
    });
    const list = await ipm.raid.list(pid());
    const byTitle = new Map(list.items.map((i) => [i.title, i]));
    expect(byTitle.get("Late")?.overdue).toBe(true);
    expect(byTitle.get("Late but resolved")?.overdue).toBe(false);
  });
});

describe("RAID import", () => {
  const header =
    "Kind,Title,Status,Owner,Date,Probability,Impact,Residual probability,Residual impact,Response,Severity,Internal only";

  it("imports every row, resolving owners by name or email", async () => {
    const csv = [
      header,
      "Risk,Vendor insolvency,Open,Sam Sponsor,2026-12-10,2,5,1,5,Transfer,,no",
      `Issue,"Printer, label ""Zebra"" offline",In progress,${world.people.ipm.email},,,,,,,High,yes`,
      "Decision,Use the vendor's template,Decided,Paula PM,,,,,,,,",
    ].join("\n");
    const dry = await world.as("ipm").raid.import({ ...pid(), csv, dryRun: true });
    expect(dry).toEqual({ rows: 3, created: 0, errors: [] });
    const before = items();
    expect(before).toBe(4);
    const result = await world.as("ipm").raid.import({ ...pid(), csv });
    expect(result).toEqual({ rows: 3, created: 3, errors: [] });
    const list = await world.as("ipm").raid.list(pid());
    const byTitle = new Map(list.items.map((i) => [i.title, i]));
    expect(byTitle.get("Vendor insolvency")).toMatchObject({
      ref: "R-3",
      score: 10,
      residualScore: 5,
      response: "transfer",
      owner: { type: "stakeholder", name: "Sam Sponsor" },
    });
    expect(byTitle.get('Printer, label "Zebra" offline')).toMatchObject({
      status: "in_progress",
      severity: "high",
      internalOnly: true,
      owner: { type: "user", name: "Ivan IPM" },
    });
    expect(byTitle.get("Use the vendor's template")).toMatchObject({
      kind: "decision",
      status: "decided",
    });
  });

  it("writes nothing when any row is bad, and names each bad row and column", async () => {
    const csv = [
      header,
      "Risk,Fine risk,,,,2,2,,,,,",
      "Risk,No impact,,,,3,,,,,,",
      "Risk,Bad date,,,31/12/2026,2,2,,,,,",
      "Wish,Unknown kind,,,,,,,,,,",
      "Issue,Unknown owner,,Nobody Atall,,,,,,,,",
      "Decision,Bad status,Open,,,,,,,,,",
      ",,,,,,,,,,,",
      "Risk,Rating 7,,,,7,2,,,,,",
    ].join("\r\n");
    const [auditBefore, itemsBefore] = [audits(), items()];
    const result = await world.as("pm").raid.import({ ...pid(), csv });
    expect(result.created).toBe(0);
    expect(result.rows).toBe(8);
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [3, "Impact"],
      [4, "Date"],
      [5, "Kind"],
      [6, "Owner"],
      [7, "Status"],
      [8, "Kind"],
      [9, "Probability"],
    ]);
    expect(result.errors[2]?.message).toMatch(/"Wish" is not a kind/);
    expect([audits(), items()]).toEqual([auditBefore, itemsBefore]);
  });

  it("reports a broken header or file instead of guessing", async () => {
    const pm = world.as("pm");
    const noTitle = await pm.raid.import({ ...pid(), csv: "Kind,Name\nRisk,Thing\n" });
    expect(noTitle.errors.map((e) => e.column)).toEqual(["Name", "Title"]);
    const unclosed = await pm.raid.import({ ...pid(), csv: 'Kind,Title\nRisk,"Never closed\n' });
    expect(unclosed.errors[0]?.message).toMatch(/never closed/);
    const empty = await errorOf(pm.raid.import({ ...pid(), csv: "" }));
    expect(empty.code).toBe("BAD_REQUEST");
    expect(items()).toBe(4);
  });

  it("reads back its own export", async () => {
    const db = createTestDb();
    await seedDemo(db, async () => "x", "2026-11-23");
    const project = db.query.project
      .findFirst({ where: (p, { eq }) => eq(p.key, "ACME-CRM") })
      .sync();
    const pm = db.query.user
      .findFirst({ where: (u, { eq }) => eq(u.email, "pm@rollout.demo") })
      .sync();
    if (!project || !pm) throw new Error("demo missing");
    const caller = createCallerFactory(appRouter)({
      ...contextFor(db, null),
      actor: {
        userId: pm.id,
        sessionId: "demo",
        name: pm.name,
        email: pm.email,
        activeOrgId: project.organizationId,
      },
    });
    const before = await caller.raid.list({ projectId: project.id });
    expect(before.items.length).toBeGreaterThanOrEqual(15);
    expect(new Set(before.items.map((i) => i.kind)).size).toBe(5);
    expect(new Set(before.items.map((i) => i.band).filter(Boolean)).size).toBe(4);
    const result = await caller.raid.import({
      projectId: project.id,
      csv: raidItemsToCsv(before.items),
    });
    expect(result.errors).toEqual([]);
    expect(result.created).toBe(before.items.length);
    const after = await caller.raid.list({ projectId: project.id });
    const strip = (i: (typeof before.items)[number]) => ({
      kind: i.kind,
      title: i.title,
      status: i.status,
      owner: i.owner?.name,
      score: i.score,
      residualScore: i.residualScore,
      response: i.response,
      severity: i.severity,
      internalOnly: i.internalOnly,
      mitigation: i.mitigation,
    });
    const copies = after.items.filter((i) => !before.items.some((b) => b.id === i.id));
    expect(copies.map(strip).sort(byTitle)).toEqual(before.items.map(strip).sort(byTitle));
    expect(db.select({ n: count() }).from(raidScore).get()?.n).toBeGreaterThan(before.items.length);
  });
});

function byTitle(a: { title: string; status: string }, b: { title: string; status: string }) {
  return a.title.localeCompare(b.title) || a.status.localeCompare(b.status);
}
