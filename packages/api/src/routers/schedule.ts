import {
  baselineCompareInput,
  baselineCompareOutput,
  baselineCreateInput,
  baselineOutput,
  criterionAddInput,
  criterionRemoveInput,
  criterionUpdateInput,
  gateDecisionInput,
  id,
  milestoneCreateInput,
  milestoneDeleteInput,
  milestoneUpdateInput,
  ok,
  reschedulePreviewInput,
  reschedulePreviewOutput,
  scheduleOutput,
  signerInput,
  signOffInput,
} from "@rollout/domain";
import * as z from "zod";
import { acting } from "../audit.ts";
import { compareBaseline, createBaseline, listBaselines } from "../services/schedule/baselines.ts";
import { getSchedule } from "../services/schedule/compute.ts";
import {
  addCriterion,
  addSigner,
  createMilestone,
  decideGate,
  deleteMilestone,
  removeCriterion,
  removeSigner,
  signOff,
  updateCriterion,
  updateMilestone,
} from "../services/schedule/milestones.ts";
import { previewReschedule } from "../services/schedule/preview.ts";
import { projectProcedure, router } from "../trpc.ts";

const done = { ok: true as const };
const edit = () => projectProcedure("schedule.edit");

const milestoneRouter = router({
  create: edit()
    .input(milestoneCreateInput)
    .output(z.object({ id }))
    .mutation(({ ctx, input }) => ({
      id: createMilestone(ctx.db, acting(ctx), ctx.project.id, input),
    })),
  update: edit()
    .input(milestoneUpdateInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      updateMilestone(ctx.db, acting(ctx), ctx.project.id, ctx.projectRole, input);
      return done;
    }),
  delete: edit()
    .input(milestoneDeleteInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      deleteMilestone(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
});

const gateRouter = router({
  addCriterion: edit()
    .input(criterionAddInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      addCriterion(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
  updateCriterion: edit()
    .input(criterionUpdateInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      updateCriterion(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
  removeCriterion: edit()
    .input(criterionRemoveInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      removeCriterion(ctx.db, acting(ctx), ctx.project.id, input.criterionId);
      return done;
    }),
  decide: projectProcedure("gate.decide")
    .input(gateDecisionInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      decideGate(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
  addSigner: edit()
    .input(signerInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      addSigner(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
  removeSigner: edit()
    .input(signerInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      removeSigner(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
  signOff: projectProcedure("gate.signoff")
    .input(signOffInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      signOff(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
});

const baselineRouter = router({
  create: edit()
    .input(baselineCreateInput)
    .output(z.object({ id, tasks: z.number().int(), milestones: z.number().int() }))
    .mutation(({ ctx, input }) => createBaseline(ctx.db, acting(ctx), ctx.project.id, input.name)),
  list: projectProcedure("schedule.read")
    .output(z.array(baselineOutput))
    .query(({ ctx }) => listBaselines(ctx.db, ctx.project.id)),
  compare: projectProcedure("schedule.read")
    .input(baselineCompareInput)
    .output(baselineCompareOutput)
    .query(({ ctx, input }) =>
      compareBaseline(ctx.db, ctx.org.id, ctx.project.id, ctx.projectRole, input.baselineId),
    ),
});

export const scheduleRouter = router({
  get: projectProcedure("schedule.read")
    .output(scheduleOutput)
    .query(({ ctx }) => getSchedule(ctx.db, ctx.org.id, ctx.project.id, ctx.projectRole)),
  preview: projectProcedure("schedule.read")
    .input(reschedulePreviewInput)
    .output(reschedulePreviewOutput)
    .query(({ ctx, input }) =>
      previewReschedule(ctx.db, ctx.org.id, ctx.project.id, ctx.projectRole, input),
    ),
  milestone: milestoneRouter,
  gate: gateRouter,
  baseline: baselineRouter,
});
