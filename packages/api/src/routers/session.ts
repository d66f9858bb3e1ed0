import { noInput, sessionOutput } from "@rollout/domain";
import { listMyOrgs } from "../services/orgs.ts";
import { publicProcedure, router } from "../trpc.ts";

export const sessionRouter = router({
  /** Who is signed in, their organisations and the active one; null when signed out. */
  get: publicProcedure("session.read")
    .input(noInput)
    .output(sessionOutput)
    .query(({ ctx }) => {
      if (!ctx.actor) return null;
      const orgs = listMyOrgs(ctx.db, ctx.actor.userId);
      const activeOrg = orgs.find((o) => o.id === ctx.actor?.activeOrgId) ?? null;
      return {
        user: { id: ctx.actor.userId, name: ctx.actor.name, email: ctx.actor.email },
        activeOrg,
        orgs,
      };
    }),
});
