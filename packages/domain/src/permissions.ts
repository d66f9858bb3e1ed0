import type { OrgRole, ProjectRole } from "./enums.ts";

/**
 * Every procedure declares one of these in its meta. A permission has a scope:
 * - `public`: anyone, signed in or not;
 * - `user`: any signed-in person, with or without an organisation;
 * - `org`: a member of the active organisation with one of `orgRoles`; with `teamOnly`, a plain
 *   member must also be on the team (pm, ipm or contributor) of some project: organisation-wide
 *   knowledge (lessons, templates) is not for people who are only ever stakeholders;
 * - `project`: someone who can see the project and holds one of `projectRoles` on it
 *   (organisation owners and admins act as `admin` on every project of their organisation).
 */
export type Access =
  | { scope: "public" }
  | { scope: "user" }
  | { scope: "org"; orgRoles: readonly OrgRole[]; teamOnly?: true }
  | { scope: "project"; projectRoles: readonly ProjectAccessRole[] };

/** A project role, or `admin` for an organisation owner/admin acting on any project. */
export type ProjectAccessRole = ProjectRole | "admin";

const anyOrgRole = ["owner", "admin", "member"] as const;
const orgAdmins = ["owner", "admin"] as const;
const everyoneOnProject = ["admin", "pm", "ipm", "contributor", "stakeholder"] as const;
const projectManagers = ["admin", "pm", "ipm"] as const;

/** The permission table: the one place that says who may do what. */
export const permissions = {
  "session.read": { scope: "public" },
  "org.list": { scope: "user" },
  "org.create": { scope: "user" },
  "org.switch": { scope: "user" },
  "invitation.read": { scope: "public" },
  "invitation.accept": { scope: "user" },
  "org.read": { scope: "org", orgRoles: anyOrgRole },
  "org.update": { scope: "org", orgRoles: orgAdmins },
  "org.members.manage": { scope: "org", orgRoles: orgAdmins },
  "project.list": { scope: "org", orgRoles: anyOrgRole },
  "project.create": { scope: "org", orgRoles: orgAdmins },
  "project.read": { scope: "project", projectRoles: everyoneOnProject },
  "project.update": { scope: "project", projectRoles: projectManagers },
  "project.archive": { scope: "project", projectRoles: ["admin", "pm"] },
  "project.health.override": { scope: "project", projectRoles: ["admin", "pm"] },
  /** The whole project as a file, internal-only rows included: the managers only. */
  "project.export": { scope: "project", projectRoles: projectManagers },
  "project.members.manage": { scope: "project", projectRoles: projectManagers },
  "project.audit.read": {
    scope: "project",
    projectRoles: ["admin", "pm", "ipm", "contributor"],
  },
  "plan.read": { scope: "project", projectRoles: everyoneOnProject },
  /** Phases, new tasks, moves, deletes, dependencies, responsibilities, bulk edits. */
  "plan.edit": { scope: "project", projectRoles: projectManagers },
  /** Editing one task; contributors only their own tasks' progress (checked in the service). */
  "task.update": { scope: "project", projectRoles: ["admin", "pm", "ipm", "contributor"] },
  "schedule.read": { scope: "project", projectRoles: everyoneOnProject },
  /** Milestones, gate criteria and signers, baselines. */
  "schedule.edit": { scope: "project", projectRoles: projectManagers },
  /** Go/no-go decisions and achieving a gate over unmet criteria. */
  "gate.decide": { scope: "project", projectRoles: ["admin", "pm"] },
  /** Signing off a gate: only the people named on it (checked in the service). */
  "gate.signoff": { scope: "project", projectRoles: everyoneOnProject },
  /** The RAID log; stakeholders see only items not marked internal-only. */
  "raid.read": { scope: "project", projectRoles: everyoneOnProject },
  "raid.edit": { scope: "project", projectRoles: projectManagers },
  /**
   * The stakeholder register and communication plan. Not for stakeholders: it holds the team's
   * candid view of people (power, engagement, notes).
   */
  "stakeholder.read": { scope: "project", projectRoles: ["admin", "pm", "ipm", "contributor"] },
  "stakeholder.edit": { scope: "project", projectRoles: projectManagers },
  /** Status reports: stakeholders read published ones only (checked in the service). */
  "report.read": { scope: "project", projectRoles: everyoneOnProject },
  "report.edit": { scope: "project", projectRoles: projectManagers },
  /** Publishing freezes a report for good: the PM's call. */
  "report.publish": { scope: "project", projectRoles: ["admin", "pm"] },
  /** Read-only links to a project's stakeholder view. */
  "share.manage": { scope: "project", projectRoles: ["admin", "pm"] },
  /** Opening a share link: anyone holding a live token. */
  "share.view": { scope: "public" },
  "playbook.read": { scope: "org", orgRoles: anyOrgRole },
  "playbook.manage": { scope: "org", orgRoles: orgAdmins },
  "mywork.read": { scope: "org", orgRoles: anyOrgRole },
  /** The post-implementation review: stakeholders read it (they sign it). */
  "pir.read": { scope: "project", projectRoles: everyoneOnProject },
  /** Objectives, KPIs, lessons, signers, sending for sign-off. Refused once locked. */
  "pir.edit": { scope: "project", projectRoles: projectManagers },
  /** Starting a new revision of a signed-off review: the PM's call. */
  "pir.revise": { scope: "project", projectRoles: ["admin", "pm"] },
  /** Signing the review: only the people named on it (checked in the service). */
  "pir.signoff": { scope: "project", projectRoles: everyoneOnProject },
  /** Recording a later measurement of a benefit: its owner or a manager (checked in the service). */
  "benefit.record": { scope: "project", projectRoles: ["admin", "pm", "ipm", "contributor"] },
  /** The lessons library, across every project of the organisation. */
  "lesson.read": { scope: "org", orgRoles: anyOrgRole, teamOnly: true },
  "template.read": { scope: "org", orgRoles: anyOrgRole, teamOnly: true },
  /** The organisation's own templates, in Settings. */
  "template.manage": { scope: "org", orgRoles: orgAdmins },
  /** Saving a project's plan as a new template of the organisation. */
  "template.saveFrom": { scope: "project", projectRoles: projectManagers },
  /** Comments on what the caller can see; stakeholders only on milestones and the review. */
  "comment.read": { scope: "project", projectRoles: everyoneOnProject },
  "comment.write": { scope: "project", projectRoles: everyoneOnProject },
  /** One's own notifications in the active organisation, and which kinds one gets. */
  "notification.read": { scope: "org", orgRoles: anyOrgRole },
  "notification.manage": { scope: "org", orgRoles: anyOrgRole },
  /** The project's trash: what was deleted in the last 30 days, and bringing it back. */
  "trash.manage": { scope: "project", projectRoles: projectManagers },
  /** The activity feed, in sentences, from the audit log: the team's, like the log itself. */
  "activity.read": { scope: "project", projectRoles: ["admin", "pm", "ipm", "contributor"] },
} as const satisfies Record<string, Access>;

