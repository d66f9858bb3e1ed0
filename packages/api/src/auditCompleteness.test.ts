/**
 * Audit completeness (issue 8): every mutation of the authorization matrix, run by someone
 * allowed to, on a fresh world. Each one that succeeds leaves audit rows naming the actor, the
 * organisation, the thing changed and what it was or became, all under the request's id; each
 * one that fails leaves none.
 */
import { auditLog, gt, sql } from "@rollout/db";
import { describe, expect, it } from "vitest";
import { listProcedures } from "./procedures.ts";
import { createWorld, type MatrixRole } from "./testing/index.ts";
import { matrix } from "./testing/matrix.ts";

const mutations = listProcedures()
  .filter((p) => p.type === "mutation" && matrix[p.path])
  .map((p) => p.path);

describe("audit completeness", () => {
  it("gives every successful mutation its audit rows, and a failed one none", {
    timeout: 120_000,
  }, async () => {
    let succeeded = 0;
    let audited = 0;
    let failed = 0;
    const problems: string[] = [];
    for (const path of mutations) {
      const row = matrix[path];
      if (!row) continue;
      const role = (row.allow.includes("orgOwner") ? "orgOwner" : row.allow[0]) as MatrixRole;
      if (role === "anonymous") continue;
      const world = createWorld();
      const person = world.people[role];
      const orgId = role === "otherOrg" ? world.otherOrgId : world.orgId;
      const last = () =>
        world.db.select({ n: sql<number>`coalesce(max(rowid), 0)` }).from(auditLog).get()?.n ?? 0;
      let mark = last();
      let ok = true;
      try {
        await Promise.resolve().then(() => {
          const call = row.call(world.as(role), world, role);
          mark = last(); // set-up inside the row wrote its own rows; count after them
          return call;
        });
      } catch {
        ok = false;
      }
      const rows = world.db.select().from(auditLog).where(gt(sql`rowid`, mark)).all();
      if (!ok) {
        failed += 1;
        if (rows.length > 0) problems.push(`${path} failed but wrote ${rows.length} audit rows`);
        continue;
      }
      succeeded += 1;
      if (rows.length === 0) {
        problems.push(`${path} succeeded with no audit row`);
        continue;
      }
      audited += 1;
      const requestIds = new Set(rows.map((r) => r.requestId));
      if (requestIds.size !== 1 || [...requestIds][0] === null) {
        problems.push(`${path}: audit rows not under one request id`);
      }
      for (const r of rows) {
        if (r.actorUserId !== person.userId) problems.push(`${path}: actor ${r.actorUserId}`);
        // Creating or joining an organisation is recorded in the one created or joined.
        const joined = path === "org.create" || path === "invitation.accept";
        if (r.organizationId !== orgId && !joined) {
          problems.push(`${path}: organisation ${r.organizationId}`);
        }
        if (!r.entityType || !r.entityId || !r.action) problems.push(`${path}: unnamed entity`);
        if (r.before === null && r.after === null)
          problems.push(`${path}: neither before nor after`);
      }
    }
    console.log(
      `audit: ${mutations.length} mutations; ${succeeded} succeeded, ${audited} of them audited; ${failed} failed, 0 audited`,
    );
    expect(problems).toEqual([]);
    expect(audited).toBe(succeeded);
    expect(succeeded).toBeGreaterThan(mutations.length * 0.8);
  });
});
