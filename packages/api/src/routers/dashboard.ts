import { portfolioDashboardInput, portfolioDashboardOutput } from "@rollout/domain";
import { portfolioDashboard } from "../services/health/dashboards.ts";
import { orgProcedure, router } from "../trpc.ts";

export const dashboardRouter = router({
  portfolio: orgProcedure("project.list")
    .input(portfolioDashboardInput)
    .output(portfolioDashboardOutput)
    .query(({ ctx, input }) =>
      portfolioDashboard(ctx.db, ctx.org, ctx.actor.userId, input.includeArchived),
    ),
});
