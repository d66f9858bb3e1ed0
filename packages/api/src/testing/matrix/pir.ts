/** Authorization matrix rows for the pir procedures (see ../matrix.ts for the row format). */
import { eq } from "@rollout/db";
import type { Acting } from "../../audit.ts";
import { reopenPir, signPir } from "../../services/pir/write.ts";
import type { World } from "../fixtures.ts";
import type { Row } from "../matrix.ts";

const onProject = ["stakeholder", "contributor", "pm", "ipm", "orgAdmin", "orgOwner"] as const;
const projectManagers = ["pm", "ipm", "orgAdmin", "orgOwner"] as const;
const pmOrAdmin = ["pm", "orgAdmin", "orgOwner"] as const;
const projectTeam = ["contributor", "pm", "ipm", "orgAdmin", "orgOwner"] as const;
/** Org-wide team knowledge: anyone on some project's team, and org owners/admins (B's too). */
const teams = ["otherOrg", "contributor", "pm", "ipm", "orgAdmin", "orgOwner"] as const;
const signedIn = [
  "otherOrg",
  "stakeholder",
  "contributor",
  "pm",
  "ipm",
  "orgMember",
  "orgAdmin",
  "orgOwner",
] as const;

const pid = (w: World) => ({ projectId: w.projectId });
const as = (w: World, who: "pm" | "stakeholder"): Acting => ({
  userId: w.people[who].userId,
  orgId: w.orgId,
  requestId: "setup",
});
const pirVersion = (w: World) =>
  w.db.select().from(w.schema.pir).where(eq(w.schema.pir.id, w.pir.pirId)).get()?.version ?? 0;

/**
 * The world's review is out for sign-off, when its content cannot change: the PM takes it back
 * to draft first (setup, before the call), and the call names the version that leaves.
 */
function draft(w: World): { pirId: string; version: number } {
  const status = w.db
    .select({ status: w.schema.pir.status })
    .from(w.schema.pir)
    .where(eq(w.schema.pir.id, w.pir.pirId))
    .get()?.status;
  // Already a draft when a caller before this one (on the same world) took it back.
  if (status === "in_review") {
    reopenPir(w.db, as(w, "pm"), w.projectId, { pirId: w.pir.pirId, version: pirVersion(w) });
  }
  return { pirId: w.pir.pirId, version: pirVersion(w) };
}

