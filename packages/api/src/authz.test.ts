/**
 * The authorization matrix: every procedure of the app router, called as every role, is allowed
 * or denied exactly as its declared permission says. A procedure added without a row here fails.
 */
import { auditLog, count } from "@rollout/db";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { listProcedures } from "./procedures.ts";
import { expected, type Outcome } from "./testing/expected.ts";
import { createWorld, matrixRoles, type World } from "./testing/index.ts";
import { matrix } from "./testing/matrix.ts";

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
