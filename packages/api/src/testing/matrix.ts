/**
 * The rows of the authorization matrix: for every procedure, who may call it (written by hand,
 * independent of the permission table) and a call that exercises it on `createWorld()`.
 * Used by the matrix test, the leak test, and the HTTP suites.
 */
import { eq } from "@rollout/db";
import { createInvitation } from "../services/invitations.ts";
import { deleteTasks } from "../services/plan/tasks.ts";
import { createBaseline } from "../services/schedule/baselines.ts";
import {
  type Caller,
  type MatrixRole,
  matrixRoles,
  projectFields,
  type World,
} from "./fixtures.ts";
import { collabMatrix } from "./matrix/collab.ts";
import { pirMatrix } from "./matrix/pir.ts";
import { templateMatrix } from "./matrix/templates.ts";
import { trashMatrix } from "./matrix/trash.ts";

/** Whether the procedure's input names things inside organisation A (so org B must not reach them). */
export type Target = "orgA" | "own";

export interface Row {
  /** Who may call it, written out by hand: an oracle independent of the permission table. */
  allow: readonly MatrixRole[];
  target: Target;
  call: (caller: Caller, world: World, role: MatrixRole) => Promise<unknown>;
}

const signedInRoles = matrixRoles.filter((r) => r !== "anonymous");
const everyone = matrixRoles;
const signedIn = signedInRoles;
/** Org admins of A, and org B's owner acting in org B. */
const orgAdminsAnywhere = ["otherOrg", "orgAdmin", "orgOwner"] as const;
const orgAdminsOfA = ["orgAdmin", "orgOwner"] as const;
const onProject = ["stakeholder", "contributor", "pm", "ipm", "orgAdmin", "orgOwner"] as const;
const projectManagers = ["pm", "ipm", "orgAdmin", "orgOwner"] as const;
const pmOrAdmin = ["pm", "orgAdmin", "orgOwner"] as const;
const projectTeam = ["contributor", "pm", "ipm", "orgAdmin", "orgOwner"] as const;

const pid = (w: World) => ({ projectId: w.projectId });
const memberIdOf = (w: World, email: string) =>
  w.db.query.member
    .findFirst({
      where: (m, { and, eq, inArray }) =>
        and(
          eq(m.organizationId, w.orgId),
          inArray(
            m.userId,
            w.db
              .select({ id: w.schema.user.id })
              .from(w.schema.user)
              .where(eq(w.schema.user.email, email)),
          ),
        ),
    })
    .sync()!.id;
const projectMemberIdOf = (w: World, userId: string) =>
  w.db.query.projectMember
    .findFirst({
      where: (m, { and, eq }) => and(eq(m.projectId, w.projectId), eq(m.userId, userId)),
    })
    .sync()!.id;
const inviteFor = (w: World, email: string, into: "A" | "B" = "A") =>
  createInvitation(
    w.db,
    into === "A"
      ? { userId: w.people.orgOwner.userId, orgId: w.orgId, requestId: "setup" }
      : { userId: w.people.otherOrg.userId, orgId: w.otherOrgId, requestId: "setup" },
    "owner",
    "http://rollout.test",
    { email, role: "member", projectId: null, projectRole: null },
  );
const tokenOf = (link: string) => link.split("/").pop()!;
const emailOf = (w: World, role: MatrixRole) =>
  role === "anonymous" ? "nobody@example.test" : w.people[role].email;

const project = projectFields();
const { key: _key, ...projectRest } = project;

