import {
  benefitRecordInput,
  id,
  kpiAddInput,
  kpiRefInput,
  kpiUpdateInput,
  lessonAddInput,
  lessonDeleteInput,
  lessonPhaseInput,
  lessonPhaseOutput,
  lessonResultOutput,
  lessonSearchInput,
  lessonSearchOutput,
  lessonSuggestionsInput,
  lessonUpdateInput,
  myBenefitOutput,
  noInput,
  objectiveAddInput,
  objectiveDeleteInput,
  objectiveMoveInput,
  objectiveUpdateInput,
  ok,
  pirCreatedOutput,
  pirGetInput,
  pirGetOutput,
  pirOpenInput,
  pirRefInput,
  pirRevisionOutput,
  pirSignedOutput,
  pirSignersInput,
  pirSignInput,
  pirUpdateInput,
} from "@rollout/domain";
import * as z from "zod";
import { acting } from "../audit.ts";
import { myBenefits, recordMeasurement } from "../services/pir/benefits.ts";
import {
  addKpi,
  addLesson,
  addObjective,
  deleteKpi,
  deleteLesson,
  deleteObjective,
  moveObjective,
  scheduleRemeasure,
  updateKpi,
  updateLesson,
  updateObjective,
} from "../services/pir/items.ts";
import { lessonsForPhase, searchLessons, suggestLessons } from "../services/pir/lessons.ts";
import { getPir, listRevisions } from "../services/pir/read.ts";
import {
  openPir,
  reopenPir,
  revisePir,
  setSigners,
  signPir,
  submitPir,
  updatePir,
} from "../services/pir/write.ts";
import { orgProcedure, projectProcedure, router } from "../trpc.ts";

const done = { ok: true as const };
const read = () => projectProcedure("pir.read");
/** Every write below is refused once the review is signed off (checked in the services). */
const edit = () => projectProcedure("pir.edit");
const created = z.object({ id });

const objectiveRouter = router({
  add: edit()
    .input(objectiveAddInput)
    .output(created)
    .mutation(({ ctx, input }) => addObjective(ctx.db, acting(ctx), ctx.project.id, input)),
  update: edit()
    .input(objectiveUpdateInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      updateObjective(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
  delete: edit()
    .input(objectiveDeleteInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      deleteObjective(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
  move: edit()
    .input(objectiveMoveInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      moveObjective(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
});

const kpiRouter = router({
  add: edit()
    .input(kpiAddInput)
    .output(created)
    .mutation(({ ctx, input }) => addKpi(ctx.db, acting(ctx), ctx.project.id, input)),
  update: edit()
    .input(kpiUpdateInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      updateKpi(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
  delete: edit()
    .input(kpiRefInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      deleteKpi(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
  /** Measurements 3 and 6 months after go-live, due in the owner's My work. */
  scheduleRemeasure: edit()
    .input(kpiRefInput)
    .output(z.object({ goLive: z.string(), scheduled: z.array(z.string()) }))
    .mutation(({ ctx, input }) => scheduleRemeasure(ctx.db, acting(ctx), ctx.project, input)),
});

const pirLessonRouter = router({
  add: edit()
    .input(lessonAddInput)
    .output(created)
    .mutation(({ ctx, input }) => addLesson(ctx.db, acting(ctx), ctx.project.id, input)),
  update: edit()
    .input(lessonUpdateInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      updateLesson(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
  delete: edit()
    .input(lessonDeleteInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      deleteLesson(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
});

export const pirRouter = router({
  /** The review (a revision, or the latest), with live or frozen variance; null before one opens. */
  get: read()
    .input(pirGetInput)
    .output(pirGetOutput)
    .query(({ ctx, input }) => getPir(ctx.db, ctx.org.id, ctx.project, input.revision)),
  revisions: read()
    .output(z.array(pirRevisionOutput))
    .query(({ ctx }) => listRevisions(ctx.db, ctx.project.id)),
  open: edit()
    .input(pirOpenInput)
    .output(pirCreatedOutput)
    .mutation(({ ctx, input }) => openPir(ctx.db, acting(ctx), ctx.project, input.early)),
  update: edit()
    .input(pirUpdateInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      updatePir(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
  setSigners: edit()
    .input(pirSignersInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      setSigners(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
  submit: edit()
    .input(pirRefInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      submitPir(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
  reopen: edit()
    .input(pirRefInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      reopenPir(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
  /** Only the people named on the review sign it (checked in the service). */
  sign: projectProcedure("pir.signoff")
    .input(pirSignInput)
    .output(pirSignedOutput)
    .mutation(({ ctx, input }) => signPir(ctx.db, acting(ctx), ctx.project, input)),
  revise: projectProcedure("pir.revise")
    .input(pirRefInput)
    .output(pirCreatedOutput)
    .mutation(({ ctx, input }) => revisePir(ctx.db, acting(ctx), ctx.project.id, input)),
  objective: objectiveRouter,
  kpi: kpiRouter,
  lesson: pirLessonRouter,
});

export const benefitRouter = router({
  /** A later measurement of a benefit: its owner or a manager (checked in the service). */
  record: projectProcedure("benefit.record")
    .input(benefitRecordInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      recordMeasurement(ctx.db, acting(ctx), ctx.project.id, ctx.projectRole, input);
      return done;
    }),
});

/** The lessons library: every lesson of the organisation, for its project teams. */
export const lessonRouter = router({
  search: orgProcedure("lesson.read")
    .input(lessonSearchInput)
    .output(lessonSearchOutput)
    .query(({ ctx, input }) => {
      const { limit, cursor, ...filters } = input;
      return searchLessons(ctx.db, ctx.org.id, filters, { limit, offset: cursor });
    }),
  /** Lessons from earlier projects of a kind (the new-project form). */
  suggestions: orgProcedure("lesson.read")
    .input(lessonSuggestionsInput)
    .output(z.array(lessonResultOutput))
    .query(({ ctx, input }) => suggestLessons(ctx.db, ctx.org.id, input.kind, input.limit)),
  /** Lessons for a plan phase, from other projects of the same kind. */
  forPhase: orgProcedure("lesson.read")
    .input(lessonPhaseInput)
    .output(lessonPhaseOutput)
    .query(({ ctx, input }) => lessonsForPhase(ctx.db, ctx.org, ctx.actor.userId, input)),
});

/** Benefits to re-measure that fall due for the caller (added to My work). */
export const myBenefitsProcedure = orgProcedure("mywork.read")
  .input(noInput)
  .output(z.array(myBenefitOutput))
  .query(({ ctx }) => myBenefits(ctx.db, ctx.org.id, ctx.actor.userId));
