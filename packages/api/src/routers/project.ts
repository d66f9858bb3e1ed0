import {
  auditEntryOutput,
  auditListInput,
  exchangeDocument,
  healthOverrideInput,
  id,
  ok,
  projectArchiveInput,
  projectCreateInput,
  projectImportInput,
  projectImportOutput,
  projectListInput,
  projectListItemOutput,
  projectMemberAddInput,
  projectMemberOutput,
  projectMemberRemoveInput,
  projectMemberUpdateInput,
  projectOutput,
  projectUpdateInput,
} from "@rollout/domain";
import * as z from "zod";
import { acting } from "../audit.ts";
import { exportProject, importProject } from "../services/exchange.ts";
import {
  addProjectMember,
  listProjectAudit,
  listProjectMembers,
  removeProjectMember,
  updateProjectMember,
} from "../services/projectMembers.ts";
import {
  createProject,
  listProjects,
  setArchived,
  setHealthOverride,
  toProjectOutput,
  updateProject,
} from "../services/projects.ts";
import { orgProcedure, projectProcedure, router } from "../trpc.ts";

const projectMembersRouter = router({
  list: projectProcedure("project.read")
    .output(z.array(projectMemberOutput))
    .query(({ ctx }) => listProjectMembers(ctx.db, ctx.org.id, ctx.project.id)),

  add: projectProcedure("project.members.manage")
    .input(projectMemberAddInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      addProjectMember(ctx.db, acting(ctx), ctx.project.id, input);
      return { ok: true as const };
    }),

  update: projectProcedure("project.members.manage")
    .input(projectMemberUpdateInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      updateProjectMember(ctx.db, acting(ctx), ctx.project.id, input);
      return { ok: true as const };
    }),

  remove: projectProcedure("project.members.manage")
    .input(projectMemberRemoveInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      removeProjectMember(ctx.db, acting(ctx), ctx.project.id, input.memberId);
      return { ok: true as const };
    }),
});

export const projectRouter = router({
  list: orgProcedure("project.list")
    .input(projectListInput)
    .output(z.array(projectListItemOutput))
    .query(({ ctx, input }) =>
      listProjects(ctx.db, ctx.org, ctx.actor.userId, input.includeArchived),
    ),

  create: orgProcedure("project.create")
    .input(projectCreateInput)
    .output(z.object({ id }))
    .mutation(({ ctx, input }) => ({ id: createProject(ctx.db, acting(ctx), input).id })),

  get: projectProcedure("project.read")
    .output(projectOutput)
    .query(({ ctx }) => toProjectOutput(ctx.db, ctx.project, ctx.projectRole, ctx.memberRole)),

  update: projectProcedure("project.update")
    .input(projectUpdateInput)
    .output(projectOutput)
    .mutation(({ ctx, input }) => {
      const { projectId: _id, ...fields } = input;
      const row = updateProject(ctx.db, acting(ctx), ctx.project, fields);
      return toProjectOutput(ctx.db, row, ctx.projectRole, ctx.memberRole);
    }),

  archive: projectProcedure("project.archive")
    .input(projectArchiveInput)
    .output(projectOutput)
    .mutation(({ ctx, input }) =>
      toProjectOutput(
        ctx.db,
        setArchived(ctx.db, acting(ctx), ctx.project, input),
        ctx.projectRole,
        ctx.memberRole,
      ),
    ),

  overrideHealth: projectProcedure("project.health.override")
    .input(healthOverrideInput)
    .output(projectOutput)
    .mutation(({ ctx, input }) =>
      toProjectOutput(
        ctx.db,
        setHealthOverride(ctx.db, acting(ctx), ctx.project, input),
        ctx.projectRole,
        ctx.memberRole,
      ),
    ),

  history: projectProcedure("project.audit.read")
    .input(auditListInput)
    .output(z.array(auditEntryOutput))
    .query(({ ctx, input }) => listProjectAudit(ctx.db, ctx.project.id, input.limit)),

  /** The whole project as one JSON document (internal-only rows included). */
  export: projectProcedure("project.export")
    .output(exchangeDocument)
    .query(({ ctx }) => exportProject(ctx.db, ctx.project)),

  /** A new project from an export file; people are matched by email within the organisation. */
  import: orgProcedure("project.create")
    .input(projectImportInput)
    .output(projectImportOutput)
    .mutation(({ ctx, input }) => importProject(ctx.db, acting(ctx), input)),

  members: projectMembersRouter,
});
