import {
  auditLog,
  count,
  eq,
  holiday,
  lesson,
  milestone,
  nowIso,
  pir,
  pirKpi,
  pirMeasurement,
  pirObjective,
  pirSigner,
  project,
} from "@rollout/db";
import { addDays, addMonths, todayUtc } from "@rollout/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { listProcedures } from "../procedures.ts";
import {
  addProjectRole,
  type Caller,
  createWorld,
  errorOf,
  insertProject,
  type World,
} from "../testing/index.ts";

let world: World;
beforeEach(() => {
  world = createWorld();
});
const pid = () => ({ projectId: world.projectId });
const audits = () => world.db.select({ n: count() }).from(auditLog).get()?.n ?? 0;
const review = () => world.db.select().from(pir).where(eq(pir.id, world.pir.pirId)).get();
const version = () => review()?.version ?? 0;

/** Everything a review is made of (and the audit log), to prove a refused write changed nothing. */
function snapshot() {
  const db = world.db;
  return JSON.stringify({
    pir: db.select().from(pir).all(),
    objectives: db.select().from(pirObjective).all(),
    kpis: db.select().from(pirKpi).all(),
    measurements: db.select().from(pirMeasurement).all(),
    lessons: db.select().from(lesson).all(),
    signers: db.select().from(pirSigner).all(),
    audits: audits(),
  });
}

async function toDraft() {
  await world.as("pm").pir.reopen({ ...pid(), pirId: world.pir.pirId, version: version() });
}

async function signOff() {
  const result = await world.as("stakeholder").pir.sign({ ...pid(), pirId: world.pir.pirId });
  expect(result).toEqual({ status: "signed_off", remaining: 0 });
}

/** A fresh project in org A with the PM on it (no review yet). */
function newProject(fields: Parameters<typeof insertProject>[2]) {
  const id = insertProject(world.db, world.orgId, fields);
  addProjectRole(world.db, id, world.people.pm.userId, "pm");
  addProjectRole(world.db, id, world.people.stakeholder.userId, "stakeholder");
  return id;
}

