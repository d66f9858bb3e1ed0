import { auditLog, eq, project } from "@rollout/db";
import { beforeEach, describe, expect, it } from "vitest";
import { createWorld, errorOf, projectFields, type World } from "../testing/index.ts";

let world: World;
beforeEach(() => {
  world = createWorld();
});

describe("project.create", () => {
  it("creates a project with every field, makes the creator its PM and audits both", async () => {
    const { id } = await world.as("orgAdmin").project.create({
      ...projectFields({ key: "acme-wms", name: "ACME warehouse scanners", kind: "hardware" }),
      creatorRole: "pm",
    });
    const got = await world.as("orgAdmin").project.get({ projectId: id });
    expect(got).toMatchObject({
      key: "ACME-WMS",
      name: "ACME warehouse scanners",
      kind: "hardware",
      plannedBudget: 12_000_000,
      currency: "EUR",
      version: 1,
      myRole: "admin",
      projectRole: "pm",
      canEdit: true,
    });
    const members = await world.as("orgAdmin").project.members.list({ projectId: id });
    expect(members.map((m) => [m.email, m.role])).toEqual([["admin@northwind.test", "pm"]]);
    const rows = world.db.select().from(auditLog).where(eq(auditLog.projectId, id)).all();
    expect(rows.map((r) => `${r.entityType}:${r.action}`).sort()).toEqual([
      "project:create",
      "project_member:create",
    ]);
    expect(rows.every((r) => r.actorUserId === world.people.orgAdmin.userId)).toBe(true);
  });

  it("refuses a duplicate key in the same organisation with a field error, writing nothing", async () => {
    const before = world.db.select().from(project).all().length;
    const error = await errorOf(
      world.as("orgAdmin").project.create({ ...projectFields(), creatorRole: "pm" }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/already uses the key ACME-CRM/);
    expect(world.db.select().from(project).all()).toHaveLength(before);
  });

  it("allows the same key in another organisation", async () => {
    const { id } = await world
      .as("otherOrg")
      .project.list()
      .then(() =>
        world.as("orgOwner").project.create({
          ...projectFields({ key: "GLOBEX-ERP" }),
          creatorRole: "ipm",
        }),
      );
    expect(id).toBeTruthy();
  });

  it("refuses a go-live before the start date", async () => {
    const error = await errorOf(
      world.as("orgAdmin").project.create({
        ...projectFields({ key: "BAD-DATES", startDate: "2027-01-10", targetGoLive: "2027-01-01" }),
        creatorRole: "pm",
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
  });
});

describe("project.update", () => {
  it("saves with the current version and answers CONFLICT, writing nothing, with a stale one", async () => {
    const pm = world.as("pm");
    const current = await pm.project.get({ projectId: world.projectId });
    const { myRole: _r, canEdit: _c, healthOverride: _h, archivedAt: _a, ...rest } = current;
    const fields = {
      key: rest.key,
      name: "Renamed",
      customer: rest.customer,
      kind: rest.kind,
      stage: "testing" as const,
      status: rest.status,
      startDate: rest.startDate,
      targetGoLive: rest.targetGoLive,
      actualGoLive: rest.actualGoLive,
      plannedBudget: rest.plannedBudget,
      actualCost: rest.actualCost,
      currency: rest.currency,
      objectives: rest.objectives,
    };
    const saved = await pm.project.update({ projectId: world.projectId, version: 1, ...fields });
    expect(saved).toMatchObject({ name: "Renamed", stage: "testing", version: 2 });

    const error = await errorOf(
      world.as("ipm").project.update({
        projectId: world.projectId,
        version: 1,
        ...fields,
        name: "Overwrite",
      }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/changed by someone else/);
    const row = world.db.select().from(project).where(eq(project.id, world.projectId)).get();
    expect(row).toMatchObject({ name: "Renamed", version: 2 });

    const history = await pm.project.history({ projectId: world.projectId });
    expect(history[0]).toMatchObject({
      action: "update",
      actorName: "Paula PM",
      before: { name: "ACME CRM go-live", stage: "build" },
      after: { name: "Renamed", stage: "testing" },
    });
  });

  it("answers NOT_FOUND for another organisation's project, exactly like a missing id", async () => {
    const foreign = await errorOf(
      world.as("orgOwner").project.get({ projectId: world.otherProjectId }),
    );
    const missing = await errorOf(world.as("orgOwner").project.get({ projectId: "nope" }));
    expect(foreign.code).toBe("NOT_FOUND");
    expect(missing.code).toBe("NOT_FOUND");
    expect(foreign.message).toBe(missing.message);
  });

  it("refuses a stakeholder's write with FORBIDDEN and tells the UI not to show edit controls", async () => {
    const got = await world.as("stakeholder").project.get({ projectId: world.projectId });
    expect(got.canEdit).toBe(false);
    const error = await errorOf(
      world.as("stakeholder").project.archive({
        projectId: world.projectId,
        version: 1,
        archived: true,
      }),
    );
    expect(error.code).toBe("FORBIDDEN");
  });
});
