import { trashItemOutput, trashRestoreInput } from "@rollout/domain";
import * as z from "zod";
import { acting } from "../audit.ts";
import { listTrash, restoreFromTrash } from "../services/trash.ts";
import { projectProcedure, router } from "../trpc.ts";

export const trashRouter = router({
  /** What was deleted in the last 30 days, newest first. */
  list: projectProcedure("trash.manage")
    .output(z.array(trashItemOutput))
    .query(({ ctx }) => listTrash(ctx.db, ctx.project.id)),
  restore: projectProcedure("trash.manage")
    .input(trashRestoreInput)
    .output(z.object({ restored: z.number() }))
    .mutation(({ ctx, input }) => restoreFromTrash(ctx.db, acting(ctx), ctx.project.id, input)),
});