describe("opening a review", () => {
  it("refuses before go-live unless asked for early, with a clear message and no change", async () => {
    const projectId = newProject({ key: "EARLY-1", stage: "build" });
    const before = snapshot();
    const error = await errorOf(world.as("pm").pir.open({ projectId }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/opens when the project reaches go-live.*“Build”/);
    expect(snapshot()).toBe(before);
    expect(await world.as("pm").pir.get({ projectId })).toMatchObject({
      review: null,
      due: false,
    });
  });

  it("opens early on request, one objective per line of the project's objectives", async () => {
    const projectId = newProject({
      key: "EARLY-2",
      stage: "build",
      objectives: "Replace the CRM\n\n- Migrate 12 years of history\n  \n1. Cut quote time\n",
    });
    const created = await world.as("pm").pir.open({ projectId, early: true });
    expect(created.revision).toBe(1);
    const { review: opened } = await world.as("pm").pir.get({ projectId });
    expect(opened).toMatchObject({ status: "draft", revision: 1, latest: true, lockedAt: null });
    expect(opened?.objectives.map((o) => [o.objective, o.outcome])).toEqual([
      ["Replace the CRM", null],
      ["Migrate 12 years of history", null],
      ["Cut quote time", null],
    ]);
    const again = await errorOf(world.as("pm").pir.open({ projectId, early: true }));
    expect(again.code).toBe("CONFLICT");
  });

  it("opens without asking from go-live on", async () => {
    for (const stage of ["go_live", "hypercare", "closed"] as const) {
      const projectId = newProject({ key: `LIVE-${stage.toUpperCase()}`, stage });
      expect((await world.as("pm").pir.get({ projectId })).due).toBe(true);
      await world.as("orgAdmin").pir.open({ projectId });
      expect((await world.as("pm").pir.get({ projectId })).review?.status).toBe("draft");
    }
  });
});

describe("sign-off", () => {
  it("reads the world's review as stakeholders see it: in review, named signer unsigned", async () => {
    const { review: r } = await world.as("stakeholder").pir.get(pid());
    expect(r).toMatchObject({ status: "in_review", revision: 1, latest: true });
    expect(r?.signers).toEqual([
      {
        userId: world.people.stakeholder.userId,
        name: "Sofia Stakeholder",
        role: "stakeholder",
        signedAt: null,
        comment: "",
      },
    ]);
    expect(r?.lessons.map((l) => l.tags)).toEqual([
      ["uat", "key-users"],
      ["data-quality", "migration"],
      ["contract"],
    ]);
  });

  it("lets only named signers sign, only in review, once; the last signature locks", async () => {
    await toDraft();
    await world.as("pm").pir.setSigners({
      ...pid(),
      pirId: world.pir.pirId,
      version: version(),
      userIds: [world.people.pm.userId, world.people.stakeholder.userId],
    });
    // Named, but the review is a draft.
    const early = await errorOf(world.as("pm").pir.sign({ ...pid(), pirId: world.pir.pirId }));
    expect(early.code).toBe("BAD_REQUEST");
    expect(early.message).toBe("This review is not out for sign-off yet");
    await world.as("pm").pir.submit({ ...pid(), pirId: world.pir.pirId, version: version() });

    // Not named: refused, whoever they are.
    for (const role of ["ipm", "contributor", "orgOwner"] as const) {
      const error = await errorOf(world.as(role).pir.sign({ ...pid(), pirId: world.pir.pirId }));
      expect(error.code, role).toBe("FORBIDDEN");
      expect(error.message).toBe("You are not named to sign this review");
    }
    const first = await world.as("pm").pir.sign({ ...pid(), pirId: world.pir.pirId });
    expect(first).toEqual({ status: "in_review", remaining: 1 });
    const twice = await errorOf(world.as("pm").pir.sign({ ...pid(), pirId: world.pir.pirId }));
    expect(twice.code).toBe("CONFLICT");
    expect(twice.message).toBe("You have already signed this review");

    const last = await world
      .as("stakeholder")
      .pir.sign({ ...pid(), pirId: world.pir.pirId, comment: "Agreed with the findings" });
    expect(last).toEqual({ status: "signed_off", remaining: 0 });
    const { review: r } = await world.as("pm").pir.get(pid());
    expect(r?.status).toBe("signed_off");
    expect(r?.lockedAt).not.toBeNull();
    expect(r?.signers.every((s) => s.signedAt !== null)).toBe(true);
    expect(r?.signers.find((s) => s.role === "stakeholder")?.comment).toBe(
      "Agreed with the findings",
    );
    expect(r?.variance.frozen).toBe(true);
  });

  it("a stakeholder signs only what names them: not another project's review", async () => {
    const projectId = newProject({ key: "OTHER-1", stage: "go_live" });
    const opened = await world.as("pm").pir.open({ projectId });
    const error = await errorOf(world.as("stakeholder").pir.sign({ projectId, pirId: opened.id }));
    expect(error.code).toBe("FORBIDDEN");
    // The world review's id under another project is not found there.
    const elsewhere = await errorOf(
      world.as("stakeholder").pir.sign({ projectId, pirId: world.pir.pirId }),
    );
    expect(elsewhere.code).toBe("NOT_FOUND");
  });

  it("needs an outcome for every objective and a signer before it goes out", async () => {
    await toDraft();
    const pm = world.as("pm");
    await pm.pir.objective.add({ ...pid(), pirId: world.pir.pirId, objective: "Adoption" });
    await pm.pir.setSigners({ ...pid(), pirId: world.pir.pirId, version: version(), userIds: [] });
    const before = snapshot();
    const error = await errorOf(
      pm.pir.submit({ ...pid(), pirId: world.pir.pirId, version: version() }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe(
      "Not ready for sign-off: Record an outcome for the objective: “Adoption”; Name at least one person to sign the review",
    );
    expect(snapshot()).toBe(before);
    const already = await errorOf(
      world.as("pm").pir.submit({ ...pid(), pirId: world.pir.pirId, version: version() }),
    );
    expect(already.message).toMatch(/^Not ready/);
  });

  it("only names project members as signers", async () => {
    await toDraft();
    const error = await errorOf(
      world.as("pm").pir.setSigners({
        ...pid(),
        pirId: world.pir.pirId,
        version: version(),
        userIds: [world.people.orgMember.userId],
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("A signer must be a member of this project");
  });

  it("going back to draft clears the signatures given so far", async () => {
    await toDraft();
    const pm = world.as("pm");
    await pm.pir.setSigners({
      ...pid(),
      pirId: world.pir.pirId,
      version: version(),
      userIds: [world.people.stakeholder.userId, world.people.ipm.userId],
    });
    await pm.pir.submit({ ...pid(), pirId: world.pir.pirId, version: version() });
    // Each signer is asked, in their bell, the moment it goes out.
    for (const role of ["stakeholder", "ipm"] as const) {
      const bell = await world.as(role).notification.list({});
      expect(
        bell.items.find((n) => n.kind === "signoff_request"),
        role,
      ).toMatchObject({
        targetType: "pir",
        targetId: world.pir.pirId,
        actorName: "Paula PM",
      });
    }
    await world.as("stakeholder").pir.sign({ ...pid(), pirId: world.pir.pirId });
    await pm.pir.reopen({ ...pid(), pirId: world.pir.pirId, version: version() });
    const { review: r } = await pm.pir.get(pid());
    expect(r?.status).toBe("draft");
    expect(r?.signers.map((s) => s.signedAt)).toEqual([null, null]);
  });

  it("refuses content changes while out for sign-off", async () => {
    const before = snapshot();
    const error = await errorOf(
      world.as("pm").pir.objective.update({
        ...pid(),
        objectiveId: world.pir.objectiveIds[0],
        version: 1,
        changes: { evidence: "Changed under the signers' feet" },
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/out for sign-off; return it to draft/);
    expect(snapshot()).toBe(before);
  });

  it("names the version it read: a stale one is a CONFLICT that changes nothing", async () => {
    await toDraft();
    const pm = world.as("pm");
    await pm.pir.objective.update({
      ...pid(),
      objectiveId: world.pir.objectiveIds[0],
      version: 1,
      changes: { evidence: "Licence report, week 6" },
    });
    const before = snapshot();
    const stale = await errorOf(
      pm.pir.objective.update({
        ...pid(),
        objectiveId: world.pir.objectiveIds[0],
        version: 1,
        changes: { evidence: "Someone else's view" },
      }),
    );
    expect(stale.code).toBe("CONFLICT");
    const staleReview = await errorOf(
      pm.pir.update({ ...pid(), pirId: world.pir.pirId, version: 1, changes: { summary: "x" } }),
    );
    expect(staleReview.code).toBe("CONFLICT");
    expect(snapshot()).toBe(before);
  });
});

/** A call of every write procedure of the review, with input that would work on a draft. */
function pirWrites(w: World): Record<string, (c: Caller) => Promise<unknown>> {
  const p = { projectId: w.projectId };
  const pirId = w.pir.pirId;
  const v = () => w.db.select().from(pir).where(eq(pir.id, pirId)).get()?.version ?? 0;
  return {
    "pir.open": (c) => c.pir.open({ ...p, early: true }),
    "pir.update": (c) => c.pir.update({ ...p, pirId, version: v(), changes: { summary: "New" } }),
    "pir.setSigners": (c) =>
      c.pir.setSigners({ ...p, pirId, version: v(), userIds: [w.people.ipm.userId] }),
    "pir.submit": (c) => c.pir.submit({ ...p, pirId, version: v() }),
    "pir.reopen": (c) => c.pir.reopen({ ...p, pirId, version: v() }),
    "pir.sign": (c) => c.pir.sign({ ...p, pirId }),
    "pir.objective.add": (c) => c.pir.objective.add({ ...p, pirId, objective: "Another" }),
    "pir.objective.update": (c) =>
      c.pir.objective.update({
        ...p,
        objectiveId: w.pir.objectiveIds[0],
        version: 1,
        changes: { outcome: "not_met" },
      }),
    "pir.objective.delete": (c) =>
      c.pir.objective.delete({ ...p, objectiveId: w.pir.objectiveIds[0], version: 1 }),
    "pir.objective.move": (c) =>
      c.pir.objective.move({
        ...p,
        objectiveId: w.pir.objectiveIds[1],
        version: 1,
        direction: "up",
      }),
    "pir.kpi.add": (c) => c.pir.kpi.add({ ...p, pirId, name: "Adoption" }),
    "pir.kpi.update": (c) =>
      c.pir.kpi.update({ ...p, kpiId: w.pir.kpiId, version: 1, changes: { actual: 0.5 } }),
    "pir.kpi.delete": (c) => c.pir.kpi.delete({ ...p, kpiId: w.pir.kpiId, version: 1 }),
    "pir.kpi.scheduleRemeasure": (c) =>
      c.pir.kpi.scheduleRemeasure({ ...p, kpiId: w.pir.plainKpiId, version: 1 }),
    "pir.lesson.add": (c) =>
      c.pir.lesson.add({ ...p, pirId, kind: "improve", category: "cutover", summary: "Late" }),
    "pir.lesson.update": (c) =>
      c.pir.lesson.update({
        ...p,
        lessonId: w.pir.lessonIds[0] as string,
        version: 1,
        changes: { summary: "Rewritten after sign-off" },
      }),
    "pir.lesson.delete": (c) =>
      c.pir.lesson.delete({ ...p, lessonId: w.pir.lessonIds[0] as string, version: 1 }),
  };
}

describe("a signed-off review is locked", () => {
  it("refuses every write procedure of the review and changes nothing", async () => {
    await signOff();
    const writes = pirWrites(world);
    // Starting a new revision is the way forward (tested below); everything else is refused.
    const mutations = listProcedures()
      .filter((p) => p.path.startsWith("pir.") && p.type === "mutation")
      .map((p) => p.path)
      .filter((path) => path !== "pir.revise");
    expect(Object.keys(writes).sort()).toEqual(mutations.sort());
    const before = snapshot();
    for (const [path, call] of Object.entries(writes)) {
      for (const role of ["pm", "orgOwner", "stakeholder"] as const) {
        const error = await errorOf(call(world.as(role)));
        if (path === "pir.open") {
          expect(error.code, `${path} as ${role}`).toMatch(/CONFLICT|FORBIDDEN/);
        } else if (role === "stakeholder" && path !== "pir.sign") {
          expect(error.code, `${path} as ${role}`).toBe("FORBIDDEN");
        } else {
          expect(error.code, `${path} as ${role}`).toBe("BAD_REQUEST");
          expect(error.message, `${path} as ${role}`).toBe(
            "This review is signed off and locked; start a new revision to change it",
          );
        }
      }
      expect(snapshot(), `${path} changed something`).toBe(before);
    }
  });

  it("still takes the benefit's later measurements (follow-ups, not what was signed)", async () => {
    await signOff();
    await world.as("contributor").benefit.record({
      ...pid(),
      measurementId: world.pir.measurementId,
      version: 1,
      value: 1.1,
      measuredOn: "2026-11-20",
      note: "November median",
    });
    const { review: r } = await world.as("pm").pir.get(pid());
    expect(r?.status).toBe("signed_off");
    expect(r?.kpis[0]?.measurements[0]).toMatchObject({ value: 1.1, measuredOn: "2026-11-20" });
  });

  it("keeps the variance it was signed with, whatever the project does next", async () => {
    world.db
      .update(project)
      .set({ actualGoLive: "2027-02-03", plannedBudget: 100_000, actualCost: 110_000 })
      .where(eq(project.id, world.projectId))
      .run();
    await signOff();
    const signed = (await world.as("pm").pir.get(pid())).review?.variance;
    expect(signed).toMatchObject({
      budgetVariance: 10_000,
      budgetVariancePercent: 10,
      frozen: true,
    });
    world.db
      .update(project)
      .set({ actualCost: 150_000 })
      .where(eq(project.id, world.projectId))
      .run();
    const after = await world.as("pm").pir.get(pid());
    expect(after.review?.variance).toEqual(signed);
    // The live figures beside it move on.
    expect(after.variance).toMatchObject({ budgetVariance: 50_000, frozen: false });
  });
});

describe("revisions", () => {
  it("starts a new draft from a signed-off review, which stays exactly readable", async () => {
    await signOff();
    const pm = world.as("pm");
    const signedBefore = (await pm.pir.get(pid())).review;
    const refused = await errorOf(
      world.as("ipm").pir.revise({ ...pid(), pirId: world.pir.pirId, version: version() }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    const created = await pm.pir.revise({ ...pid(), pirId: world.pir.pirId, version: version() });
    expect(created.revision).toBe(2);

    const latest = (await pm.pir.get(pid())).review;
    expect(latest).toMatchObject({ revision: 2, status: "draft", latest: true, lockedAt: null });
    expect(latest?.objectives.map((o) => o.objective)).toEqual(
      signedBefore?.objectives.map((o) => o.objective),
    );
    expect(latest?.kpis.map((k) => [k.name, k.measurements.length])).toEqual([
      ["Quote turnaround", 2],
      ["Support tickets per week", 0],
    ]);
    expect(latest?.lessons.map((l) => l.summary)).toEqual(
      signedBefore?.lessons.map((l) => l.summary),
    );
    expect(latest?.signers.map((s) => [s.userId, s.signedAt])).toEqual([
      [world.people.stakeholder.userId, null],
    ]);

    // Editing the new revision leaves the signed one as it was.
    const lessonId = latest?.lessons[0]?.id as string;
    await pm.pir.lesson.update({
      ...pid(),
      lessonId,
      version: 1,
      changes: { summary: "Key users wrote and ran their own UAT scripts" },
    });
    const signedAfter = (await pm.pir.get({ ...pid(), revision: 1 })).review;
    expect({ ...signedAfter, latest: true }).toEqual({ ...signedBefore, latest: true });
    expect(signedAfter?.latest).toBe(false);

    expect((await pm.pir.revisions(pid())).map((r) => [r.revision, r.status])).toEqual([
      [1, "signed_off"],
      [2, "draft"],
    ]);
    // The library lists each lesson once: the current revision's copy.
    const found = await pm.lesson.search({ text: "key users" });
    expect(found.items.map((l) => l.summary)).toEqual([
      "Key users wrote and ran their own UAT scripts",
    ]);
    // Only the newest, signed-off revision may be revised.
    const again = await errorOf(pm.pir.revise({ ...pid(), pirId: created.id, version: 1 }));
    expect(again.message).toBe("This review is not signed off yet: change it as it is");
    const old = await errorOf(pm.pir.revise({ ...pid(), pirId: world.pir.pirId, version: 3 }));
    expect(old.message).toBe("Revision 2 is already the current one");
  });

  it("answers NOT_FOUND for a revision that does not exist", async () => {
    const error = await errorOf(world.as("pm").pir.get({ ...pid(), revision: 7 }));
    expect(error.code).toBe("NOT_FOUND");
  });
});

describe("objectives, KPIs and lessons", () => {
  beforeEach(toDraft);

  it("adds, edits, reorders and deletes objectives, auditing each", async () => {
    const pm = world.as("pm");
    const before = audits();
    const { id } = await pm.pir.objective.add({
      ...pid(),
      pirId: world.pir.pirId,
      objective: "No unplanned downtime",
      criterion: "Zero P1 incidents in week 1",
      outcome: "met",
      evidence: "Incident log",
    });
    await pm.pir.objective.move({ ...pid(), objectiveId: id, version: 1, direction: "up" });
    let objectives = (await pm.pir.get(pid())).review?.objectives ?? [];
    expect(objectives.map((o) => o.objective)).toEqual([
      "Replace the legacy CRM for 200 sales users.",
      "No unplanned downtime",
      "Cut quote turnaround to one day",
    ]);
    const first = await errorOf(
      pm.pir.objective.move({
        ...pid(),
        objectiveId: world.pir.objectiveIds[0],
        version: 1,
        direction: "up",
      }),
    );
    expect(first.message).toBe("This objective is already first");
    await pm.pir.objective.delete({ ...pid(), objectiveId: id, version: 2 });
    objectives = (await pm.pir.get(pid())).review?.objectives ?? [];
    expect(objectives).toHaveLength(2);
    expect(audits() - before).toBe(3);
    const blank = await errorOf(
      pm.pir.objective.add({ ...pid(), pirId: world.pir.pirId, objective: "   " }),
    );
    expect(blank.code).toBe("BAD_REQUEST");
    expect(blank.cause).toMatchObject({
      issues: [expect.objectContaining({ path: ["objective"], message: "Objective is required" })],
    });
  });

  it("normalises lesson tags and refuses bad ones with a clear message", async () => {
    const pm = world.as("pm");
    const { id } = await pm.pir.lesson.add({
      ...pid(),
      pirId: world.pir.pirId,
      kind: "went_well",
      category: "training",
      summary: "Floor walkers on day one",
      tags: ["Hypercare", "hypercare", " Floor Walkers ", "#training"],
    });
    const saved = (await pm.pir.get(pid())).review?.lessons.find((l) => l.id === id);
    expect(saved?.tags).toEqual(["hypercare", "floor-walkers", "training"]);
    const bad = await errorOf(
      pm.pir.lesson.update({ ...pid(), lessonId: id, version: 1, changes: { tags: ["c++"] } }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.cause).toMatchObject({
      issues: [
        expect.objectContaining({
          path: ["changes", "tags"],
          message: "Tag “c++” may use only letters a–z, digits and hyphens",
        }),
      ],
    });
    const many = await errorOf(
      pm.pir.lesson.update({
        ...pid(),
        lessonId: id,
        version: 1,
        changes: { tags: Array.from({ length: 11 }, (_, i) => `t${i}`) },
      }),
    );
    expect(many.cause).toMatchObject({
      issues: [expect.objectContaining({ message: "At most 10 tags" })],
    });
  });

  it("KPI owners must be on the project", async () => {
    const error = await errorOf(
      world.as("pm").pir.kpi.add({
        ...pid(),
        pirId: world.pir.pirId,
        name: "Adoption",
        ownerId: world.people.orgMember.userId,
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("The owner must be a member of this project");
  });

  it("schedules re-measurements 3 and 6 months after go-live, once", async () => {
    world.db
      .update(project)
      .set({ actualGoLive: "2026-08-31" })
      .where(eq(project.id, world.projectId))
      .run();
    const pm = world.as("pm");
    const result = await pm.pir.kpi.scheduleRemeasure({
      ...pid(),
      kpiId: world.pir.plainKpiId,
      version: 1,
    });
    expect(result).toEqual({ goLive: "2026-08-31", scheduled: ["2026-11-30", "2027-02-28"] });
    const again = await errorOf(
      pm.pir.kpi.scheduleRemeasure({ ...pid(), kpiId: world.pir.plainKpiId, version: 2 }),
    );
    expect(again.message).toBe("The re-measurements of this KPI are already scheduled");
  });

  it("counts from the go-live milestone's forecast when the project is not live", async () => {
    world.db
      .update(milestone)
      .set({ forecastOverride: "2027-01-29" })
      .where(eq(milestone.id, world.gate.milestoneId))
      .run();
    const result = await world.as("ipm").pir.kpi.scheduleRemeasure({
      ...pid(),
      kpiId: world.pir.plainKpiId,
      version: 1,
    });
    expect(result.scheduled).toEqual([addMonths("2027-01-29", 3), addMonths("2027-01-29", 6)]);
  });
});

describe("benefits in My work", () => {
  it("shows the KPI owner their due re-measurements until recorded", async () => {
    const mine = await world.as("contributor").myWork.benefits();
    expect(mine).toEqual([
      expect.objectContaining({
        measurementId: world.pir.measurementId,
        kpiName: "Quote turnaround",
        unit: "days",
        monthsAfterGoLive: 3,
        dueOn: "2025-01-15",
        overdue: true,
        projectKey: "ACME-CRM",
      }),
    ]);
    expect(await world.as("pm").myWork.benefits()).toEqual([]);
    // Org B's owner owns their own review's KPI: they see theirs, never A's.
    const theirs = await world.as("otherOrg").myWork.benefits();
    expect(theirs.map((b) => b.projectKey)).toEqual(["GLOBEX-ERP"]);

    await world.as("contributor").benefit.record({
      ...pid(),
      measurementId: world.pir.measurementId,
      version: 1,
      value: 1.2,
      measuredOn: todayUtc(),
    });
    expect(await world.as("contributor").myWork.benefits()).toEqual([]);
  });

  it("shows a measurement from a week before it is due", async () => {
    const dueIn = (days: number) =>
      world.db
        .update(pirMeasurement)
        .set({ dueOn: addDays(todayUtc(), days) })
        .where(eq(pirMeasurement.id, world.pir.laterMeasurementId))
        .run();
    dueIn(8);
    expect(await world.as("contributor").myWork.benefits()).toHaveLength(1);
    dueIn(7);
    const due = await world.as("contributor").myWork.benefits();
    expect(due.map((b) => [b.dueOn, b.overdue])).toEqual([
      ["2025-01-15", true],
      [addDays(todayUtc(), 7), false],
    ]);
  });

  it("only the owner or a manager records, with the version read", async () => {
    world.db
      .update(pirKpi)
      .set({ ownerId: world.people.ipm.userId })
      .where(eq(pirKpi.id, world.pir.kpiId))
      .run();
    const input = {
      ...pid(),
      measurementId: world.pir.measurementId,
      version: 1,
      value: 1,
      measuredOn: "2026-11-20",
    };
    const error = await errorOf(world.as("contributor").benefit.record(input));
    expect(error.code).toBe("FORBIDDEN");
    await world.as("pm").benefit.record(input);
    const stale = await errorOf(world.as("ipm").benefit.record(input));
    expect(stale.code).toBe("CONFLICT");
  });
});

describe("variance", () => {
  it("is computed from the project and its go-live milestone, in working days net of holidays", async () => {
    // Baseline go-live (the milestone) Tue 1 Dec 2026; live Tue 8 Dec; Mon 7 Dec a holiday.
    world.db
      .update(project)
      .set({ actualGoLive: "2026-12-08", plannedBudget: 12_000_000, actualCost: 11_400_000 })
      .where(eq(project.id, world.projectId))
      .run();
    world.db
      .insert(holiday)
      .values({
        organizationId: world.orgId,
        date: "2026-12-07",
        name: "Bank holiday",
        createdAt: nowIso(),
      })
      .run();
    const { variance } = await world.as("stakeholder").pir.get(pid());
    expect(variance).toEqual({
      baselineGoLive: "2026-12-01",
      actualGoLive: "2026-12-08",
      scheduleVarianceDays: 4,
      plannedBudget: 12_000_000,
      actualCost: 11_400_000,
      budgetVariance: -600_000,
      budgetVariancePercent: -5,
      currency: "EUR",
      frozen: false,
    });
  });

  it("has no schedule variance until the project goes live", async () => {
    const { variance } = await world.as("pm").pir.get(pid());
    expect(variance).toMatchObject({ actualGoLive: null, scheduleVarianceDays: null });
  });
});
