import { eq, lesson, nowIso } from "@rollout/db";
import { beforeEach, describe, expect, it } from "vitest";
import { insertReview } from "../../testing/fixtures/pir.ts";
import {
  addOrgMember,
  addProjectRole,
  callerFor,
  createWorld,
  errorOf,
  insertPlan,
  insertProject,
  insertUser,
  type World,
} from "../../testing/index.ts";

let world: World;
let erpId: string;
let scanId: string;

/**
 * Besides the world's project (software, three lessons) and org B's: an earlier software
 * project and a hardware one in org A, each with a review and lessons.
 */
beforeEach(() => {
  world = createWorld();
  const pm = world.people.pm.userId;
  erpId = insertProject(world.db, world.orgId, {
    key: "NW-ERP",
    name: "Northwind ERP",
    kind: "software",
    stage: "closed",
  });
  scanId = insertProject(world.db, world.orgId, {
    key: "NW-SCAN",
    name: "Scanner rollout",
    kind: "hardware",
    stage: "closed",
  });
  for (const id of [erpId, scanId]) addProjectRole(world.db, id, pm, "pm");
  insertReview(world.db, {
    orgId: world.orgId,
    projectId: erpId,
    createdBy: pm,
    signer: pm,
    kpiOwner: pm,
    lessons: [
      {
        kind: "improve",
        category: "configuration",
        summary: "Configuration workshops ran long without a decision log",
        recommendation: "Keep a decision log from the first workshop and time-box each session",
        tags: ["workshops", "decisions"],
      },
      {
        kind: "went_well",
        category: "training",
        summary: "Train-the-trainer sessions reached every site before go-live",
        recommendation: "Book the trainers early",
        tags: ["training", "key-users"],
      },
    ],
  });
  insertReview(world.db, {
    orgId: world.orgId,
    projectId: scanId,
    createdBy: pm,
    signer: pm,
    kpiOwner: pm,
    lessons: [
      {
        kind: "improve",
        category: "configuration",
        summary: "Scanner configuration profiles differed between sites",
        recommendation: "Build one golden profile and push it from the device manager",
        tags: ["devices"],
      },
    ],
  });
});

const summaries = (items: Array<{ summary: string }>) => items.map((i) => i.summary).sort();

describe("the lessons library", () => {
  it("finds lessons of every project of the organisation by text, never another's", async () => {
    const found = await world.as("pm").lesson.search({ text: "UAT scripts" });
    expect(summaries(found.items)).toEqual([
      "Key users ran UAT scripts drawn from their own daily work",
    ]);
    expect(found.items[0]?.project).toMatchObject({ key: "ACME-CRM", kind: "software" });
    // Org B has a lesson with the same words; its owner finds only that one.
    const theirs = await world.as("otherOrg").lesson.search({ text: "UAT scripts" });
    expect(summaries(theirs.items)).toEqual([
      "Globex UAT scripts ran with key users every morning",
    ]);
    // Nothing from org B in A's whole library either.
    const all = await world.as("orgOwner").lesson.search({ limit: 100 });
    expect(all.items.every((l) => l.project.key !== "GLOBEX-ERP")).toBe(true);
    expect(all.items).toHaveLength(6);
  });

  it("matches the last word as a prefix and stems words", async () => {
    const pm = world.as("pm");
    expect(summaries((await pm.lesson.search({ text: "migr" })).items)).toEqual([
      "The trial migration found duplicate customer records late",
    ]);
    expect(summaries((await pm.lesson.search({ text: "workshop decision" })).items)).toEqual([
      "Configuration workshops ran long without a decision log",
    ]);
    // Recommendations and tags are searched too.
    expect(summaries((await pm.lesson.search({ text: "golden" })).items)).toEqual([
      "Scanner configuration profiles differed between sites",
    ]);
    expect(summaries((await pm.lesson.search({ text: "devices" })).items)).toEqual([
      "Scanner configuration profiles differed between sites",
    ]);
  });

  it("filters by category, tag, project kind and lesson kind", async () => {
    const pm = world.as("pm");
    expect(summaries((await pm.lesson.search({ category: "configuration" })).items)).toEqual([
      "Configuration workshops ran long without a decision log",
      "Scanner configuration profiles differed between sites",
    ]);
    expect(summaries((await pm.lesson.search({ tag: " Key Users" })).items)).toEqual([
      "Key users ran UAT scripts drawn from their own daily work",
      "Train-the-trainer sessions reached every site before go-live",
    ]);
    expect(summaries((await pm.lesson.search({ kind: "hardware" })).items)).toEqual([
      "Scanner configuration profiles differed between sites",
    ]);
    expect(
      summaries(
        (await pm.lesson.search({ kind: "software", lessonKind: "went_well", text: "key" })).items,
      ),
    ).toEqual([
      "Key users ran UAT scripts drawn from their own daily work",
      "Train-the-trainer sessions reached every site before go-live",
    ]);
    expect(
      (await pm.lesson.search({ category: "configuration", kind: "software", tag: "devices" }))
        .items,
    ).toEqual([]);
  });

  it.each([
    ['"'],
    ["*"],
    ['uat" OR "x'],
    ["NEAR(uat key, 3)"],
    ["summary:uat"],
    ["{summary}: uat"],
    ["uat NOT key"],
    ["^uat AND"],
    ["'); drop table lesson; --"],
  ])("treats %j as words, never as query syntax", async (text) => {
    const result = await world.as("pm").lesson.search({ text });
    expect(Array.isArray(result.items)).toBe(true);
    expect(world.db.select().from(lesson).all().length).toBeGreaterThan(0);
  });

  it("reads operators as plain words that must all appear", async () => {
    // "OR" is not an operator here: no lesson holds the word "or", so nothing matches.
    expect((await world.as("pm").lesson.search({ text: "uat OR configuration" })).items).toEqual(
      [],
    );
  });

  it("pages newest first, without repeats, until the last page", async () => {
    const pm = world.as("pm");
    const seen: string[] = [];
    let cursor: number | null = 0;
    let pages = 0;
    while (cursor !== null) {
      const page: Awaited<ReturnType<typeof pm.lesson.search>> = await pm.lesson.search({
        limit: 4,
        cursor,
      });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages += 1;
    }
    expect(pages).toBe(2);
    expect(new Set(seen).size).toBe(6);
    const limit = await errorOf(pm.lesson.search({ limit: 101 }));
    expect(limit.code).toBe("BAD_REQUEST");
  });

  it("leaves out deleted lessons", async () => {
    world.db
      .update(lesson)
      .set({ deletedAt: nowIso() })
      .where(eq(lesson.id, world.pir.lessonIds[0] as string))
      .run();
    expect((await world.as("pm").lesson.search({ text: "uat" })).items).toEqual([]);
  });

  it("is for project teams: a member who is only ever a stakeholder is refused", async () => {
    const error = await errorOf(world.as("stakeholder").lesson.search({}));
    expect(error.code).toBe("FORBIDDEN");
  });
});

