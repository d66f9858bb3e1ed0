/** Authorization matrix rows for the project trash. */
import { eq, nowIso, raidItem } from "@rollout/db";
import type { World } from "../fixtures.ts";
import type { Row } from "../matrix.ts";

const projectManagers = ["pm", "ipm", "orgAdmin", "orgOwner"] as const;

/** The world's risk, in the trash (deleted once per world: safe to repeat). */
function trashedRisk(w: World): string {
  w.db
    .update(raidItem)
    .set({ deletedAt: nowIso() })
    .where(eq(raidItem.id, w.register.riskId))
    .run();
  return w.register.riskId;
}

export const trashMatrix: Record<string, Row> = {
  "trash.list": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => c.trash.list({ projectId: w.projectId }),
  },
  "trash.restore": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.trash.restore({ projectId: w.projectId, kind: "raid_item", id: trashedRisk(w) }),
  },
};
