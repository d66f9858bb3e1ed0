/**
 * Nothing internal reaches a stakeholder: every query a stakeholder may call (taken from the
 * authorization matrix, so a new procedure is covered the day it gets its row) is called as the
 * stakeholder on a world seeded with internal-only rows, and its whole answer is searched for them.
 */
import { eq, raidTaskLink, stakeholder } from "@rollout/db";
import { describe, expect, it } from "vitest";
import { listProcedures } from "./procedures.ts";
import { createWorld } from "./testing/index.ts";
import { matrix } from "./testing/matrix.ts";

function seeded() {
  const world = createWorld();
  // The team's candid notes about a person, and a visible risk linked to an internal task.
  world.db
    .update(stakeholder)
    .set({ notes: "Candid: hard to win over, avoid at quarter-end" })
    .where(eq(stakeholder.id, world.register.stakeholderId))
    .run();
  world.db
    .insert(raidTaskLink)
    .values({ raidItemId: world.register.riskId, taskId: world.plan.tasks.internal })
    .run();
  const hidden = {
    "internal task title": "Vendor margin review",
    "internal task id": world.plan.tasks.internal,
    "internal risk title": "Partner margin squeezed",
    "internal risk id": world.register.internalRiskId,
    "stakeholder notes": "Candid: hard to win over",
    "engagement of a stakeholder": "engagementCurrent",
    "communication plan": "Weekly status",
    "draft report": "Draft: vendor margin discussion pending.",
    "draft report id": world.reports.draftId,
  };
  return { world, hidden };
}

const queries = listProcedures().filter(
  (p) => p.type === "query" && matrix[p.path]?.allow.includes("stakeholder"),
);

describe("internal-only rows never reach a stakeholder", () => {
  it("covers every query a stakeholder may call", () => {
    expect(queries.length).toBeGreaterThanOrEqual(15);
    console.log(`leak check: ${queries.length} stakeholder-visible queries`);
  });

  it.each(queries.map((q) => [q.path]))("%s", async (path) => {
    const { world, hidden } = seeded();
    const row = matrix[path];
    if (!row) throw new Error(`no matrix row for ${path}`);
    const answer = JSON.stringify(await row.call(world.as("stakeholder"), world, "stakeholder"));
    for (const [what, text] of Object.entries(hidden)) {
      expect(answer.includes(text), `${path} shows the ${what}`).toBe(false);
    }
  });

  it("the checks can fail: the same queries as the PM do show internal rows", async () => {
    const { world, hidden } = seeded();
    const seen = new Set<string>();
    for (const q of queries) {
      const answer = JSON.stringify(await matrix[q.path]?.call(world.as("pm"), world, "pm"));
      for (const [what, text] of Object.entries(hidden)) if (answer.includes(text)) seen.add(what);
    }
    expect(seen).toContain("internal task title");
    expect(seen).toContain("internal risk title");
    expect(seen).toContain("draft report id");
  });
});
