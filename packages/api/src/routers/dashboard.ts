import {
  portfolioDashboardInput,
  portfolioDashboardOutput,
  projectDashboardOutput,
} from "@rollout/domain";
import { portfolioDashboard } from "../services/health/dashboards.ts";
import { projectDashboard } from "../services/health/projectDashboard.ts";
import { orgProcedure, projectProcedure, router } from "../trpc.ts";

export const dashboardRouter = router({
  portfolio: orgProcedure("project.list")
    .input(portfolioDashboardInput)
    .output(portfolioDashboardOutput)
    .query(({ ctx, input }) =>
      portfolioDashboard(ctx.db, ctx.org, ctx.actor.userId, input.includeArchived),
    ),
  project: projectProcedure("project.read")
    .output(projectDashboardOutput)
    .query(({ ctx }) => projectDashboard(ctx.db, ctx.org.id, ctx.project, ctx.projectRole)),
});
