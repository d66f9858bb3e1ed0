import {
  addWorkingDays,
  defaultPlaybook,
  type TaskCategory,
  type TaskStatus,
  taskCategories,
} from "@rollout/domain";
import { type Db, writeTx } from "../client.ts";
import { nowIso } from "../ids.ts";
import { dependency, phase, task } from "../schema/index.ts";

/** A small deterministic PRNG (mulberry32), so a seed always builds the same data. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ScalePlanOptions {
  tasks: number;
  dependencies: number;
  phases?: number;
  seed?: number;
  startDate?: string;
  assignees?: string[];
}

/**
 * Fills a project with a large plan: `tasks` tasks over `phases` phases and `dependencies`
 * links that never form a loop (always from an earlier task to a later one). Deterministic.
 */
export function seedPlanAtScale(db: Db, projectId: string, options: ScalePlanOptions) {
  const random = prng(options.seed ?? 42);
  const phaseCount = options.phases ?? 12;
  const stamp = nowIso();
  const start = options.startDate ?? "2027-01-04";
  const statuses: TaskStatus[] = ["not_started", "in_progress", "done", "blocked"];
  return writeTx(db, (tx) => {
    const phaseIds: string[] = [];
    for (let p = 0; p < phaseCount; p++) {
      const id = `${projectId}-ph${p}`;
      phaseIds.push(id);
      tx.insert(phase)
        .values({
          id,
          projectId,
          name: `Phase ${p + 1}`,
          sortOrder: p + 1,
          createdAt: stamp,
          updatedAt: stamp,
        })
        .run();
    }
    const ids: string[] = [];
    const rows: Array<typeof task.$inferInsert> = [];
    for (let i = 0; i < options.tasks; i++) {
      const id = `${projectId}-t${i}`;
      ids.push(id);
      const category = taskCategories[Math.floor(random() * taskCategories.length)] as TaskCategory;
      const r = defaultPlaybook[category];
      const offset = Math.floor((i / options.tasks) * 400);
      const duration = 1 + Math.floor(random() * 10);
      const taskStart = addWorkingDays(start, offset);
      const status = statuses[Math.floor(random() * statuses.length)] as TaskStatus;
      rows.push({
        id,
        projectId,
        phaseId: phaseIds[
          Math.min(phaseCount - 1, Math.floor((i / options.tasks) * phaseCount))
        ] as string,
        title: `Task ${i + 1}: ${category.replace("_", " ")} work item`,
        description: "",
        category,
        status,
        startDate: taskStart,
        dueDate: addWorkingDays(taskStart, duration - 1),
        duration,
        percentComplete: status === "done" ? 100 : status === "not_started" ? 0 : 50,
        estimateHours: duration * 6,
        actualHours: status === "not_started" ? null : duration * 3,
        assigneeId: options.assignees?.length
          ? (options.assignees[i % options.assignees.length] ?? null)
          : null,
        internalOnly: random() < 0.05,
        sortOrder: i + 1,
        raciIpm: random() < 0.03 ? null : r.ipm,
        raciPm: r.pm,
        createdAt: stamp,
        updatedAt: stamp,
      });
      if (rows.length === 500) {
        tx.insert(task).values(rows).run();
        rows.length = 0;
      }
    }
    if (rows.length) tx.insert(task).values(rows).run();
    const seen = new Set<string>();
    const links: Array<typeof dependency.$inferInsert> = [];
    while (seen.size < options.dependencies) {
      const a = Math.floor(random() * (options.tasks - 1));
      const b = a + 1 + Math.floor(random() * Math.min(50, options.tasks - a - 1));
      const key = `${a}:${b}`;
      if (seen.has(key)) continue;
      seen.add(key);
      links.push({
        id: `${projectId}-d${seen.size}`,
        projectId,
        predecessorId: ids[a] as string,
        successorId: ids[b] as string,
        type: "FS",
        lag: 0,
        createdAt: stamp,
        updatedAt: stamp,
      });
      if (links.length === 500) {
        tx.insert(dependency).values(links).run();
        links.length = 0;
      }
    }
    if (links.length) tx.insert(dependency).values(links).run();
    return { phases: phaseIds, tasks: ids };
  });
}
