import { and, auditLog, eq, invitation, member, projectMember } from "@rollout/db";
import { beforeEach, describe, expect, it } from "vitest";
import { callerFor, createWorld, errorOf, insertUser, type World } from "../testing/index.ts";

let world: World;
beforeEach(() => {
  world = createWorld();
});

const memberIdOf = (userId: string) =>
  world.db
    .select({ id: member.id })
    .from(member)
    .where(and(eq(member.organizationId, world.orgId), eq(member.userId, userId)))
    .get()!.id;

describe("organisations", () => {
  it("a new user creates an organisation, becomes its owner and works in it", async () => {
    const newcomer = insertUser(world.db, "Nina New", "nina@example.test");
    const nina = callerFor(world.db, newcomer);
    expect((await nina.session.get())?.activeOrg).toBeNull();
    expect((await errorOf(nina.project.list())).code).toBe("PRECONDITION_FAILED");

    const org = await nina.org.create({ name: "Nina's Rollouts", slug: "Ninas-Rollouts" });
    expect(org).toMatchObject({ name: "Nina's Rollouts", slug: "ninas-rollouts", version: 1 });
    const session = await nina.session.get();
    expect(session?.activeOrg).toMatchObject({ id: org.id, role: "owner" });
    expect(await nina.project.list()).toEqual([]);
  });

  it("refuses a taken slug with a field error", async () => {
    const error = await errorOf(world.as("pm").org.create({ name: "Copy", slug: "northwind" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.cause).toMatchObject({ fieldErrors: { slug: expect.stringMatching(/taken/) } });
  });

  it("cannot switch into an organisation one is not a member of", async () => {
    const error = await errorOf(world.as("otherOrg").org.switch({ orgId: world.orgId }));
    expect(error.code).toBe("NOT_FOUND");
  });

  it("switches between the organisations one belongs to", async () => {
    const pm = world.as("pm");
    const other = await pm.org.create({ name: "Second", slug: "second" });
    expect((await pm.session.get())?.activeOrg?.id).toBe(other.id);
    await pm.org.switch({ orgId: world.orgId });
    expect((await pm.session.get())?.activeOrg?.id).toBe(world.orgId);
    expect((await pm.project.list()).map((p) => p.key)).toEqual(["ACME-CRM"]);
  });

  it("renames with the current version and answers CONFLICT with a stale one", async () => {
    const admin = world.as("orgAdmin");
    await admin.org.update({ name: "Northwind Ltd", version: 1 });
    const error = await errorOf(admin.org.update({ name: "Other", version: 1 }));
    expect(error.code).toBe("CONFLICT");
    expect((await admin.org.get()).name).toBe("Northwind Ltd");
  });
});

describe("member roles", () => {
  it("lets an admin promote a member to admin, but not to owner", async () => {
    const admin = world.as("orgAdmin");
    const memberId = memberIdOf(world.people.orgMember.userId);
    await admin.org.changeRole({ memberId, role: "admin", version: 1 });
    const error = await errorOf(admin.org.changeRole({ memberId, role: "owner", version: 2 }));
    expect(error.code).toBe("FORBIDDEN");
    const members = await admin.org.members();
    expect(members.find((m) => m.id === memberId)?.role).toBe("admin");
  });

  it("never leaves an organisation without an owner", async () => {
    const owner = world.as("orgOwner");
    const ownerMemberId = memberIdOf(world.people.orgOwner.userId);
    const demote = await errorOf(
      owner.org.changeRole({ memberId: ownerMemberId, role: "admin", version: 1 }),
    );
    expect(demote.code).toBe("BAD_REQUEST");
    const remove = await errorOf(owner.org.removeMember({ memberId: ownerMemberId }));
    expect(remove.code).toBe("BAD_REQUEST");

    // With a second owner, the first may step down.
    await owner.org.changeRole({
      memberId: memberIdOf(world.people.orgAdmin.userId),
      role: "owner",
      version: 1,
    });
    await owner.org.changeRole({ memberId: ownerMemberId, role: "admin", version: 1 });
    expect((await owner.session.get())?.activeOrg?.role).toBe("admin");
  });

  it("removing a member stops their access at once and takes them off every project", async () => {
    const ipm = world.as("ipm");
    expect(await ipm.project.get({ projectId: world.projectId })).toBeTruthy();
    await world.as("orgAdmin").org.removeMember({ memberId: memberIdOf(world.people.ipm.userId) });

    expect((await errorOf(ipm.project.list())).code).toMatch(/FORBIDDEN|PRECONDITION_FAILED/);
    expect((await errorOf(ipm.project.get({ projectId: world.projectId }))).code).toMatch(
      /FORBIDDEN|PRECONDITION_FAILED/,
    );
    expect((await ipm.session.get())?.orgs).toEqual([]);
    const onProject = world.db
      .select()
      .from(projectMember)
      .where(eq(projectMember.userId, world.people.ipm.userId))
      .all();
    expect(onProject).toEqual([]);
    const audit = world.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "member"), eq(auditLog.action, "delete")))
      .all();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorUserId).toBe(world.people.orgAdmin.userId);
  });
});

