/**
 * RAID and stakeholder benchmarks (issue 5): a project with 2,000 RAID items and 300
 * stakeholders (and a 500-task plan the items link to).
 * - raid.list, raid.heatMap and stakeholder.list through the API, each against hand-written SQL
 *   on the same driver fetching the same rows after the same access checks (aim: ratio ≤ 2);
 * - raid.import of a 2,000-row CSV, all-or-nothing (aim: < 1 s).
 * Prints a table and writes JSON to test-results/bench-raid.json. Not a test.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { appRouter, createCallerFactory } from "@rollout/api";
import {
  addOrgMember,
  addProjectRole,
  contextFor,
  insertOrg,
  insertProject,
  insertUser,
} from "@rollout/api/testing";
import { createDb, seedPlanAtScale, seedRaidAtScale } from "@rollout/db";
import { raidItemsToCsv } from "@rollout/domain";
import { percentile, printTable, type Row, sample } from "./stats.ts";

const ITEMS = Number(process.env.BENCH_RAID_ITEMS ?? 2000);
const STAKEHOLDERS = Number(process.env.BENCH_STAKEHOLDERS ?? 300);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 10);

const dir = mkdtempSync(join(tmpdir(), "rollout-bench-"));
const db = createDb(join(dir, "bench.db"));
const orgId = insertOrg(db, "Bench Org", "bench");
const projectId = insertProject(db, orgId, { key: "BIG-RAID", name: "Big RAID log" });
const pm = insertUser(db, "Pat PM", "pm@bench.test", orgId);
const ipm = insertUser(db, "Ira IPM", "ipm@bench.test", orgId);
addOrgMember(db, orgId, pm.userId, "member");
addOrgMember(db, orgId, ipm.userId, "member");
addProjectRole(db, projectId, pm.userId, "pm");
addProjectRole(db, projectId, ipm.userId, "ipm");
const plan = seedPlanAtScale(db, projectId, { tasks: 500, dependencies: 400 });
seedRaidAtScale(db, projectId, {
  items: ITEMS,
  stakeholders: STAKEHOLDERS,
  owners: [pm.userId, ipm.userId],
  taskIds: plan.tasks,
});
db.$client.pragma("optimize");
const caller = createCallerFactory(appRouter)(contextFor(db, pm));

const sqlite = db.$client;
// Any correct endpoint first checks who is asking: membership of the organisation, then the
// project within it with the caller's role. The baselines run the same two statements.
const rawMember = sqlite.prepare(
  "select id, role from member where organization_id = ? and user_id = ?",
);
const rawProject = sqlite.prepare(
  `select p.*, m.role as member_role from project p
   left join project_member m on m.project_id = p.id and m.user_id = ?
   where p.id = ? and p.organization_id = ?`,
);
const authorize = () => {
  rawMember.get(orgId, pm.userId);
  return rawProject.get(pm.userId, projectId, orgId);
};
// The same rows the API reads, by hand: items with owner names and converted refs, then links.
const rawItems = sqlite.prepare(
  `select i.*, u.name as owner_user_name, s.name as owner_stakeholder_name,
          f.kind as from_kind, f.number as from_number, t.kind as to_kind, t.number as to_number
   from raid_item i
   left join user u on u.id = i.owner_user_id
   left join stakeholder s on s.id = i.owner_stakeholder_id and s.deleted_at is null
   left join raid_item f on f.id = i.converted_from_id and f.deleted_at is null
   left join raid_item t on t.id = i.converted_to_id and t.deleted_at is null
   where i.project_id = ? and i.deleted_at is null
   order by i.kind, i.number`,
);
const rawTaskLinks = sqlite.prepare(
  `select l.raid_item_id, l.task_id from raid_task_link l
   join raid_item i on i.id = l.raid_item_id
   join task t on t.id = l.task_id
   where i.project_id = ? and t.deleted_at is null`,
);
const rawMilestoneLinks = sqlite.prepare(
  `select l.raid_item_id, l.milestone_id from raid_milestone_link l
   join raid_item i on i.id = l.raid_item_id
   join milestone m on m.id = l.milestone_id
   where i.project_id = ? and m.deleted_at is null`,
);
const rawThresholds = sqlite.prepare(
  "select risk_medium, risk_high, risk_critical from organization where id = ?",
);
const rawList = () => ({
  access: authorize(),
  thresholds: rawThresholds.get(orgId),
  items: rawItems.all(projectId),
  tasks: rawTaskLinks.all(projectId),
  milestones: rawMilestoneLinks.all(projectId),
});
const rawHeat = sqlite.prepare(
  `select probability, impact, residual_probability, residual_impact, count(*) as n
   from raid_item
   where project_id = ? and deleted_at is null and kind = 'risk' and status in ('open', 'mitigating')
   group by probability, impact, residual_probability, residual_impact`,
);
const rawHeatMap = () => ({
  access: authorize(),
  thresholds: rawThresholds.get(orgId),
  cells: rawHeat.all(projectId),
});
const rawStakeholders = sqlite.prepare(
  `select s.*, u.name as user_name, u.email as user_email,
     (select count(*) from raid_item r where r.owner_stakeholder_id = s.id and r.deleted_at is null
        and r.status in ('open', 'mitigating', 'in_progress', 'at_risk', 'proposed')) as open_items
   from stakeholder s left join user u on u.id = s.user_id
   where s.project_id = ? and s.deleted_at is null order by s.name, s.id`,
);

const rows: Row[] = [];
async function compare(operation: string, api: () => unknown, raw: () => unknown, aim: string) {
  const apiTimes = await sample(api, RUNS);
  const rawTimes = await sample(raw, RUNS);
  const p50 = percentile(apiTimes, 50);
  const base = percentile(rawTimes, 50);
  rows.push({
    operation,
    p50,
    p95: percentile(apiTimes, 95),
    baselineP50: base,
    ratio: p50 / base,
    aim,
  });
}

await compare(
  `raid.list (${ITEMS} items)`,
  () => caller.raid.list({ projectId }),
  rawList,
  "ratio ≤ 2",
);
await compare(
  "raid.heatMap (open risks, current + residual)",
  () => caller.raid.heatMap({ projectId }),
  rawHeatMap,
  "ratio ≤ 2",
);
await compare(
  `stakeholder.list (${STAKEHOLDERS} people)`,
  () => caller.stakeholder.list({ projectId }),
  () => [authorize(), rawStakeholders.all(projectId)],
  "ratio ≤ 2",
);

// Import: the log exported as CSV and read back in (owners resolve against the same project),
// all-or-nothing: every row checked, then 2,000 inserts, scores and audit rows in one transaction.
const exported = raidItemsToCsv((await caller.raid.list({ projectId })).items.slice(0, ITEMS));
const importTimes: number[] = [];
for (let i = 0; i < IMPORT_RUNS + 2; i++) {
  const start = performance.now();
  const result = await caller.raid.import({ projectId, csv: exported });
  const took = performance.now() - start;
  if (result.errors.length > 0 || result.created !== ITEMS) {
    throw new Error(`import failed: ${JSON.stringify(result.errors.slice(0, 3))}`);
  }
  if (i >= 2) importTimes.push(took);
}
rows.push({
  operation: `raid.import (${ITEMS}-row CSV, ${(exported.length / 1024).toFixed(0)} KB)`,
  p50: percentile(importTimes, 50),
  p95: percentile(importTimes, 95),
  aim: "< 1000 ms",
});

printTable(
  `RAID benchmarks — ${ITEMS} items, ${STAKEHOLDERS} stakeholders, ${RUNS} calls (import: ${IMPORT_RUNS})`,
  rows,
);
const out = resolve(import.meta.dirname, "../../test-results");
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, "bench-raid.json"),
  JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2),
);
db.$client.close();
rmSync(dir, { recursive: true, force: true });
