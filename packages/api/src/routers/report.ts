import {
  milestoneTrendOutput,
  ok,
  reportCreateInput,
  reportFileOutput,
  reportMarkdown,
  reportOutput,
  reportRefInput,
  reportSummaryOutput,
  reportUpdateInput,
  reportVersionInput,
  shareCreatedOutput,
  shareCreateInput,
  shareLinkOutput,
  shareRevokeInput,
  shareToken,
  stakeholderViewOutput,
} from "@rollout/domain";
import * as z from "zod";
import { acting } from "../audit.ts";
import { reportPdf } from "../services/reports/pdf.ts";
import {
  createReport,
  deleteReport,
  getReport,
  listReports,
  milestoneTrend,
  publishReport,
  updateReport,
} from "../services/reports/reports.ts";
import {
  createShareLink,
  listShareLinks,
  revokeShareLink,
  stakeholderView,
  viewByShareLink,
} from "../services/reports/share.ts";
import { projectProcedure, publicProcedure, router } from "../trpc.ts";

const done = { ok: true as const };
const fileName = (key: string, number: number, ext: string) =>
  `${key}-status-report-${number}.${ext}`;

export const reportRouter = router({
  list: projectProcedure("report.read")
    .output(z.array(reportSummaryOutput))
    .query(({ ctx }) => listReports(ctx.db, ctx.project.id, ctx.projectRole)),
  get: projectProcedure("report.read")
    .input(reportRefInput)
    .output(reportOutput)
    .query(({ ctx, input }) => getReport(ctx.db, ctx.project.id, ctx.projectRole, input.reportId)),
  trend: projectProcedure("report.read")
    .output(milestoneTrendOutput)
    .query(({ ctx }) => milestoneTrend(ctx.db, ctx.project.id)),
  create: projectProcedure("report.edit")
    .input(reportCreateInput)
    .output(z.object({ id: z.string(), number: z.number().int() }))
    .mutation(({ ctx, input }) => createReport(ctx.db, acting(ctx), ctx.project, input)),
  update: projectProcedure("report.edit")
    .input(reportUpdateInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      updateReport(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
  delete: projectProcedure("report.edit")
    .input(reportVersionInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      deleteReport(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
  publish: projectProcedure("report.publish")
    .input(reportVersionInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      publishReport(ctx.db, acting(ctx), ctx.project, input);
      return done;
    }),
  pdf: projectProcedure("report.read")
    .input(reportRefInput)
    .output(reportFileOutput)
    .query(async ({ ctx, input }) => {
      const report = getReport(ctx.db, ctx.project.id, ctx.projectRole, input.reportId);
      const pdf = await reportPdf(report, ctx.project);
      return {
        filename: fileName(ctx.project.key, report.number, "pdf"),
        contentType: "application/pdf",
        content: pdf.toString("base64"),
        encoding: "base64" as const,
      };
    }),
  markdown: projectProcedure("report.read")
    .input(reportRefInput)
    .output(reportFileOutput)
    .query(({ ctx, input }) => {
      const report = getReport(ctx.db, ctx.project.id, ctx.projectRole, input.reportId);
      return {
        filename: fileName(ctx.project.key, report.number, "md"),
        contentType: "text/markdown",
        content: reportMarkdown(report, ctx.project),
        encoding: "utf8" as const,
      };
    }),
  /** The read-only dashboard stakeholders land on (any project member may preview it). */
  stakeholderView: projectProcedure("project.read")
    .output(stakeholderViewOutput)
    .query(({ ctx }) => stakeholderView(ctx.db, ctx.org.id, ctx.project, ctx.actor.userId)),
});

export const shareRouter = router({
  list: projectProcedure("share.manage")
    .output(z.array(shareLinkOutput))
    .query(({ ctx }) => listShareLinks(ctx.db, ctx.project.id)),
  create: projectProcedure("share.manage")
    .input(shareCreateInput)
    .output(shareCreatedOutput)
    .mutation(({ ctx, input }) =>
      createShareLink(ctx.db, acting(ctx), ctx.project.id, ctx.appUrl, input),
    ),
  revoke: projectProcedure("share.manage")
    .input(shareRevokeInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      revokeShareLink(ctx.db, acting(ctx), ctx.project.id, input.shareId);
      return done;
    }),
  /** Anyone holding a live link: the project's stakeholder view, nothing internal. */
  view: publicProcedure("share.view")
    .input(z.object({ token: shareToken }))
    .output(stakeholderViewOutput)
    .query(({ ctx, input }) => viewByShareLink(ctx.db, input.token)),
});