export const pirMatrix: Record<string, Row> = {
  "pir.get": { allow: onProject, target: "orgA", call: (c, w) => c.pir.get(pid(w)) },
  "pir.revisions": { allow: onProject, target: "orgA", call: (c, w) => c.pir.revisions(pid(w)) },
  "pir.open": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => {
      // One review per project: the world's goes first.
      w.db.delete(w.schema.pir).where(eq(w.schema.pir.id, w.pir.pirId)).run();
      return c.pir.open({ ...pid(w), early: true });
    },
  },
  "pir.update": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => c.pir.update({ ...pid(w), ...draft(w), changes: { summary: "Revised" } }),
  },
  "pir.setSigners": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.pir.setSigners({
        ...pid(w),
        ...draft(w),
        userIds: [w.people.stakeholder.userId, w.people.pm.userId],
      }),
  },
  "pir.submit": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => c.pir.submit({ ...pid(w), ...draft(w) }),
  },
  "pir.reopen": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => c.pir.reopen({ ...pid(w), pirId: w.pir.pirId, version: 1 }),
  },
  "pir.sign": {
    // Only the stakeholder is named on the review; everyone else on the project is refused by
    // the service (FORBIDDEN), which is what the permission's scope leaves to it.
    allow: ["stakeholder"],
    target: "orgA",
    call: (c, w) => c.pir.sign({ ...pid(w), pirId: w.pir.pirId }),
  },
  "pir.revise": {
    allow: pmOrAdmin,
    target: "orgA",
    call: (c, w) => {
      const project = w.db
        .select()
        .from(w.schema.project)
        .where(eq(w.schema.project.id, w.projectId))
        .get();
      if (!project) throw new Error("world project missing");
      const signed = w.db
        .select({ lockedAt: w.schema.pir.lockedAt })
        .from(w.schema.pir)
        .where(eq(w.schema.pir.id, w.pir.pirId))
        .get()?.lockedAt;
      // Signed once per world (a caller before this one may have signed it already).
      if (!signed)
        signPir(w.db, as(w, "stakeholder"), project, { pirId: w.pir.pirId, comment: "" });
      return c.pir.revise({ ...pid(w), pirId: w.pir.pirId, version: pirVersion(w) });
    },
  },
  "pir.objective.add": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.pir.objective.add({
        ...pid(w),
        pirId: draft(w).pirId,
        objective: "No unplanned downtime at cut-over",
      }),
  },
  "pir.objective.update": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => {
      draft(w);
      return c.pir.objective.update({
        ...pid(w),
        objectiveId: w.pir.objectiveIds[1],
        version: 1,
        changes: { outcome: "met", evidence: "Median 0.9 days in November" },
      });
    },
  },
  "pir.objective.delete": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => {
      draft(w);
      return c.pir.objective.delete({ ...pid(w), objectiveId: w.pir.objectiveIds[1], version: 1 });
    },
  },
  "pir.objective.move": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => {
      draft(w);
      return c.pir.objective.move({
        ...pid(w),
        objectiveId: w.pir.objectiveIds[1],
        version: 1,
        direction: "up",
      });
    },
  },
  "pir.kpi.add": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.pir.kpi.add({
        ...pid(w),
        pirId: draft(w).pirId,
        name: "Active users",
        unit: "users",
        target: 200,
        ownerId: w.people.ipm.userId,
      }),
  },
  "pir.kpi.update": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => {
      draft(w);
      return c.pir.kpi.update({
        ...pid(w),
        kpiId: w.pir.kpiId,
        version: 1,
        changes: { actual: 1.2, measuredOn: "2026-11-20" },
      });
    },
  },
  "pir.kpi.delete": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => {
      draft(w);
      return c.pir.kpi.delete({ ...pid(w), kpiId: w.pir.plainKpiId, version: 1 });
    },
  },
  "pir.kpi.scheduleRemeasure": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => {
      draft(w);
      return c.pir.kpi.scheduleRemeasure({ ...pid(w), kpiId: w.pir.plainKpiId, version: 1 });
    },
  },
  "pir.lesson.add": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.pir.lesson.add({
        ...pid(w),
        pirId: draft(w).pirId,
        kind: "went_well",
        category: "training",
        summary: "Floor walkers on day one answered most questions",
        tags: ["Hypercare", "training"],
      }),
  },
  "pir.lesson.update": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => {
      draft(w);
      return c.pir.lesson.update({
        ...pid(w),
        lessonId: w.pir.lessonIds[0] as string,
        version: 1,
        changes: { tags: ["uat", "key-users", "scripts"] },
      });
    },
  },
  "pir.lesson.delete": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => {
      draft(w);
      return c.pir.lesson.delete({
        ...pid(w),
        lessonId: w.pir.lessonIds[2] as string,
        version: 1,
      });
    },
  },
  "benefit.record": {
    // The contributor owns the KPI; managers may record for anyone. Stakeholders may not at all.
    allow: projectTeam,
    target: "orgA",
    call: (c, w) =>
      c.benefit.record({
        ...pid(w),
        measurementId: w.pir.measurementId,
        version: 1,
        value: 1.1,
        measuredOn: "2026-11-20",
      }),
  },
  "myWork.benefits": { allow: signedIn, target: "own", call: (c) => c.myWork.benefits() },
  "lesson.search": {
    allow: teams,
    target: "own",
    call: (c) => c.lesson.search({ text: "uat" }),
  },
  "lesson.suggestions": {
    allow: teams,
    target: "own",
    call: (c) => c.lesson.suggestions({ kind: "software" }),
  },
  "lesson.forPhase": {
    allow: ["contributor", "pm", "ipm", "orgAdmin", "orgOwner"],
    target: "orgA",
    call: (c, w) => c.lesson.forPhase({ ...pid(w), phaseId: w.plan.phaseId }),
  },
};
