import { addWorkingDays } from "@rollout/domain";
import { eq, inArray } from "drizzle-orm";
import type { Tx } from "../client.ts";
import { newId } from "../ids.ts";
import {
  baseline,
  baselineMilestone,
  baselineTask,
  gateCriterion,
  gateSigner,
  milestone,
  task,
} from "../schema/index.ts";
import type { LaidOutPhase } from "./demoPlan.ts";

const goLiveCriteria = [
  "UAT signed off by the customer",
  "Cut-over rehearsal passed",
  "Production data reconciled",
  "Key users trained",
  "Support rota staffed for hypercare",
];

/**
 * Milestones at the end of the main phases (go-live a gate with criteria and signers), and two
 * baselines — the contract plan (dates `slipDays` earlier, so the slip shows) and a re-plan.
 */
export function insertDemoSchedule(
  tx: Tx,
  projectId: string,
  options: {
    phases: LaidOutPhase[];
    stamp: string;
    today: string;
    closed: boolean;
    slipDays: number;
    owner: string | null;
    signers: string[];
    criteriaMet: number;
  },
) {
  const ends: Array<[phase: string, name: string, gate: boolean]> = [
    ["Configure", "Configuration complete", false],
    ["Testing / UAT", "UAT sign-off", false],
    ["Cut-over", "Go-live", true],
    ["Hypercare", "Hypercare exit", false],
  ];
  const created: Array<{ id: string; name: string; date: string }> = [];
  ends.forEach(([phaseName, name, gate], index) => {
    const phase = options.phases.find((p) => p.name === phaseName);
    const last = phase?.tasks.at(-1);
    if (!phase || !last) return;
    const id = newId();
    const baselineDate = addWorkingDays(last.dueDate, -options.slipDays);
    tx.insert(milestone)
      .values({
        id,
        projectId,
        name,
        baselineDate,
        actualDate: options.closed || last.dueDate < options.today ? last.dueDate : null,
        isGate: gate,
        isGoLive: gate,
        sortOrder: index + 1,
        createdAt: options.stamp,
        updatedAt: options.stamp,
      })
      .run();
    tx.update(task)
      .set({ milestoneId: id })
      .where(
        inArray(
          task.id,
          phase.tasks.map((t) => t.id),
        ),
      )
      .run();
    created.push({ id, name, date: last.dueDate });
    if (gate) {
      goLiveCriteria.forEach((item, i) => {
        tx.insert(gateCriterion)
          .values({
            id: newId(),
            milestoneId: id,
            item,
            ownerId: options.owner,
            evidence: i < options.criteriaMet ? "Recorded in the project file" : "",
            required: i < 4,
            met: options.closed || i < options.criteriaMet,
            sortOrder: i + 1,
            createdAt: options.stamp,
            updatedAt: options.stamp,
          })
          .run();
      });
      for (const userId of options.signers) {
        tx.insert(gateSigner)
          .values({
            milestoneId: id,
            userId,
            signedAt: options.closed ? options.stamp : null,
            createdAt: options.stamp,
          })
          .run();
      }
      if (options.closed) {
        tx.update(milestone)
          .set({
            decision: "go",
            decisionReason: "All criteria met",
            decisionBy: options.owner,
            decisionAt: options.stamp,
          })
          .where(eq(milestone.id, id))
          .run();
      }
    }
  });
  const allTasks = options.phases.flatMap((p) => p.tasks);
  const snapshot = (name: string, shift: number, at: string) => {
    const id = newId();
    tx.insert(baseline)
      .values({ id, projectId, name, createdBy: options.owner, createdAt: at })
      .run();
    for (let i = 0; i < allTasks.length; i += 200) {
      tx.insert(baselineTask)
        .values(
          allTasks.slice(i, i + 200).map((t) => ({
            baselineId: id,
            taskId: t.id,
            title: t.title,
            startDate: addWorkingDays(t.startDate, -shift),
            dueDate: addWorkingDays(t.dueDate, -shift),
            duration: t.duration,
          })),
        )
        .run();
    }
    if (created.length) {
      tx.insert(baselineMilestone)
        .values(
          created.map((m) => ({
            baselineId: id,
            milestoneId: m.id,
            name: m.name,
            date: addWorkingDays(m.date, -shift),
          })),
        )
        .run();
    }
  };
  snapshot(
    "Contract plan",
    options.slipDays,
    `${allTasks[0]?.startDate ?? options.today}T09:00:00.000Z`,
  );
  snapshot("Re-plan after design", Math.floor(options.slipDays / 2), options.stamp);
  return { milestones: created };
}
