import { describe, expect, it } from "vitest";
import { projectRoles } from "./enums.ts";
import {
  canAssignOrgRole,
  orgAllows,
  type ProjectPermission,
  permissions,
  projectAccessRole,
  projectAllows,
  teamOnly,
} from "./permissions.ts";

const projectPermissions = Object.entries(permissions)
  .filter(([, a]) => a.scope === "project")
  .map(([p]) => p as ProjectPermission);

describe("permissions", () => {
  it("lets stakeholders read the project's areas, except the register about them, and change nothing", () => {
    for (const p of projectPermissions) {
      const isRead = [
        "project.read",
        "plan.read",
        "schedule.read",
        "gate.signoff",
        "raid.read",
        "report.read",
        // The review they sign, and comments where the service lets them write.
        "pir.read",
        "pir.signoff",
        "comment.read",
        "comment.write",
      ].includes(p);
      expect(projectAllows(p, "stakeholder"), p).toBe(isRead);
    }
  });

  it("keeps organisation-wide team knowledge (lessons, templates) for project teams", () => {
    expect(teamOnly("lesson.read")).toBe(true);
    expect(teamOnly("template.read")).toBe(true);
    expect(teamOnly("project.list")).toBe(false);
    expect(teamOnly("notification.read")).toBe(false);
  });

  it("lets org owners and admins act as admin on every project", () => {
    expect(projectAccessRole("owner", null)).toBe("admin");
    expect(projectAccessRole("admin", "stakeholder")).toBe("admin");
    expect(projectAccessRole("member", null)).toBeNull();
    for (const role of projectRoles) expect(projectAccessRole("member", role)).toBe(role);
    for (const p of projectPermissions) expect(projectAllows(p, "admin"), p).toBe(true);
  });

  it("keeps the register, exports, reports' drafts and share links from stakeholders", () => {
    expect(projectAllows("project.export", "stakeholder")).toBe(false);
    expect(projectAllows("project.export", "contributor")).toBe(false);
    expect(projectAllows("report.publish", "ipm")).toBe(false);
    expect(projectAllows("share.manage", "ipm")).toBe(false);
    expect(projectAllows("share.manage", "pm")).toBe(true);
  });

  it("keeps the stakeholder register from stakeholders and its edits to the managers", () => {
    expect(projectAllows("stakeholder.read", "stakeholder")).toBe(false);
    expect(projectAllows("stakeholder.read", "contributor")).toBe(true);
    expect(projectAllows("stakeholder.edit", "contributor")).toBe(false);
    expect(projectAllows("raid.edit", "contributor")).toBe(false);
    expect(projectAllows("raid.edit", "ipm")).toBe(true);
  });

  it("gives the PM the override and archive, and the IPM the day-to-day edits", () => {
    expect(projectAllows("project.health.override", "pm")).toBe(true);
    expect(projectAllows("project.health.override", "ipm")).toBe(false);
    expect(projectAllows("project.update", "ipm")).toBe(true);
    expect(projectAllows("project.update", "contributor")).toBe(false);
  });

  it("keeps organisation management to owners and admins", () => {
    expect(orgAllows("org.members.manage", "member")).toBe(false);
    expect(orgAllows("org.members.manage", "admin")).toBe(true);
    expect(orgAllows("project.create", "member")).toBe(false);
    expect(orgAllows("project.list", "member")).toBe(true);
  });

  it("lets only owners grant or remove the owner role", () => {
    expect(canAssignOrgRole("owner", "owner")).toBe(true);
    expect(canAssignOrgRole("admin", "owner")).toBe(false);
    expect(canAssignOrgRole("admin", "member")).toBe(true);
    expect(canAssignOrgRole("member", "member")).toBe(false);
  });
});
