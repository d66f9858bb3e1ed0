import { eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import { user } from "../schema/index.ts";
import { seedDemo } from "./demo.ts";
import { seedLessonsAtScale, seedPortfolioAtScale, seedReportsAtScale } from "./scale.ts";

export interface ScaleSeedOptions {
  /** 1 = 1,000 projects, 100,000 tasks, 20,000 RAID items, 5,000 stakeholders, 2,000 milestones, 500 reports, 20,000 lessons. */
  size: number;
  seed: number;
  /** The one big project's tasks (default 5,000 at every size). */
  bigProjectTasks?: number;
  hashPassword: (password: string) => Promise<string>;
}

export interface ScaleSeedResult {
  orgId: string;
  pmId: string;
  ipmId: string;
  /** The portfolio's projects, the big one first. */
  projectIds: string[];
  counts: Record<
    | "projects"
    | "tasks"
    | "dependencies"
    | "raid"
    | "stakeholders"
    | "milestones"
    | "reports"
    | "lessons",
    number
  >;
  seconds: number;
}

/**
 * The demo organisation plus a portfolio at scale (issue 9), deterministic for a seed: what
 * `seed-scale` and the benchmark suite build. Seed into an empty database.
 */
export async function seedScaleOrganisation(
  db: Db,
  options: ScaleSeedOptions,
): Promise<ScaleSeedResult> {
  const started = performance.now();
  const { orgId } = await seedDemo(db, options.hashPassword);
  const pm = db.select().from(user).where(eq(user.email, "pm@rollout.demo")).get();
  const ipm = db.select().from(user).where(eq(user.email, "ipm@rollout.demo")).get();
  if (!pm || !ipm) throw new Error("the demo people are missing");
  const n = (count: number) => Math.max(1, Math.round(count * options.size));
  const { projectIds } = seedPortfolioAtScale(db, orgId, {
    projects: n(1000),
    tasksPerProject: 95,
    bigProjectTasks: options.bigProjectTasks ?? 5000,
    raidPerProject: 20,
    stakeholdersPerProject: 5,
    milestonesPerProject: 2,
    people: { pm: pm.id, ipm: ipm.id },
    seed: options.seed,
  });
  seedReportsAtScale(db, projectIds, { reports: n(500), author: pm.id });
  seedLessonsAtScale(db, orgId, projectIds, {
    lessons: n(20_000),
    seed: options.seed,
    author: pm.id,
  });
  db.$client.pragma("optimize");
  const counts = db.$client
    .prepare(
      `select (select count(*) from project) projects, (select count(*) from task) tasks,
              (select count(*) from dependency) dependencies, (select count(*) from raid_item) raid,
              (select count(*) from stakeholder) stakeholders, (select count(*) from milestone) milestones,
              (select count(*) from status_report where status = 'published') reports,
              (select count(*) from lesson) lessons`,
    )
    .get() as ScaleSeedResult["counts"];
  return {
    orgId,
    pmId: pm.id,
    ipmId: ipm.id,
    projectIds,
    counts,
    seconds: (performance.now() - started) / 1000,
  };
}