describe("invitations", () => {
  const token = (link: string) => link.split("/invite/")[1]!;

  it("invites a customer straight onto a project as a read-only stakeholder", async () => {
    const created = await world.as("orgAdmin").org.invite({
      email: "  Dana@Customer.TEST ",
      role: "member",
      projectId: world.projectId,
      projectRole: "stakeholder",
    });
    expect(created.link).toMatch(/^http:\/\/rollout\.test\/invite\/[A-Za-z0-9_-]{40,}$/);
    expect(created.invitation).toMatchObject({
      email: "dana@customer.test",
      status: "pending",
      projectName: "ACME CRM go-live",
    });
    // Only a hash of the token is kept.
    const stored = world.db.select().from(invitation).all();
    expect(JSON.stringify(stored)).not.toContain(token(created.link));

    const preview = await world.as("anonymous").invitation.preview({ token: token(created.link) });
    expect(preview).toMatchObject({
      orgName: "Northwind Implementations",
      email: "dana@customer.test",
      projectRole: "stakeholder",
      invitedBy: "Adam Admin",
    });

    const dana = insertUser(world.db, "Dana Customer", "dana@customer.test");
    const accepted = await callerFor(world.db, dana).invitation.accept({
      token: token(created.link),
    });
    expect(accepted).toEqual({ orgId: world.orgId, projectId: world.projectId });
    const asDana = callerFor(world.db, dana);
    const got = await asDana.project.get({ projectId: world.projectId });
    expect(got).toMatchObject({ myRole: "stakeholder", canEdit: false });
    expect((await errorOf(asDana.project.history({ projectId: world.projectId }))).code).toBe(
      "FORBIDDEN",
    );

    // A used link is gone.
    expect((await errorOf(asDana.invitation.accept({ token: token(created.link) }))).code).toBe(
      "NOT_FOUND",
    );
  });

  it("refuses someone signed in with another email, and changes nothing", async () => {
    const { link } = await world.as("orgAdmin").org.invite({
      email: "dana@customer.test",
      role: "member",
      projectId: null,
      projectRole: null,
    });
    const eve = insertUser(world.db, "Eve", "eve@example.test");
    const error = await errorOf(callerFor(world.db, eve).invitation.accept({ token: token(link) }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/for dana@customer\.test/);
    expect(world.db.select().from(member).where(eq(member.userId, eve.userId)).all()).toEqual([]);
    expect(world.db.select().from(invitation).get()?.status).toBe("pending");
  });

  it("refuses expired and revoked links, and replaces an older pending invitation", async () => {
    const admin = world.as("orgAdmin");
    const first = await admin.org.invite({
      email: "late@example.test",
      role: "member",
      projectId: null,
      projectRole: null,
    });
    const second = await admin.org.invite({
      email: "late@example.test",
      role: "admin",
      projectId: null,
      projectRole: null,
    });
    expect((await admin.org.invitations()).map((i) => i.role)).toEqual(["admin"]);
    expect((await errorOf(admin.invitation.preview({ token: token(first.link) }))).code).toBe(
      "NOT_FOUND",
    );

    world.db
      .update(invitation)
      .set({ expiresAt: "2000-01-01T00:00:00.000Z" })
      .where(eq(invitation.id, second.invitation.id))
      .run();
    const expired = await errorOf(admin.invitation.preview({ token: token(second.link) }));
    expect(expired.message).toMatch(/expired/);

    const third = await admin.org.invite({
      email: "x@example.test",
      role: "member",
      projectId: null,
      projectRole: null,
    });
    await admin.org.revokeInvitation({ invitationId: third.invitation.id });
    expect((await errorOf(admin.invitation.preview({ token: token(third.link) }))).code).toBe(
      "NOT_FOUND",
    );
  });

  it("refuses to invite a current member, or onto another organisation's project", async () => {
    const admin = world.as("orgAdmin");
    const dup = await errorOf(
      admin.org.invite({
        email: "pm@northwind.test",
        role: "member",
        projectId: null,
        projectRole: null,
      }),
    );
    expect(dup.code).toBe("CONFLICT");
    const foreign = await errorOf(
      admin.org.invite({
        email: "new@example.test",
        role: "member",
        projectId: world.otherProjectId,
        projectRole: "pm",
      }),
    );
    expect(foreign.code).toBe("NOT_FOUND");
    const half = await errorOf(
      admin.org.invite({
        email: "new@example.test",
        role: "member",
        projectId: world.projectId,
        projectRole: null,
      }),
    );
    expect(half.code).toBe("BAD_REQUEST");
    expect(world.db.select().from(invitation).all()).toEqual([]);
  });
});
