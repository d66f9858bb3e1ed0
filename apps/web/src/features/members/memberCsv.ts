import {
  type OrgMember,
  orgRoleLabels,
  type ProjectMember,
  projectRoleLabels,
  toCsv,
} from "@rollout/domain";

/** The project's team as listed: each person with their project and organisation roles. */
export function projectMemberCsv(members: readonly ProjectMember[]): string {
  return toCsv([
    ["Name", "Email", "Project role", "Organisation role"],
    ...members.map((m) => [m.name, m.email, projectRoleLabels[m.role], orgRoleLabels[m.orgRole]]),
  ]);
}

/** The organisation's members as listed: each person, their role and when they joined. */
export function orgMemberCsv(members: readonly OrgMember[]): string {
  return toCsv([
    ["Name", "Email", "Role", "Joined"],
    ...members.map((m) => [m.name, m.email, orgRoleLabels[m.role], m.createdAt]),
  ]);
}