describe("lesson suggestions", () => {
  it("for a new project: lessons from earlier projects of the same kind", async () => {
    const software = await world.as("orgAdmin").lesson.suggestions({ kind: "software", limit: 10 });
    expect(software.map((l) => l.project.key).sort()).toEqual([
      "ACME-CRM",
      "ACME-CRM",
      "ACME-CRM",
      "NW-ERP",
      "NW-ERP",
    ]);
    const hardware = await world.as("orgAdmin").lesson.suggestions({ kind: "hardware" });
    expect(summaries(hardware)).toEqual(["Scanner configuration profiles differed between sites"]);
    expect(await world.as("orgAdmin").lesson.suggestions({ kind: "process" })).toEqual([]);
  });

  it("for a plan phase: its tasks' categories, from OTHER projects of the same kind", async () => {
    // The world's phase "Build" holds configuration tasks.
    const result = await world
      .as("contributor")
      .lesson.forPhase({ projectId: world.projectId, phaseId: world.plan.phaseId });
    expect(result.phaseName).toBe("Build");
    expect(result.categories).toEqual(["configuration"]);
    expect(summaries(result.items)).toEqual([
      "Configuration workshops ran long without a decision log",
    ]);
  });

  it("for a phase of a project the caller cannot see: not found", async () => {
    // On NW-ERP's team (so the library is open to them) but not on the world project.
    const outsider = insertUser(world.db, "Olga Outsider", "olga@northwind.test", world.orgId);
    addOrgMember(world.db, world.orgId, outsider.userId, "member");
    addProjectRole(world.db, erpId, outsider.userId, "contributor");
    const caller = callerFor(world.db, outsider);
    expect((await caller.lesson.search({ text: "uat" })).items).toHaveLength(1);
    const hidden = await errorOf(
      caller.lesson.forPhase({ projectId: world.projectId, phaseId: world.plan.phaseId }),
    );
    expect(hidden.code).toBe("NOT_FOUND");
    // A phase of another project, named under this one.
    const erpPlan = insertPlan(world.db, erpId, { contributor: null, ipm: null });
    const mixed = await errorOf(
      world.as("pm").lesson.forPhase({ projectId: world.projectId, phaseId: erpPlan.phaseId }),
    );
    expect(mixed.code).toBe("NOT_FOUND");
    const otherOrg = await errorOf(
      world
        .as("otherOrg")
        .lesson.forPhase({ projectId: world.projectId, phaseId: world.plan.phaseId }),
    );
    expect(otherOrg.code).toBe("NOT_FOUND");
  });
});
