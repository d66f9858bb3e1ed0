import { describe, expect, it } from "vitest";
import {
  commChangesFrom,
  commFormErrors,
  commValues,
  emptyCommValues,
  parseCommCreate,
  parseCommUpdate,
} from "./commForm.ts";
import {
  changesFrom,
  emptyStakeholderValues,
  formErrors,
  parseCreate,
  parseUpdate,
  rebase,
  stakeholderValues,
} from "./stakeholderForm.ts";
import { person } from "./testStakeholders.ts";

describe("the stakeholder form", () => {
  it("refuses a blank name and a bad email with the API's messages", () => {
    const parsed = parseCreate({ ...emptyStakeholderValues(), name: " ", email: "not-an-email" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.name).toBe("Name is required");
    expect(parsed.errors.email).toBe("Enter a valid email address");
  });

  it("sends no email and no sign-in user as null", () => {
    const parsed = parseCreate({ ...emptyStakeholderValues(), name: "Ada", email: "  " });
    expect(parsed).toMatchObject({ ok: true, data: { name: "Ada", email: null, userId: null } });
  });

  it("sends only what changed", () => {
    const before = stakeholderValues(person("Ada", { power: 2 }));
    expect(changesFrom(before, before)).toEqual({});
    expect(changesFrom(before, { ...before, power: 5, userId: "u1" })).toEqual({
      power: 5,
      userId: "u1",
    });
    expect(parseUpdate("s1", 3, before, before)).toEqual({ ok: true, data: null });
    expect(parseUpdate("s1", 3, before, { ...before, interest: 1 })).toEqual({
      ok: true,
      data: { stakeholderId: "s1", version: 3, changes: { interest: 1 } },
    });
  });

  it("puts the server's field errors next to the form's fields", () => {
    expect(formErrors({ "changes.userId": "Taken", name: "Required" })).toEqual({
      userId: "Taken",
      name: "Required",
    });
  });

  it("keeps my edits on top of their version after a conflict", () => {
    const before = stakeholderValues(person("Ada", { power: 2, interest: 2 }));
    const mine = { ...before, power: 5 };
    const theirs = { ...before, interest: 4, notes: "Moved by Ian" };
    expect(rebase(before, mine, theirs)).toEqual({ ...theirs, power: 5 });
  });
});

describe("the communication form", () => {
  const values = { ...emptyCommValues("2026-03-04"), purpose: "Weekly status", channel: " Email " };

  it("sends a quadrant or named people as the audience, never both", () => {
    const byQuadrant = parseCommCreate(values);
    expect(byQuadrant).toMatchObject({
      ok: true,
      data: {
        audience: { stakeholderIds: [], quadrant: "manage_closely" },
        channel: "Email",
        nextDue: "2026-03-04",
      },
    });
    const byName = parseCommCreate({ ...values, audienceMode: "people", stakeholderIds: ["s1"] });
    expect(byName).toMatchObject({
      ok: true,
      data: { audience: { stakeholderIds: ["s1"], quadrant: null } },
    });
  });

  it("asks for an audience, a purpose and a channel", () => {
    const parsed = parseCommCreate({
      ...values,
      audienceMode: "people",
      stakeholderIds: [],
      purpose: "",
      channel: "",
      nextDue: "",
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toMatchObject({
      audience: "Choose the audience: stakeholders or a quadrant",
      purpose: "Purpose is required",
      channel: "Channel is required",
    });
    expect(parsed.errors.nextDue).toBeUndefined();
  });

  it("sends only what changed, the audience as a whole", () => {
    const comm = {
      id: "c1",
      audience: {
        stakeholders: [
          { id: "a", name: "Ada" },
          { id: "b", name: "Bob" },
        ],
        quadrant: null,
      },
      purpose: "Steering",
      channel: "Meeting",
      frequency: "monthly" as const,
      ownerRole: "pm" as const,
      nextDue: null,
      overdue: false,
      lastDoneOn: null,
      lastDoneBy: null,
      notes: "",
      version: 4,
    };
    const before = commValues(comm);
    expect(before.audienceMode).toBe("people");
    expect(commChangesFrom(before, { ...before, stakeholderIds: ["b", "a"] })).toEqual({});
    expect(commChangesFrom(before, { ...before, stakeholderIds: ["a"] })).toEqual({
      audience: { stakeholderIds: ["a"], quadrant: null },
    });
    expect(parseCommUpdate("c1", 4, before, { ...before, nextDue: "2026-04-01" })).toEqual({
      ok: true,
      data: { commId: "c1", version: 4, changes: { nextDue: "2026-04-01" } },
    });
  });

  it("puts every audience message next to the audience choice", () => {
    expect(
      commFormErrors({ "changes.audience.quadrant": "Not both", "changes.channel": "Too long" }),
    ).toEqual({ audience: "Not both", channel: "Too long" });
  });
});
