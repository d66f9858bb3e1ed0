import {
  noInput,
  ok,
  templateCreateInput,
  templateCreateProjectInput,
  templateCreateProjectOutput,
  templateDeleteInput,
  templateDuplicateInput,
  templateGetInput,
  templateOutput,
  templateSaveFromProjectInput,
  templateSummaryOutput,
  templateUpdateInput,
} from "@rollout/domain";
import * as z from "zod";
import { acting } from "../audit.ts";
import { createProjectFromTemplate } from "../services/templates/createProject.ts";
import { saveTemplateFromProject } from "../services/templates/fromProject.ts";
import { getTemplate, listTemplates } from "../services/templates/read.ts";
import {
  createTemplate,
  deleteTemplate,
  duplicateTemplate,
  updateTemplate,
} from "../services/templates/write.ts";
import { orgProcedure, projectProcedure, router } from "../trpc.ts";

/**
 * Project templates: the three built-ins (in code, read-only) and the organisation's own.
 * Reading them is for project teams; changing them is for organisation owners and admins.
 */
export const templateRouter = router({
  list: orgProcedure("template.read")
    .input(noInput)
    .output(z.array(templateSummaryOutput))
    .query(({ ctx }) => listTemplates(ctx.db, ctx.org.id)),

  get: orgProcedure("template.read")
    .input(templateGetInput)
    .output(templateOutput)
    .query(({ ctx, input }) => getTemplate(ctx.db, ctx.org, input.templateId)),

  create: orgProcedure("template.manage")
    .input(templateCreateInput)
    .output(templateOutput)
    .mutation(({ ctx, input }) => {
      const row = createTemplate(ctx.db, acting(ctx), input);
      return getTemplate(ctx.db, ctx.org, row.id);
    }),

  update: orgProcedure("template.manage")
    .input(templateUpdateInput)
    .output(templateOutput)
    .mutation(({ ctx, input }) => {
      const row = updateTemplate(ctx.db, acting(ctx), input);
      return getTemplate(ctx.db, ctx.org, row.id);
    }),

  /** Soft delete; projects made from it are not touched. */
  delete: orgProcedure("template.manage")
    .input(templateDeleteInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      deleteTemplate(ctx.db, acting(ctx), input);
      return { ok: true as const };
    }),

  /** A built-in (or own) template copied into the organisation, to edit. */
  duplicate: orgProcedure("template.manage")
    .input(templateDuplicateInput)
    .output(templateOutput)
    .mutation(({ ctx, input }) => {
      const row = duplicateTemplate(ctx.db, acting(ctx), input);
      return getTemplate(ctx.db, ctx.org, row.id);
    }),

  /** The project's current plan as a new template (internal-only flags kept). */
  saveFromProject: projectProcedure("template.saveFrom")
    .input(templateSaveFromProjectInput)
    .output(templateOutput)
    .mutation(({ ctx, input }) => {
      const row = saveTemplateFromProject(ctx.db, acting(ctx), ctx.project, input);
      return getTemplate(ctx.db, ctx.org, row.id);
    }),

  /** A new project from a template, in one transaction; the caller joins it (PM by default). */
  createProject: orgProcedure("project.create")
    .input(templateCreateProjectInput)
    .output(templateCreateProjectOutput)
    .mutation(({ ctx, input }) => createProjectFromTemplate(ctx.db, acting(ctx), input)),
});
