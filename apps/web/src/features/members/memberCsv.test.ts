import { type OrgMember, type ProjectMember, parseCsv } from "@rollout/domain";
import { describe, expect, it } from "vitest";
import { orgMemberCsv, projectMemberCsv } from "./memberCsv.ts";

const projectMember = (overrides: Partial<ProjectMember> = {}): ProjectMember => ({
  id: "pm1",
  userId: "u1",
  name: "Priya Menon",
  email: "pm@rollout.demo",
  role: "ipm",
  orgRole: "admin",
  version: 1,
  ...overrides,
});

const orgMember = (overrides: Partial<OrgMember> = {}): OrgMember => ({
  id: "om1",
  userId: "u1",
  name: "Priya Menon",
  email: "pm@rollout.demo",
  role: "owner",
  version: 1,
  createdAt: "2026-01-12T09:15:00.000Z",
  ...overrides,
});

describe("project team CSV", () => {
  it("writes the header, then each person with both roles in words", () => {
    const rows = parseCsv(
      projectMemberCsv([
        projectMember(),
        projectMember({
          name: "Dan Kerr",
          email: "dan@acme.example",
          role: "stakeholder",
          orgRole: "member",
        }),
      ]),
    ).map((r) => r.cells);
    expect(rows).toEqual([
      ["Name", "Email", "Project role", "Organisation role"],
      ["Priya Menon", "pm@rollout.demo", "Implementation PM", "Admin"],
      ["Dan Kerr", "dan@acme.example", "Stakeholder", "Member"],
    ]);
  });

  it("guards a name a spreadsheet would run as a formula", () => {
    const csv = projectMemberCsv([projectMember({ name: "=SUM(1)" })]);
    expect(csv.split("\r\n")[1]).toBe("'=SUM(1),pm@rollout.demo,Implementation PM,Admin");
  });

  it("writes only the header for an empty team", () => {
    expect(projectMemberCsv([])).toBe("Name,Email,Project role,Organisation role\r\n");
  });
});

describe("organisation members CSV", () => {
  it("writes the header, then each member with their role and when they joined", () => {
    const rows = parseCsv(orgMemberCsv([orgMember()])).map((r) => r.cells);
    expect(rows).toEqual([
      ["Name", "Email", "Role", "Joined"],
      ["Priya Menon", "pm@rollout.demo", "Owner", "2026-01-12T09:15:00.000Z"],
    ]);
  });

  it("guards a name a spreadsheet would run as a formula", () => {
    const csv = orgMemberCsv([orgMember({ name: "=SUM(1)", role: "member" })]);
    expect(csv.split("\r\n")[1]).toBe("'=SUM(1),pm@rollout.demo,Member,2026-01-12T09:15:00.000Z");
  });

  it("writes only the header when there are no members", () => {
    expect(orgMemberCsv([])).toBe("Name,Email,Role,Joined\r\n");
  });
});
