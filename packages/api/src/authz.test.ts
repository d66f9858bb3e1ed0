/**
 * The authorization matrix: every procedure of the app router, called as every role, is allowed
 * or denied exactly as its declared permission says. A procedure added without a row here fails.
 */
import { auditLog, count } from "@rollout/db";
import {
  type OrgRole,
  orgAllows,
  type Permission,
  type ProjectAccessRole,
  permissions,
  projectAllows,
  teamOnly,
} from "@rollout/domain";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { listProcedures } from "./procedures.ts";
import { createWorld, type MatrixRole, matrixRoles, type World } from "./testing/index.ts";

import { matrix, type Target } from "./testing/matrix.ts";

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

type Outcome = "allowed" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";

/** What the permission table says should happen. */
function expected(permission: Permission, target: Target, role: MatrixRole): Outcome {
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

async function outcomeOf(promise: Promise<unknown>): Promise<Outcome | string> {
  try {
    await promise;
    return "allowed";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

const auditRows = (w: World) => w.db.select({ n: count() }).from(auditLog).get()?.n ?? 0;

const procedures = listProcedures();

describe("authorization matrix", () => {
  it("has a row for every procedure and no row for a procedure that does not exist", () => {
    expect(Object.keys(matrix).sort()).toEqual(procedures.map((p) => p.path).sort());
  });

  const cells = procedures.flatMap((p) => matrixRoles.map((role) => [p.path, role, p] as const));

  it.each(cells)("%s as %s", async (path, role, procedure) => {
    const row = matrix[path];
    expect(row, `authorization matrix row for ${path}`).toBeDefined();
    if (!row || !procedure.permission) return;
    const world = createWorld();
    const want = expected(procedure.permission, row.target, role);
    const caller = world.as(role);
    // Setup inside `call` (e.g. an invitation to revoke) may write audit rows of its own,
    // so count them after the arguments are built.
    let auditBefore = auditRows(world);
    const got = await outcomeOf(
      Promise.resolve().then(() => {
        const call = row.call(caller, world, role);
        auditBefore = auditRows(world);
        return call;
      }),
    );
    const refusedByService = want === "allowed" && !row.allow.includes(role);
    if (refusedByService) {
      // The permission lets them in; the row narrows it (signing a gate one is not named on).
      expect(got, `${path} as ${role}`).toBe("FORBIDDEN");
    } else {
      expect(want === "allowed", `the permission table agrees with the matrix row`).toBe(
        row.allow.includes(role),
      );
      expect(got, `${path} as ${role}`).toBe(want);
    }
    if (want !== "allowed" && procedure.type === "mutation") {
      expect(auditRows(world), "a refused mutation writes nothing").toBe(auditBefore);
    }
  });
});
