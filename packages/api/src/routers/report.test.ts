import { eq, shareLink } from "@rollout/db";
import { addDays, todayUtc } from "@rollout/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { createWorld, errorOf, type World } from "../testing/index.ts";

let world: World;
beforeEach(() => {
  world = createWorld();
});
const pid = () => ({ projectId: world.projectId });
const today = todayUtc();

describe("status reports", () => {
  it("pre-fills a draft from live data, naming nothing internal", async () => {
    const ipm = world.as("ipm");
    await ipm.plan.task.update({
      ...pid(),
      taskId: world.plan.tasks.assigned,
      version: 1,
      changes: { status: "done" },
    });
    await ipm.plan.task.update({
      ...pid(),
      taskId: world.plan.tasks.open,
      version: 1,
      changes: { startDate: addDays(today, 2), dueDate: addDays(today, 4) },
    });
    await ipm.plan.task.update({
      ...pid(),
      taskId: world.plan.tasks.internal,
      version: 1,
      changes: { startDate: addDays(today, 1), dueDate: addDays(today, 3) },
    });
    const { id, number } = await world.as("pm").report.create({
      ...pid(),
      periodStart: addDays(today, -4),
      periodEnd: today,
    });
    expect(number).toBe(3);
    const draft = await world.as("pm").report.get({ ...pid(), reportId: id });
    expect(draft).toMatchObject({
      status: "draft",
      risk: "red",
      accomplishments: "- Configure pipelines",
      topRisks: [{ ref: "R-1", score: 20, band: "critical" }],
    });
    expect(draft.nextSteps).toContain("Load reference data");
    expect(JSON.stringify(draft)).not.toContain("Vendor margin review");
    expect(JSON.stringify(draft)).not.toContain("Partner margin squeezed");
    expect(draft.milestones.map((m) => m.name)).toEqual(["Go-live"]);
  });

  it("freezes a report when published: no change, no delete, no second publish", async () => {
    const pm = world.as("pm");
    const draftId = world.reports.draftId;
    await pm.report.update({
      ...pid(),
      reportId: draftId,
      version: 1,
      changes: { summary: "Vendor margin agreed", scope: "amber" },
    });
    await pm.report.publish({ ...pid(), reportId: draftId, version: 2 });
    const published = await pm.report.get({ ...pid(), reportId: draftId });
    expect(published).toMatchObject({
      status: "published",
      summary: "Vendor margin agreed",
      scope: "amber",
      publishedByName: "Paula PM",
    });
    expect(published.metrics.computedHealth).toBe("red");
    for (const call of [
      pm.report.update({ ...pid(), reportId: draftId, version: 3, changes: { summary: "Edited" } }),
      pm.report.delete({ ...pid(), reportId: draftId, version: 3 }),
      pm.report.publish({ ...pid(), reportId: draftId, version: 3 }),
    ]) {
      const error = await errorOf(call);
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(/published and cannot be changed/);
    }
    expect((await pm.report.get({ ...pid(), reportId: draftId })).summary).toBe(
      "Vendor margin agreed",
    );
    const ipmPublish = await errorOf(
      world.as("ipm").report.publish({ ...pid(), reportId: world.reports.draftId, version: 1 }),
    );
    expect(ipmPublish.code).toBe("FORBIDDEN");
  });

  it("answers CONFLICT to a stale draft edit", async () => {
    const pm = world.as("pm");
    await pm.report.update({
      ...pid(),
      reportId: world.reports.draftId,
      version: 1,
      changes: { asks: "A" },
    });
    const stale = await errorOf(
      pm.report.update({
        ...pid(),
        reportId: world.reports.draftId,
        version: 1,
        changes: { asks: "B" },
      }),
    );
    expect(stale.code).toBe("CONFLICT");
  });

  it("shows stakeholders published reports only", async () => {
    const outside = world.as("stakeholder");
    expect((await outside.report.list(pid())).map((r) => r.number)).toEqual([1]);
    expect(
      (await errorOf(outside.report.get({ ...pid(), reportId: world.reports.draftId }))).code,
    ).toBe("NOT_FOUND");
    expect((await world.as("contributor").report.list(pid())).map((r) => r.number)).toEqual([2, 1]);
    const theirs = await errorOf(
      world.as("pm").report.get({ ...pid(), reportId: world.otherReports.publishedId }),
    );
    expect(theirs.code).toBe("NOT_FOUND");
  });

  it("draws each milestone's forecast across published reports", async () => {
    const pm = world.as("pm");
    const ms = world.gate.milestoneId;
    await pm.schedule.milestone.update({
      ...pid(),
      milestoneId: ms,
      version: 1,
      changes: { forecastOverride: { date: "2026-12-04", reason: "Rehearsal moved" } },
    });
    await pm.report.publish({ ...pid(), reportId: world.reports.draftId, version: 1 });
    await pm.schedule.milestone.update({
      ...pid(),
      milestoneId: ms,
      version: 2,
      changes: { forecastOverride: { date: "2026-12-11", reason: "Vendor late" } },
    });
    const { id } = await pm.report.create({
      ...pid(),
      periodStart: "2026-11-23",
      periodEnd: "2026-11-27",
    });
    await pm.report.publish({ ...pid(), reportId: id, version: 1 });
    const trend = await pm.report.trend(pid());
    expect(trend.periods.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(trend.milestones).toEqual([
      {
        id: ms,
        name: "Go-live",
        baselineDate: "2026-12-01",
        forecasts:
          ["2026-12-04", "2026-12-11"].length === 2 ? [null, "2026-12-04", "2026-12-11"] : [],
      },
    ]);
  });

  it("exports a real PDF with pages, and Markdown for email", async () => {
    const pm = world.as("pm");
    const pdf = await pm.report.pdf({ ...pid(), reportId: world.reports.publishedId });
    expect(pdf.filename).toBe("ACME-CRM-status-report-1.pdf");
    const bytes = Buffer.from(pdf.content, "base64");
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.subarray(-6).toString()).toContain("%%EOF");
    expect(bytes.toString("latin1").match(/\/Type \/Page\b/g)?.length).toBeGreaterThanOrEqual(1);
    const md = await pm.report.markdown({ ...pid(), reportId: world.reports.publishedId });
    expect(md.content).toMatch(/^# .* — status report 1/);
    expect(md.content).toContain("Build on track; UAT dates agreed.");
    expect(md.content).toContain("| Overall | Schedule | Budget | Scope | Risk |");
  });
});

describe("share links", () => {
  it("opens one project's stakeholder view while live, with nothing internal", async () => {
    const created = await world.as("pm").share.create({
      ...pid(),
      label: "Customer steering group",
      expiresOn: addDays(today, 14),
    });
    expect(created.link).toMatchObject({ label: "Customer steering group", active: true });
    const token = created.url.split("/share/")[1] ?? "";
    expect(token.length).toBeGreaterThanOrEqual(40);
    const stored = world.db.select().from(shareLink).all();
    expect(JSON.stringify(stored)).not.toContain(token);
    const view = await world.as("anonymous").share.view({ token });
    expect(view.project.id).toBe(world.projectId);
    expect(view.reports.map((r) => r.number)).toEqual([1]);
    const text = JSON.stringify(view);
    for (const hidden of [
      "Vendor margin review",
      "Partner margin squeezed",
      "Sam Sponsor",
      "Draft:",
    ]) {
      expect(text).not.toContain(hidden);
    }
    await world.as("pm").share.revoke({ ...pid(), shareId: created.link.id });
    expect((await errorOf(world.as("anonymous").share.view({ token }))).code).toBe("NOT_FOUND");
    const list = await world.as("pm").share.list(pid());
    expect(list.find((l) => l.id === created.link.id)).toMatchObject({ active: false });
  });

  it("refuses expired and unknown links alike, and past expiry dates", async () => {
    world.db
      .update(shareLink)
      .set({ expiresAt: "2020-01-01T00:00:00.000Z" })
      .where(eq(shareLink.id, world.reports.shareId))
      .run();
    const expired = await errorOf(
      world.as("anonymous").share.view({ token: world.reports.shareToken }),
    );
    const unknown = await errorOf(world.as("anonymous").share.view({ token: "x".repeat(43) }));
    expect([expired.code, unknown.code]).toEqual(["NOT_FOUND", "NOT_FOUND"]);
    expect(expired.message).toBe(unknown.message);
    const past = await errorOf(
      world.as("pm").share.create({ ...pid(), label: "Old", expiresOn: addDays(today, -1) }),
    );
    expect(past.code).toBe("BAD_REQUEST");
    const theirs = await errorOf(
      world.as("pm").share.revoke({ ...pid(), shareId: world.otherReports.shareId }),
    );
    expect(theirs.code).toBe("NOT_FOUND");
  });

  it("tells a signed-in stakeholder which gates await their sign-off", async () => {
    const view = await world.as("stakeholder").report.stakeholderView(pid());
    expect(view.gates).toEqual([
      expect.objectContaining({
        milestoneId: world.gate.milestoneId,
        awaitingMySignOff: true,
        criteriaMet: 0,
        criteriaTotal: 1,
      }),
    ]);
  });
});
