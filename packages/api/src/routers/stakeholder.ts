import {
  commCreateInput,
  commDeleteInput,
  commDoneInput,
  commListOutput,
  commUpdateInput,
  id,
  ok,
  stakeholderCreateInput,
  stakeholderDeleteInput,
  stakeholderOutput,
  stakeholderUpdateInput,
} from "@rollout/domain";
import * as z from "zod";
import { acting } from "../audit.ts";
import {
  createComm,
  deleteComm,
  listComms,
  markCommDone,
  updateComm,
} from "../services/stakeholders/comms.ts";
import {
  createStakeholder,
  deleteStakeholder,
  listStakeholders,
  updateStakeholder,
} from "../services/stakeholders/register.ts";
import { projectProcedure, router } from "../trpc.ts";

const done = { ok: true as const };
const read = () => projectProcedure("stakeholder.read");
const edit = () => projectProcedure("stakeholder.edit");

export const stakeholderRouter = router({
  list: read()
    .output(z.array(stakeholderOutput))
    .query(({ ctx }) => listStakeholders(ctx.db, ctx.project.id)),
  create: edit()
    .input(stakeholderCreateInput)
    .output(z.object({ id }))
    .mutation(({ ctx, input }) => createStakeholder(ctx.db, acting(ctx), ctx.project.id, input)),
  update: edit()
    .input(stakeholderUpdateInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      updateStakeholder(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
  delete: edit()
    .input(stakeholderDeleteInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      deleteStakeholder(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
});

export const commsRouter = router({
  list: read()
    .output(commListOutput)
    .query(({ ctx }) => listComms(ctx.db, ctx.project.id)),
  create: edit()
    .input(commCreateInput)
    .output(z.object({ id }))
    .mutation(({ ctx, input }) => createComm(ctx.db, acting(ctx), ctx.project.id, input)),
  update: edit()
    .input(commUpdateInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      updateComm(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
  delete: edit()
    .input(commDeleteInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      deleteComm(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
  markDone: edit()
    .input(commDoneInput)
    .output(z.object({ nextDue: z.string().nullable() }))
    .mutation(({ ctx, input }) => markCommDone(ctx.db, acting(ctx), ctx.project.id, input)),
});
