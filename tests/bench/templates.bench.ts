/**
 * Template benchmark (issue 7): creating a project from a 500-task template with ~500
 * dependencies, responsibilities on every task and 10 gates with criteria, through the real
 * procedure (middleware, validation, expansion on the calendar, one transaction of batched
 * inserts, audit). Each run creates a new project. Prints a table and writes JSON to
 * test-results/bench-templates.json. Not a test: no pass/fail.
 * Run: npx -y pnpm@10.34.9 bench
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { appRouter, createCallerFactory } from "@rollout/api";
import { addOrgMember, contextFor, insertOrg, insertUser } from "@rollout/api/testing";
import { createDb, holiday, newId, nowIso, template } from "@rollout/db";
import {
  defaultPlaybook,
  type TemplateBody,
  type TemplateTask,
  taskCategories,
  templateProblems,
} from "@rollout/domain";
import { percentile, printTable, type Row } from "./stats.ts";

const TASKS = Number(process.env.BENCH_TASKS ?? 500);
const PHASES = 10;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);

/** Phases of chained tasks (each after the one before), each phase after the previous one. */
function bigTemplate(): TemplateBody {
  const perPhase = Math.ceil(TASKS / PHASES);
  const phases = Array.from({ length: PHASES }, (_, i) => ({
    key: `p${i}`,
    name: `Phase ${i + 1}`,
  }));
  const tasks: TemplateTask[] = [];
  const dependencies: TemplateBody["dependencies"] = [];
  let day = 0;
  for (let i = 0; i < TASKS; i++) {
    const phase = Math.floor(i / perPhase);
    const category = taskCategories[i % taskCategories.length] ?? "configuration";
    const play = defaultPlaybook[category];
    const duration = 1 + (i % 4);
    tasks.push({
      key: `t${i}`,
      phaseKey: `p${phase}`,
      parentKey: null,
      title: `Task ${i + 1} of phase ${phase + 1}`,
      description: "Generated for the benchmark.",
      category,
      startOffset: day,
      duration,
      estimateHours: duration * 6,
      internalOnly: i % 25 === 0,
      milestoneKey: (i + 1) % perPhase === 0 ? `m${phase}` : null,
      raci: {
        ...(play.ipm ? { ipm: play.ipm } : {}),
        ...(play.pm ? { pm: play.pm } : {}),
        ...(i % 7 === 0 ? { customer: "C" as const } : {}),
      },
    });
    if (i > 0)
      dependencies.push({ predecessorKey: `t${i - 1}`, successorKey: `t${i}`, type: "FS", lag: 0 });
    // A second, start-to-start link every 25th task: about one link per task in all.
    if (i >= 5 && i % 25 === 0) {
      dependencies.push({ predecessorKey: `t${i - 5}`, successorKey: `t${i}`, type: "SS", lag: 1 });
    }
    day += duration;
  }
  const milestones = phases.map((p, i) => ({
    key: `m${i}`,
    name: `${p.name} gate`,
    offset: Math.min(day, (i + 1) * Math.floor(day / PHASES)),
    isGate: true,
    isGoLive: i === PHASES - 1,
    criteria: ["Deliverables accepted", "Risks reviewed", "Budget on track", "Sponsor agrees"],
  }));
  return { phases, milestones, tasks, dependencies };
}

const body = bigTemplate();
const problems = templateProblems(body);
if (problems.length > 0) throw new Error(`benchmark template invalid: ${problems[0]?.message}`);

const dir = mkdtempSync(join(tmpdir(), "rollout-bench-templates-"));
const db = createDb(join(dir, "bench.db"));
const orgId = insertOrg(db, "Bench Org", "bench");
const owner = insertUser(db, "Olive Owner", "owner@bench.test", orgId);
addOrgMember(db, orgId, owner.userId, "owner");
const now = nowIso();
db.insert(holiday)
  .values(
    ["2026-12-25", "2026-12-28", "2027-01-01", "2027-04-02", "2027-05-27"].map((date) => ({
      organizationId: orgId,
      date,
      name: "Holiday",
      createdAt: now,
    })),
  )
  .run();
const templateId = newId();
db.insert(template)
  .values({
    id: templateId,
    organizationId: orgId,
    name: "Big template",
    kind: "software",
    body,
    createdAt: now,
    updatedAt: now,
  })
  .run();

const caller = createCallerFactory(appRouter)(contextFor(db, owner));
let n = 0;
const create = () =>
  caller.template.createProject({
    key: `BENCH-${++n}`,
    name: `Bench project ${n}`,
    customer: "Bench Corp",
    kind: "software",
    stage: "planning",
    status: "active",
    startDate: "2026-11-07",
    targetGoLive: null,
    actualGoLive: null,
    plannedBudget: 10_000_000,
    actualCost: 0,
    currency: "EUR",
    objectives: "",
    creatorRole: "pm",
    templateId,
  });

const check = await create();
if (check.counts.tasks !== TASKS || check.counts.dependencies !== body.dependencies.length) {
  throw new Error("the project does not hold the whole template");
}
for (let i = 0; i < 5; i++) await create();
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  await create();
  times.push(performance.now() - start);
}

const rows: Row[] = [
  {
    operation: `template.createProject (${TASKS} tasks, ${body.dependencies.length} links, ${PHASES} gates)`,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    aim: "< 300 ms",
  },
];
printTable(`Template benchmark — ${RUNS} projects created, each in one transaction`, rows);
const out = resolve(import.meta.dirname, "../../test-results");
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, "bench-templates.json"),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      tasks: TASKS,
      dependencies: body.dependencies.length,
      milestones: body.milestones.length,
      runs: RUNS,
      rows,
    },
    null,
    2,
  ),
);
db.$client.close();
rmSync(dir, { recursive: true, force: true });
