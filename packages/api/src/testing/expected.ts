/**
 * What the permission table says a role should get from a procedure: the oracle the
 * authorization matrix (in process and over HTTP) compares outcomes with.
 */
import {
  type OrgRole,
  orgAllows,
  type Permission,
  type ProjectAccessRole,
  permissions,
  projectAllows,
  teamOnly,
} from "@rollout/domain";
import type { MatrixRole } from "./fixtures.ts";
import type { Target } from "./matrix.ts";

const orgRoleOf: Record<Exclude<MatrixRole, "anonymous">, OrgRole> = {
  otherOrg: "owner",
  stakeholder: "member",
  contributor: "member",
  pm: "member",
  ipm: "member",
  orgMember: "member",
  orgAdmin: "admin",
  orgOwner: "owner",
};

const projectRoleOf: Record<
  Exclude<MatrixRole, "anonymous" | "otherOrg">,
  ProjectAccessRole | null
> = {
  stakeholder: "stakeholder",
  contributor: "contributor",
  pm: "pm",
  ipm: "ipm",
  orgMember: null,
  orgAdmin: "admin",
  orgOwner: "admin",
};

export type Outcome = "allowed" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";

/** What the permission table says should happen. */
export function expected(permission: Permission, target: Target, role: MatrixRole): Outcome {
  const access = permissions[permission];
  if (access.scope === "public") return "allowed";
  if (role === "anonymous") return "UNAUTHORIZED";
  if (access.scope === "user") return "allowed";
  if (role === "otherOrg" && target === "orgA") return "NOT_FOUND";
  if (access.scope === "org") {
    if (!orgAllows(permission as never, orgRoleOf[role])) return "FORBIDDEN";
    // Organisation-wide team knowledge: not for members who are on no project's team.
    const team = role === "otherOrg" ? "admin" : projectRoleOf[role];
    if (teamOnly(permission as never) && (team === null || team === "stakeholder")) {
      return "FORBIDDEN";
    }
    return "allowed";
  }
  if (role === "otherOrg") return "NOT_FOUND";
  const projectRole = projectRoleOf[role];
  if (projectRole === null) return "NOT_FOUND";
  return projectAllows(permission as never, projectRole) ? "allowed" : "FORBIDDEN";
}
