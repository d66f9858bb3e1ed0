import { beforeEach, describe, expect, it } from "vitest";
import { createWorld, errorOf, insertUser, projectFields, type World } from "../testing/index.ts";

let world: World;
beforeEach(() => {
  world = createWorld();
});

describe("project members", () => {
  it("adds an organisation member, changes their role, and removes them", async () => {
    const pm = world.as("pm");
    const input = { projectId: world.projectId };
    await pm.project.members.add({
      ...input,
      userId: world.people.orgMember.userId,
      role: "contributor",
    });
    let mia = (await pm.project.members.list(input)).find(
      (m) => m.email === "member@northwind.test",
    );
    expect(mia).toMatchObject({ role: "contributor", orgRole: "member", version: 1 });

    await pm.project.members.update({
      ...input,
      memberId: mia!.id,
      role: "stakeholder",
      version: 1,
    });
    const stale = await errorOf(
      pm.project.members.update({ ...input, memberId: mia!.id, role: "ipm", version: 1 }),
    );
    expect(stale.code).toBe("CONFLICT");
    mia = (await pm.project.members.list(input)).find((m) => m.email === "member@northwind.test");
    expect(mia).toMatchObject({ role: "stakeholder", version: 2 });

    expect((await world.as("orgMember").project.get(input)).canEdit).toBe(false);
    await pm.project.members.remove({ ...input, memberId: mia!.id });
    expect((await errorOf(world.as("orgMember").project.get(input))).code).toBe("NOT_FOUND");

    const history = await pm.project.history(input);
    expect(history.filter((h) => h.entityType === "project_member").map((h) => h.action)).toEqual([
      "delete",
      "update",
      "create",
    ]);
  });

  it("refuses someone outside the organisation and a person already on the project", async () => {
    const pm = world.as("pm");
    const outsider = insertUser(world.db, "Out Sider", "out@example.test");
    const notInOrg = await errorOf(
      pm.project.members.add({ projectId: world.projectId, userId: outsider.userId, role: "pm" }),
    );
    expect(notInOrg.code).toBe("BAD_REQUEST");
    const foreign = await errorOf(
      pm.project.members.add({
        projectId: world.projectId,
        userId: world.people.otherOrg.userId,
        role: "pm",
      }),
    );
    expect(foreign.code).toBe("BAD_REQUEST");
    const twice = await errorOf(
      pm.project.members.add({
        projectId: world.projectId,
        userId: world.people.ipm.userId,
        role: "pm",
      }),
    );
    expect(twice.code).toBe("CONFLICT");
  });
});

describe("project visibility", () => {
  it("shows admins every project, members only theirs, and another organisation nothing", async () => {
    const admin = world.as("orgAdmin");
    const second = await admin.project.create({
      ...projectFields({ key: "NW-2" }),
      creatorRole: "ipm",
    });
    expect((await admin.project.list()).map((p) => p.key).sort()).toEqual(["ACME-CRM", "NW-2"]);
    expect((await world.as("stakeholder").project.list()).map((p) => p.key)).toEqual(["ACME-CRM"]);
    expect(await world.as("orgMember").project.list()).toEqual([]);
    expect((await world.as("otherOrg").project.list()).map((p) => p.key)).toEqual(["GLOBEX-ERP"]);

    const listed = (await admin.project.list()).find((p) => p.key === "ACME-CRM");
    expect(listed).toMatchObject({ pmName: "Paula PM", ipmName: "Ivan IPM", myRole: "admin" });
    expect((await admin.project.list()).find((p) => p.id === second.id)?.ipmName).toBe(
      "Adam Admin",
    );
  });

  it("hides archived projects unless asked, and restores them", async () => {
    const pm = world.as("pm");
    const archived = await pm.project.archive({
      projectId: world.projectId,
      version: 1,
      archived: true,
    });
    expect(archived.archivedAt).not.toBeNull();
    expect(await pm.project.list()).toEqual([]);
    expect((await pm.project.list({ includeArchived: true })).map((p) => p.key)).toEqual([
      "ACME-CRM",
    ]);
    const restored = await pm.project.archive({
      projectId: world.projectId,
      version: 2,
      archived: false,
    });
    expect(restored).toMatchObject({ archivedAt: null, version: 3 });
  });

  it("records a PM's health override with reason, who and when, and clears it", async () => {
    const pm = world.as("pm");
    const set = await pm.project.overrideHealth({
      projectId: world.projectId,
      version: 1,
      override: { rag: "red", reason: "Integration vendor missed the second drop" },
    });
    expect(set.healthOverride).toMatchObject({ rag: "red", byName: "Paula PM" });
    const blank = await errorOf(
      pm.project.overrideHealth({
        projectId: world.projectId,
        version: 2,
        override: { rag: "red", reason: "   " },
      }),
    );
    expect(blank.code).toBe("BAD_REQUEST");
    const cleared = await pm.project.overrideHealth({
      projectId: world.projectId,
      version: 2,
      override: null,
    });
    expect(cleared.healthOverride).toBeNull();
    expect(
      (
        await errorOf(
          world
            .as("ipm")
            .project.overrideHealth({ projectId: world.projectId, version: 3, override: null }),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });
});
