import {
  auditEntryOutput,
  countOutput,
  dependencyAddInput,
  dependencyOutput,
  dependencyRemoveInput,
  dependencyUpdateInput,
  myCommOutput,
  myWorkListInput,
  myWorkOutput,
  noInput,
  ok,
  phaseCreateInput,
  phaseDeleteInput,
  phaseMoveInput,
  phaseOutput,
  phaseUpdateInput,
  planOutput,
  playbookOutput,
  playbookResetInput,
  playbookUpdateInput,
  suggestInput,
  taskBulkUpdateInput,
  taskCreateInput,
  taskDeleteInput,
  taskDeleteOutput,
  taskHistoryInput,
  taskMoveInput,
  taskOutput,
  taskRestoreInput,
  taskUpdateInput,
  taskVersionsOutput,
} from "@rollout/domain";
import * as z from "zod";
import { acting } from "../audit.ts";
import {
  addDependency,
  removeDependency,
  updateDependency,
} from "../services/plan/dependencies.ts";
import { myWork } from "../services/plan/myWork.ts";
import { createPhase, deletePhase, movePhase, renamePhase } from "../services/plan/phases.ts";
import { getPlaybook, resetPlaybookEntry, updatePlaybookEntry } from "../services/plan/playbook.ts";
import { getPlan } from "../services/plan/read.ts";
import {
  bulkUpdateTasks,
  createTask,
  deleteTasks,
  moveTask,
  restoreBatch,
  suggestForTasks,
  taskHistory,
  updateTask,
} from "../services/plan/tasks.ts";
import { myComms } from "../services/stakeholders/comms.ts";
import { orgProcedure, projectProcedure, router } from "../trpc.ts";
import { myBenefitsProcedure } from "./pir.ts";

const edit = () => projectProcedure("plan.edit");

const phaseRouter = router({
  create: edit()
    .input(phaseCreateInput)
    .output(phaseOutput)
    .mutation(({ ctx, input }) => createPhase(ctx.db, acting(ctx), ctx.project.id, input)),
  update: edit()
    .input(phaseUpdateInput)
    .output(phaseOutput)
    .mutation(({ ctx, input }) => renamePhase(ctx.db, acting(ctx), ctx.project.id, input)),
  move: edit()
    .input(phaseMoveInput)
    .output(phaseOutput)
    .mutation(({ ctx, input }) => movePhase(ctx.db, acting(ctx), ctx.project.id, input)),
  delete: edit()
    .input(phaseDeleteInput)
    .output(taskDeleteOutput)
    .mutation(({ ctx, input }) => deletePhase(ctx.db, acting(ctx), ctx.project.id, input)),
});

const taskRouter = router({
  create: edit()
    .input(taskCreateInput)
    .output(taskOutput)
    .mutation(({ ctx, input }) =>
      createTask(ctx.db, acting(ctx), ctx.project.id, ctx.projectRole, input),
    ),
  update: projectProcedure("task.update")
    .input(taskUpdateInput)
    .output(taskOutput)
    .mutation(({ ctx, input }) =>
      updateTask(ctx.db, acting(ctx), ctx.project.id, ctx.projectRole, input),
    ),
  move: edit()
    .input(taskMoveInput)
    .output(taskOutput)
    .mutation(({ ctx, input }) =>
      moveTask(ctx.db, acting(ctx), ctx.project.id, ctx.projectRole, input),
    ),
  bulkUpdate: edit()
    .input(taskBulkUpdateInput)
    .output(taskVersionsOutput)
    .mutation(({ ctx, input }) =>
      bulkUpdateTasks(ctx.db, acting(ctx), ctx.project.id, ctx.projectRole, input),
    ),
  delete: edit()
    .input(taskDeleteInput)
    .output(taskDeleteOutput)
    .mutation(({ ctx, input }) =>
      deleteTasks(ctx.db, acting(ctx), ctx.project.id, ctx.projectRole, input),
    ),
  restore: edit()
    .input(taskRestoreInput)
    .output(countOutput)
    .mutation(({ ctx, input }) => restoreBatch(ctx.db, acting(ctx), ctx.project.id, input.batchId)),
  suggest: edit()
    .input(suggestInput)
    .output(countOutput)
    .mutation(({ ctx, input }) =>
      suggestForTasks(ctx.db, acting(ctx), ctx.project.id, ctx.projectRole, input),
    ),
  history: projectProcedure("project.audit.read")
    .input(taskHistoryInput)
    .output(z.array(auditEntryOutput))
    .query(({ ctx, input }) => taskHistory(ctx.db, ctx.project.id, ctx.projectRole, input)),
});

const dependencyRouter = router({
  add: edit()
    .input(dependencyAddInput)
    .output(dependencyOutput)
    .mutation(({ ctx, input }) =>
      addDependency(ctx.db, acting(ctx), ctx.project.id, ctx.projectRole, input),
    ),
  update: edit()
    .input(dependencyUpdateInput)
    .output(dependencyOutput)
    .mutation(({ ctx, input }) => updateDependency(ctx.db, acting(ctx), ctx.project.id, input)),
  remove: edit()
    .input(dependencyRemoveInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      removeDependency(ctx.db, acting(ctx), ctx.project.id, input.dependencyId);
      return { ok: true as const };
    }),
});

export const planRouter = router({
  get: projectProcedure("plan.read")
    .output(planOutput)
    .query(({ ctx }) => getPlan(ctx.db, ctx.project.id, ctx.projectRole)),
  phase: phaseRouter,
  task: taskRouter,
  dependency: dependencyRouter,
});

export const playbookRouter = router({
  get: orgProcedure("playbook.read")
    .input(noInput)
    .output(playbookOutput)
    .query(({ ctx }) => getPlaybook(ctx.db, ctx.org.id)),
  update: orgProcedure("playbook.manage")
    .input(playbookUpdateInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      updatePlaybookEntry(ctx.db, acting(ctx), input);
      return { ok: true as const };
    }),
  reset: orgProcedure("playbook.manage")
    .input(playbookResetInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      resetPlaybookEntry(ctx.db, acting(ctx), input.category);
      return { ok: true as const };
    }),
});

export const myWorkRouter = router({
  /** My open tasks: every group's count and one page (keyset cursor) of one or all groups. */
  list: orgProcedure("mywork.read")
    .input(myWorkListInput)
    .output(myWorkOutput)
    .query(({ ctx, input }) => myWork(ctx.db, ctx.org.id, ctx.actor.userId, input)),
  /** Communications due today or overdue where I hold the owner role. */
  communications: orgProcedure("mywork.read")
    .input(noInput)
    .output(z.array(myCommOutput))
    .query(({ ctx }) => myComms(ctx.db, ctx.org.id, ctx.actor.userId)),
  /** Benefits (KPIs I own) whose re-measurement falls due within a week, or is overdue. */
  benefits: myBenefitsProcedure,
});