export const matrix: Record<string, Row> = {
  ...pirMatrix,
  ...templateMatrix,
  ...collabMatrix,
  ...trashMatrix,
  "session.get": { allow: everyone, target: "own", call: (c) => c.session.get() },
  "org.list": { allow: signedIn, target: "own", call: (c) => c.org.list() },
  "org.create": {
    allow: signedIn,
    target: "own",
    call: (c, _w, role) => c.org.create({ name: "New org", slug: `new-${role.toLowerCase()}` }),
  },
  "org.switch": {
    allow: signedIn,
    target: "own",
    call: (c, w, role) => c.org.switch({ orgId: role === "otherOrg" ? w.otherOrgId : w.orgId }),
  },
  "org.get": { allow: signedIn, target: "own", call: (c) => c.org.get() },
  "org.update": {
    allow: orgAdminsAnywhere,
    target: "own",
    call: (c) => c.org.update({ name: "Renamed", version: 1 }),
  },
  "org.members": { allow: signedIn, target: "own", call: (c) => c.org.members() },
  "org.changeRole": {
    allow: orgAdminsOfA,
    target: "orgA",
    call: (c, w) =>
      c.org.changeRole({
        memberId: memberIdOf(w, "member@northwind.test"),
        role: "admin",
        version: 1,
      }),
  },
  "org.removeMember": {
    allow: orgAdminsOfA,
    target: "orgA",
    call: (c, w) => c.org.removeMember({ memberId: memberIdOf(w, "member@northwind.test") }),
  },
  "org.invitations": { allow: orgAdminsAnywhere, target: "own", call: (c) => c.org.invitations() },
  "org.invite": {
    allow: orgAdminsAnywhere,
    target: "own",
    call: (c) =>
      c.org.invite({
        email: "new.person@example.test",
        role: "member",
        projectId: null,
        projectRole: null,
      }),
  },
  "org.revokeInvitation": {
    allow: orgAdminsOfA,
    target: "orgA",
    call: (c, w) =>
      c.org.revokeInvitation({ invitationId: inviteFor(w, "someone@example.test").invitation.id }),
  },
  "invitation.preview": {
    allow: everyone,
    target: "own",
    call: (c, w) => c.invitation.preview({ token: tokenOf(inviteFor(w, "x@example.test").link) }),
  },
  "invitation.accept": {
    allow: signedIn,
    target: "own",
    // Each person is invited into the organisation they are not yet in.
    call: (c, w, role) =>
      c.invitation.accept({
        token: tokenOf(inviteFor(w, emailOf(w, role), role === "otherOrg" ? "A" : "B").link),
      }),
  },
  "project.list": { allow: signedIn, target: "own", call: (c) => c.project.list() },
  "project.create": {
    allow: orgAdminsAnywhere,
    target: "own",
    call: (c) => c.project.create({ ...project, key: "NEW-PROJ", creatorRole: "pm" }),
  },
  "project.get": { allow: onProject, target: "orgA", call: (c, w) => c.project.get(pid(w)) },
  "project.update": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => c.project.update({ ...pid(w), version: 1, key: "ACME-CRM", ...projectRest }),
  },
  "project.archive": {
    allow: pmOrAdmin,
    target: "orgA",
    call: (c, w) => c.project.archive({ ...pid(w), version: 1, archived: true }),
  },
  "project.overrideHealth": {
    allow: pmOrAdmin,
    target: "orgA",
    call: (c, w) =>
      c.project.overrideHealth({
        ...pid(w),
        version: 1,
        override: { rag: "amber", reason: "Vendor late" },
      }),
  },
  "project.history": {
    allow: projectTeam,
    target: "orgA",
    call: (c, w) => c.project.history({ ...pid(w) }),
  },
  "project.members.list": {
    allow: onProject,
    target: "orgA",
    call: (c, w) => c.project.members.list(pid(w)),
  },
  "project.members.add": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.project.members.add({ ...pid(w), userId: w.people.orgMember.userId, role: "contributor" }),
  },
  "project.members.update": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.project.members.update({
        ...pid(w),
        memberId: projectMemberIdOf(w, w.people.contributor.userId),
        role: "stakeholder",
        version: 1,
      }),
  },
  "project.members.remove": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.project.members.remove({
        ...pid(w),
        memberId: projectMemberIdOf(w, w.people.contributor.userId),
      }),
  },
  "plan.get": { allow: onProject, target: "orgA", call: (c, w) => c.plan.get(pid(w)) },
  "plan.phase.create": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => c.plan.phase.create({ ...pid(w), name: "Cut-over" }),
  },
  "plan.phase.update": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.plan.phase.update({ ...pid(w), phaseId: w.plan.phaseId, version: 1, name: "Configure" }),
  },
  "plan.phase.move": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.plan.phase.move({ ...pid(w), phaseId: w.plan.phaseId, version: 1, beforePhaseId: null }),
  },
  "plan.phase.delete": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => c.plan.phase.delete({ ...pid(w), phaseId: w.plan.phaseId, version: 1 }),
  },
  "plan.task.create": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.plan.task.create({
        ...pid(w),
        phaseId: w.plan.phaseId,
        title: "Train super-users",
        category: "training",
      }),
  },
  "plan.task.update": {
    // Contributors may: the task is assigned to them and only its status changes.
    allow: projectTeam,
    target: "orgA",
    call: (c, w) =>
      c.plan.task.update({
        ...pid(w),
        taskId: w.plan.tasks.assigned,
        version: 1,
        changes: { status: "in_progress" },
      }),
  },
  "plan.task.move": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.plan.task.move({
        ...pid(w),
        taskId: w.plan.tasks.open,
        version: 1,
        phaseId: w.plan.phaseId,
        beforeTaskId: w.plan.tasks.assigned,
      }),
  },
  "plan.task.bulkUpdate": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.plan.task.bulkUpdate({
        ...pid(w),
        tasks: [
          { id: w.plan.tasks.assigned, version: 1 },
          { id: w.plan.tasks.open, version: 1 },
        ],
        changes: { status: "blocked" },
      }),
  },
  "plan.task.delete": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.plan.task.delete({ ...pid(w), tasks: [{ id: w.plan.tasks.open, version: 1 }] }),
  },
  "plan.task.restore": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => {
      // The batch to restore: made once per world (a caller before this one may have made it).
      const deleted = w.db
        .select({ batch: w.schema.task.deletedBatch })
        .from(w.schema.task)
        .where(eq(w.schema.task.id, w.plan.tasks.open))
        .get()?.batch;
      const batchId =
        deleted ??
        deleteTasks(
          w.db,
          { userId: w.people.pm.userId, orgId: w.orgId, requestId: "setup" },
          w.projectId,
          "pm",
          { tasks: [{ id: w.plan.tasks.open, version: 1 }] },
        ).batchId;
      return c.plan.task.restore({ ...pid(w), batchId });
    },
  },
  "plan.task.suggest": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => c.plan.task.suggest({ ...pid(w) }),
  },
  "plan.task.history": {
    allow: projectTeam,
    target: "orgA",
    call: (c, w) => c.plan.task.history({ ...pid(w), taskId: w.plan.tasks.assigned }),
  },
  "plan.dependency.add": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.plan.dependency.add({
        ...pid(w),
        predecessorId: w.plan.tasks.open,
        successorId: w.plan.tasks.internal,
      }),
  },
  "plan.dependency.update": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.plan.dependency.update({
        ...pid(w),
        dependencyId: w.plan.dependencyId,
        version: 1,
        type: "SS",
        lag: 2,
      }),
  },
  "plan.dependency.remove": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => c.plan.dependency.remove({ ...pid(w), dependencyId: w.plan.dependencyId }),
  },
  "playbook.get": { allow: signedIn, target: "own", call: (c) => c.playbook.get() },
  "playbook.update": {
    allow: orgAdminsAnywhere,
    target: "own",
    call: (c) =>
      c.playbook.update({
        category: "testing",
        version: 0,
        responsibilities: { ipm: "R", pm: "A", customer: "C", vendor: null },
      }),
  },
  "playbook.reset": {
    allow: orgAdminsAnywhere,
    target: "own",
    call: (c) => c.playbook.reset({ category: "testing" }),
  },
  "myWork.list": {
    allow: signedIn,
    target: "own",
    call: (c) => c.myWork.list({ today: "2026-11-25", limit: 50 }),
  },
  "schedule.get": { allow: onProject, target: "orgA", call: (c, w) => c.schedule.get(pid(w)) },
  "schedule.preview": {
    allow: onProject,
    target: "orgA",
    call: (c, w) => c.schedule.preview({ ...pid(w), taskId: w.plan.tasks.assigned, duration: 8 }),
  },
  "schedule.milestone.create": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => c.schedule.milestone.create({ ...pid(w), name: "UAT complete" }),
  },
  "schedule.milestone.update": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.schedule.milestone.update({
        ...pid(w),
        milestoneId: w.gate.milestoneId,
        version: 1,
        changes: { baselineDate: "2026-12-08" },
      }),
  },
  "schedule.milestone.delete": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.schedule.milestone.delete({ ...pid(w), milestoneId: w.gate.milestoneId, version: 1 }),
  },
  "schedule.gate.addCriterion": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.schedule.gate.addCriterion({
        ...pid(w),
        milestoneId: w.gate.milestoneId,
        item: "Support rota staffed",
      }),
  },
  "schedule.gate.updateCriterion": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.schedule.gate.updateCriterion({
        ...pid(w),
        criterionId: w.gate.criterionId,
        version: 1,
        changes: { met: true, evidence: "UAT report v3" },
      }),
  },
  "schedule.gate.removeCriterion": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => c.schedule.gate.removeCriterion({ ...pid(w), criterionId: w.gate.criterionId }),
  },
  "schedule.gate.decide": {
    allow: pmOrAdmin,
    target: "orgA",
    call: (c, w) =>
      c.schedule.gate.decide({
        ...pid(w),
        milestoneId: w.gate.milestoneId,
        version: 1,
        decision: "go",
        reason: "All criteria met",
      }),
  },
  "schedule.gate.addSigner": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.schedule.gate.addSigner({
        ...pid(w),
        milestoneId: w.gate.milestoneId,
        userId: w.people.pm.userId,
      }),
  },
  "schedule.gate.removeSigner": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.schedule.gate.removeSigner({
        ...pid(w),
        milestoneId: w.gate.milestoneId,
        userId: w.people.stakeholder.userId,
      }),
  },
  "schedule.gate.signOff": {
    // Only the stakeholder is named on the gate; everyone else on the project is refused by the
    // service (FORBIDDEN), which is what the permission's scope leaves to it.
    allow: ["stakeholder"],
    target: "orgA",
    call: (c, w) => c.schedule.gate.signOff({ ...pid(w), milestoneId: w.gate.milestoneId }),
  },
  "schedule.baseline.create": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => c.schedule.baseline.create({ ...pid(w), name: "Re-plan after UAT" }),
  },
  "schedule.baseline.list": {
    allow: onProject,
    target: "orgA",
    call: (c, w) => c.schedule.baseline.list(pid(w)),
  },
  "schedule.baseline.compare": {
    allow: onProject,
    target: "orgA",
    call: (c, w) => {
      const { id } = createBaseline(
        w.db,
        { userId: w.people.pm.userId, orgId: w.orgId, requestId: "setup" },
        w.projectId,
        "First",
      );
      return c.schedule.baseline.compare({ ...pid(w), baselineId: id });
    },
  },
  "org.holidays": { allow: signedIn, target: "own", call: (c) => c.org.holidays() },
  "org.setHolidays": {
    allow: orgAdminsAnywhere,
    target: "own",
    call: (c) => c.org.setHolidays({ holidays: [{ date: "2026-12-25", name: "Christmas Day" }] }),
  },
  "org.setRiskThresholds": {
    allow: orgAdminsAnywhere,
    target: "own",
    call: (c) => c.org.setRiskThresholds({ medium: 4, high: 9, critical: 16, version: 1 }),
  },
  "org.setHealthThresholds": {
    allow: orgAdminsAnywhere,
    target: "own",
    call: (c) =>
      c.org.setHealthThresholds({
        slipAmberDays: 3,
        slipRedDays: 8,
        overdueAmberPct: 15,
        budgetAmberPct: 5,
        budgetRedPct: 10,
        riskAmberScore: 12,
        riskRedScore: 20,
        version: 1,
      }),
  },
  "myWork.communications": {
    allow: signedIn,
    target: "own",
    call: (c) => c.myWork.communications(),
  },
  "dashboard.portfolio": {
    allow: signedIn,
    target: "own",
    call: (c) => c.dashboard.portfolio({}),
  },
  "dashboard.project": {
    allow: onProject,
    target: "orgA",
    call: (c, w) => c.dashboard.project(pid(w)),
  },
  "live.changes": {
    allow: signedIn,
    target: "own",
    call: async (c) => {
      const stream = (await c.live.changes()) as AsyncIterable<unknown>;
      // Nothing is listened to until the stream is read: close it at once.
      await stream[Symbol.asyncIterator]().return?.();
    },
  },
  "report.list": { allow: onProject, target: "orgA", call: (c, w) => c.report.list(pid(w)) },
  "report.get": {
    allow: onProject,
    target: "orgA",
    call: (c, w) => c.report.get({ ...pid(w), reportId: w.reports.publishedId }),
  },
  "report.trend": { allow: onProject, target: "orgA", call: (c, w) => c.report.trend(pid(w)) },
  "report.create": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.report.create({ ...pid(w), periodStart: "2026-11-23", periodEnd: "2026-11-27" }),
  },
  "report.update": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.report.update({
        ...pid(w),
        reportId: w.reports.draftId,
        version: 1,
        changes: { summary: "Vendor margin agreed" },
      }),
  },
  "report.delete": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => c.report.delete({ ...pid(w), reportId: w.reports.draftId, version: 1 }),
  },
  "report.publish": {
    allow: pmOrAdmin,
    target: "orgA",
    call: (c, w) => c.report.publish({ ...pid(w), reportId: w.reports.draftId, version: 1 }),
  },
  "report.pdf": {
    allow: onProject,
    target: "orgA",
    call: (c, w) => c.report.pdf({ ...pid(w), reportId: w.reports.publishedId }),
  },
  "report.markdown": {
    allow: onProject,
    target: "orgA",
    call: (c, w) => c.report.markdown({ ...pid(w), reportId: w.reports.publishedId }),
  },
  "report.stakeholderView": {
    allow: onProject,
    target: "orgA",
    call: (c, w) => c.report.stakeholderView(pid(w)),
  },
  "share.list": { allow: pmOrAdmin, target: "orgA", call: (c, w) => c.share.list(pid(w)) },
  "share.create": {
    allow: pmOrAdmin,
    target: "orgA",
    call: (c, w) => c.share.create({ ...pid(w), label: "Sponsor", expiresOn: "2999-01-01" }),
  },
  "share.revoke": {
    allow: pmOrAdmin,
    target: "orgA",
    call: (c, w) => c.share.revoke({ ...pid(w), shareId: w.reports.shareId }),
  },
  "share.view": {
    allow: everyone,
    target: "own",
    call: (c, w) => c.share.view({ token: w.reports.shareToken }),
  },
  "project.export": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => c.project.export(pid(w)),
  },
  "project.import": {
    allow: orgAdminsAnywhere,
    target: "own",
    call: async (c, w, role) => {
      const doc = await w.as("pm").project.export(pid(w));
      return c.project.import({
        document: JSON.stringify(doc),
        key: `IMP-${role.toUpperCase()}`,
        name: "Imported",
      });
    },
  },
  "raid.list": { allow: onProject, target: "orgA", call: (c, w) => c.raid.list(pid(w)) },
  "raid.get": {
    allow: onProject,
    target: "orgA",
    call: (c, w) => c.raid.get({ ...pid(w), itemId: w.register.riskId }),
  },
  "raid.heatMap": { allow: onProject, target: "orgA", call: (c, w) => c.raid.heatMap(pid(w)) },
  "raid.create": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.raid.create({
        ...pid(w),
        kind: "risk",
        title: "Cut-over overruns",
        probability: 2,
        impact: 4,
      }),
  },
  "raid.update": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.raid.update({ ...pid(w), itemId: w.register.riskId, version: 1, changes: { impact: 3 } }),
  },
  "raid.setLinks": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.raid.setLinks({
        ...pid(w),
        itemId: w.register.riskId,
        version: 1,
        taskIds: [w.plan.tasks.open],
        milestoneIds: [],
      }),
  },
  "raid.delete": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => c.raid.delete({ ...pid(w), itemId: w.register.riskId, version: 1 }),
  },
  "raid.occur": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => c.raid.occur({ ...pid(w), itemId: w.register.riskId, version: 1 }),
  },
  "raid.import": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.raid.import({ ...pid(w), csv: "Kind,Title,Probability,Impact\nRisk,Data loss,2,5\n" }),
  },
  "stakeholder.list": {
    allow: projectTeam,
    target: "orgA",
    call: (c, w) => c.stakeholder.list(pid(w)),
  },
  "stakeholder.create": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => c.stakeholder.create({ ...pid(w), name: "Kim Keyuser", side: "customer" }),
  },
  "stakeholder.update": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.stakeholder.update({
        ...pid(w),
        stakeholderId: w.register.stakeholderId,
        version: 1,
        changes: { power: 2, interest: 2 },
      }),
  },
  "stakeholder.delete": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.stakeholder.delete({ ...pid(w), stakeholderId: w.register.stakeholderId, version: 1 }),
  },
  "comms.list": { allow: projectTeam, target: "orgA", call: (c, w) => c.comms.list(pid(w)) },
  "comms.create": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.comms.create({
        ...pid(w),
        audience: { stakeholderIds: [], quadrant: "keep_informed" },
        purpose: "Newsletter",
        channel: "Email",
        frequency: "monthly",
        ownerRole: "ipm",
        nextDue: "2026-12-01",
      }),
  },
  "comms.update": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.comms.update({
        ...pid(w),
        commId: w.register.commId,
        version: 1,
        changes: { channel: "Meeting" },
      }),
  },
  "comms.delete": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) => c.comms.delete({ ...pid(w), commId: w.register.commId, version: 1 }),
  },
  "comms.markDone": {
    allow: projectManagers,
    target: "orgA",
    call: (c, w) =>
      c.comms.markDone({ ...pid(w), commId: w.register.commId, version: 1, doneOn: "2026-11-20" }),
  },
};