export type Permission = keyof typeof permissions;
export type OrgPermission = {
  [P in Permission]: (typeof permissions)[P]["scope"] extends "org" ? P : never;
}[Permission];
export type ProjectPermission = {
  [P in Permission]: (typeof permissions)[P]["scope"] extends "project" ? P : never;
}[Permission];
export type UserPermission = {
  [P in Permission]: (typeof permissions)[P]["scope"] extends "user" ? P : never;
}[Permission];

export function isPermission(value: unknown): value is Permission {
  return typeof value === "string" && Object.hasOwn(permissions, value);
}

/** The role someone acts as on a project: org owners/admins are `admin` everywhere. */
export function projectAccessRole(
  orgRole: OrgRole,
  projectRole: ProjectRole | null,
): ProjectAccessRole | null {
  if (orgRole === "owner" || orgRole === "admin") return "admin";
  return projectRole;
}

export function orgAllows(permission: OrgPermission, role: OrgRole): boolean {
  return (permissions[permission].orgRoles as readonly OrgRole[]).includes(role);
}

/** Whether a plain member must be on some project's team for `permission` (see `Access`). */
export function teamOnly(permission: OrgPermission): boolean {
  const access: Access = permissions[permission];
  return access.scope === "org" && access.teamOnly === true;
}

export function projectAllows(permission: ProjectPermission, role: ProjectAccessRole): boolean {
  return (permissions[permission].projectRoles as readonly ProjectAccessRole[]).includes(role);
}

/** Which org roles a member with `actor` role may grant or take away. Only owners touch owners. */
export function canAssignOrgRole(actor: OrgRole, target: OrgRole): boolean {
  if (actor === "owner") return true;
  if (actor === "admin") return target !== "owner";
  return false;
}
