import { auditLog, commItem, count, eq, projectMember } from "@rollout/db";
import { addDays, todayUtc } from "@rollout/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { callerFor, createWorld, errorOf, insertUser, type World } from "../testing/index.ts";

let world: World;
beforeEach(() => {
  world = createWorld();
});
const pid = () => ({ projectId: world.projectId });
const audits = () => world.db.select({ n: count() }).from(auditLog).get()?.n ?? 0;

describe("stakeholder register", () => {
  it("derives the quadrant and engagement gap, and counts the open RAID items each owns", async () => {
    const pm = world.as("pm");
    const { id } = await pm.stakeholder.create({
      ...pid(),
      name: "Kim Keyuser",
      side: "customer",
      power: 2,
      interest: 5,
      engagementCurrent: "unaware",
      engagementDesired: "supportive",
    });
    const list = await pm.stakeholder.list(pid());
    const byName = new Map(list.map((s) => [s.name, s]));
    expect(byName.get("Kim Keyuser")).toMatchObject({
      id,
      quadrant: "keep_informed",
      engagementGap: 3,
      openRaidItems: 0,
      user: null,
    });
    expect(byName.get("Sam Sponsor")).toMatchObject({
      quadrant: "manage_closely",
      engagementGap: 2,
      openRaidItems: 1,
    });
  });

  it("moves a stakeholder across the grid with a version check", async () => {
    const pm = world.as("pm");
    const stakeholderId = world.register.stakeholderId;
    await pm.stakeholder.update({
      ...pid(),
      stakeholderId,
      version: 1,
      changes: { power: 2, interest: 1 },
    });
    const moved = (await pm.stakeholder.list(pid())).find((s) => s.id === stakeholderId);
    expect(moved).toMatchObject({ power: 2, interest: 1, quadrant: "monitor", version: 2 });
    const auditBefore = audits();
    const stale = await errorOf(
      pm.stakeholder.update({ ...pid(), stakeholderId, version: 1, changes: { power: 5 } }),
    );
    expect(stale.code).toBe("CONFLICT");
    const range = await errorOf(
      pm.stakeholder.update({ ...pid(), stakeholderId, version: 2, changes: { power: 0 } }),
    );
    expect(range.code).toBe("BAD_REQUEST");
    expect(audits()).toBe(auditBefore);
    expect((await pm.stakeholder.list(pid())).find((s) => s.id === stakeholderId)?.power).toBe(2);
  });

  it("links a sign-in: the person joins the project as a stakeholder and can read it", async () => {
    const pm = world.as("pm");
    const mia = world.people.orgMember;
    expect((await errorOf(world.as("orgMember").raid.list(pid()))).code).toBe("NOT_FOUND");
    await pm.stakeholder.update({
      ...pid(),
      stakeholderId: world.register.stakeholderId,
      version: 1,
      changes: { userId: mia.userId },
    });
    const role = world.db
      .select({ role: projectMember.role })
      .from(projectMember)
      .where(eq(projectMember.userId, mia.userId))
      .get();
    expect(role).toEqual({ role: "stakeholder" });
    const seen = await world.as("orgMember").raid.list(pid());
    expect(seen.items.map((i) => i.id)).toEqual([world.register.riskId]);
    expect((await errorOf(world.as("orgMember").stakeholder.list(pid()))).code).toBe("FORBIDDEN");
    const twice = await errorOf(
      pm.stakeholder.create({ ...pid(), name: "Mia again", side: "internal", userId: mia.userId }),
    );
    expect(twice.code).toBe("CONFLICT");
    const outsider = await errorOf(
      pm.stakeholder.create({
        ...pid(),
        name: "Gus",
        side: "vendor",
        userId: world.people.otherOrg.userId,
      }),
    );
    expect(outsider.code).toBe("BAD_REQUEST");
  });

  it("links a stakeholder invited to sign in when they accept, by their email", async () => {
    const pm = world.as("pm");
    await pm.stakeholder.create({
      ...pid(),
      name: "Dana Customer",
      side: "customer",
      email: "Dana@Customer.test",
    });
    const invite = await world.as("orgAdmin").org.invite({
      email: "dana@customer.test",
      role: "member",
      projectId: world.projectId,
      projectRole: "stakeholder",
    });
    const dana = insertUser(world.db, "Dana C.", "dana@customer.test");
    await callerFor(world.db, dana).invitation.accept({ token: invite.link.split("/").pop()! });
    const entry = (await pm.stakeholder.list(pid())).find((s) => s.name === "Dana Customer");
    expect(entry?.user).toEqual({ id: dana.userId, name: "Dana C.", email: "dana@customer.test" });
    const other = (await pm.stakeholder.list(pid())).find((s) => s.name === "Sam Sponsor");
    expect(other?.user).toBeNull();
  });

  it("answers NOT_FOUND for another organisation's stakeholders and drops deleted ones", async () => {
    const pm = world.as("pm");
    const theirs = world.otherRegister.stakeholderId;
    expect(
      (
        await errorOf(
          pm.stakeholder.update({
            ...pid(),
            stakeholderId: theirs,
            version: 1,
            changes: { power: 1 },
          }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    await pm.stakeholder.delete({
      ...pid(),
      stakeholderId: world.register.stakeholderId,
      version: 1,
    });
    expect(await pm.stakeholder.list(pid())).toEqual([]);
    const risk = await pm.raid.get({ ...pid(), itemId: world.register.riskId });
    expect(risk.owner).toBeNull();
    const comms = await pm.comms.list(pid());
    expect(comms.items[0]?.audience.stakeholders).toEqual([]);
  });
});

describe("communication plan", () => {
  it("creates items for named stakeholders or a quadrant, never both or neither", async () => {
    const ipm = world.as("ipm");
    const base = {
      ...pid(),
      purpose: "Key-user newsletter",
      channel: "Newsletter",
      frequency: "fortnightly" as const,
      ownerRole: "ipm" as const,
      nextDue: "2026-12-04",
    };
    const { id } = await ipm.comms.create({
      ...base,
      audience: { stakeholderIds: [], quadrant: "keep_informed" },
    });
    const both = await errorOf(
      ipm.comms.create({
        ...base,
        audience: { stakeholderIds: [world.register.stakeholderId], quadrant: "monitor" },
      }),
    );
    expect(both.code).toBe("BAD_REQUEST");
    const neither = await errorOf(
      ipm.comms.create({ ...base, audience: { stakeholderIds: [], quadrant: null } }),
    );
    expect(neither.code).toBe("BAD_REQUEST");
    const foreign = await errorOf(
      ipm.comms.create({
        ...base,
        audience: { stakeholderIds: [world.otherRegister.stakeholderId], quadrant: null },
      }),
    );
    expect(foreign.code).toBe("NOT_FOUND");
    const list = await ipm.comms.list(pid());
    expect(list.items.map((i) => i.id)).toEqual([world.register.commId, id]);
    expect(list.items[0]?.audience.stakeholders).toEqual([
      { id: world.register.stakeholderId, name: "Sam Sponsor" },
    ]);
  });

  it("marking done moves the next due date along the cadence", async () => {
    const pm = world.as("pm");
    const commId = world.register.commId;
    const done = await pm.comms.markDone({ ...pid(), commId, version: 1, doneOn: "2026-11-20" });
    expect(done.nextDue).toBe("2026-11-27");
    // Done very late: missed weeks are skipped, the weekday is kept.
    const late = await pm.comms.markDone({ ...pid(), commId, version: 2, doneOn: "2026-12-16" });
    expect(late.nextDue).toBe("2026-12-18");
    const item = (await pm.comms.list(pid())).items[0];
    expect(item).toMatchObject({
      lastDoneOn: "2026-12-16",
      lastDoneBy: "Paula PM",
      nextDue: "2026-12-18",
    });
    const stale = await errorOf(pm.comms.markDone({ ...pid(), commId, version: 2 }));
    expect(stale.code).toBe("CONFLICT");
    await pm.comms.update({
      ...pid(),
      commId,
      version: 3,
      changes: { frequency: "monthly", nextDue: "2027-01-31" },
    });
    const monthly = await pm.comms.markDone({ ...pid(), commId, version: 4, doneOn: "2027-01-31" });
    expect(monthly.nextDue).toBe("2027-02-28");
    const again = await pm.comms.markDone({ ...pid(), commId, version: 5, doneOn: "2027-02-28" });
    expect(again.nextDue).toBe("2027-03-31");
  });

  it("a per-milestone item falls due at the next milestone's forecast", async () => {
    const pm = world.as("pm");
    const { id: later } = await pm.schedule.milestone.create({
      ...pid(),
      name: "Hypercare exit",
      baselineDate: "2027-01-15",
    });
    await pm.comms.update({
      ...pid(),
      commId: world.register.commId,
      version: 1,
      changes: { frequency: "per_milestone" },
    });
    const schedule = await pm.schedule.get(pid());
    const goLive = schedule.milestones.find((m) => m.isGoLive);
    const first = await pm.comms.markDone({
      ...pid(),
      commId: world.register.commId,
      version: 2,
      doneOn: "2026-11-20",
    });
    expect(first.nextDue).toBe(goLive?.forecastDate ?? goLive?.baselineDate);
    const second = await pm.comms.markDone({
      ...pid(),
      commId: world.register.commId,
      version: 3,
      doneOn: "2026-12-31",
    });
    expect(second.nextDue).toBe(schedule.milestones.find((m) => m.id === later)?.baselineDate);
  });

  it("overdue items appear in My work of whoever holds the owner role", async () => {
    const today = todayUtc();
    world.db
      .update(commItem)
      .set({ nextDue: addDays(today, -2) })
      .where(eq(commItem.id, world.register.commId))
      .run();
    const mine = await world.as("pm").myWork.communications();
    expect(mine).toEqual([
      expect.objectContaining({
        commId: world.register.commId,
        projectId: world.projectId,
        purpose: "Weekly status",
        overdue: true,
        nextDue: addDays(today, -2),
      }),
    ]);
    expect(await world.as("ipm").myWork.communications()).toEqual([]);
    expect(await world.as("orgOwner").myWork.communications()).toEqual([]);
    world.db
      .update(commItem)
      .set({ nextDue: addDays(today, 3) })
      .where(eq(commItem.id, world.register.commId))
      .run();
    expect(await world.as("pm").myWork.communications()).toEqual([]);
  });
});
