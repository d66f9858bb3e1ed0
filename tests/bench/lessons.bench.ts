/**
 * Lessons library benchmark (issue 7): 20,000 lessons across 200 projects of one organisation
 * (and 2,000 in another, which must never show), each project with a signed-off review.
 * - lesson.search with free text (FTS5, best match first), with text and a category, with a
 *   category alone and with a tag (newest first), through the tRPC caller, each against the
 *   hand-written SQL returning the same page on the same driver after the same access checks
 *   (aim: < 20 ms, ratio ≤ 2).
 * Prints a table and writes JSON to test-results/bench-lessons.json. Not a test.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { appRouter, createCallerFactory } from "@rollout/api";
import { addOrgMember, contextFor, insertOrg, insertUser } from "@rollout/api/testing";
import { createDb, prng } from "@rollout/db";
import { ftsQuery, ftsTagQuery, lessonKinds, projectKinds, taskCategories } from "@rollout/domain";
import { percentile, printTable, type Row, sample } from "./stats.ts";

const LESSONS = Number(process.env.BENCH_LESSONS ?? 20_000);
const PROJECTS = Number(process.env.BENCH_LESSON_PROJECTS ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 300);

const dir = mkdtempSync(join(tmpdir(), "rollout-bench-"));
const db = createDb(join(dir, "bench.db"));
const orgId = insertOrg(db, "Bench Org", "bench");
const otherOrgId = insertOrg(db, "Other Org", "other");
const pm = insertUser(db, "Pat PM", "pm@bench.test", orgId);
addOrgMember(db, orgId, pm.userId, "member");

// ── Seed: one transaction, prepared inserts ───────────────────────────────────────────────────
const subjects = [
  "The vendor",
  "Key users",
  "The data migration",
  "The cut-over rehearsal",
  "User acceptance testing",
  "Classroom training",
  "The integration partner",
  "Super-users on the floor",
  "The steering group",
  "Hypercare support",
  "The test environment",
  "Procurement of devices",
  "The reporting team",
  "Change champions",
  "The network upgrade",
];
const happened = [
  "ran three weeks late",
  "found duplicate customer records",
  "needed far more time than planned",
  "was signed off without the receiving team",
  "worked well because it was rehearsed twice",
  "kept issues moving with a daily huddle",
  "missed night-shift staff",
  "failed under peak message volumes",
  "depended on a single expert",
  "surfaced licence gaps before go-live",
  "was booked too late in the plan",
  "reduced calls to the service desk",
];
const advice = [
  "Agree owners before the first trial load",
  "Put dates and penalties into the contract",
  "Rehearse with the real runbook and the real people",
  "Replay a full day of production volume in testing",
  "Schedule sessions for every shift",
  "Release one super-user per site through hypercare",
  "Profile data quality during discovery",
  "Keep a decision log from the first workshop",
  "Test documents with the people who receive them",
  "Budget backfill per shift and track it weekly",
];
const tagPool = [
  "uat",
  "vendor",
  "contract",
  "data-quality",
  "migration",
  "training",
  "hypercare",
  "cutover",
  "rehearsal",
  "interfaces",
  "performance",
  "budget",
  "backfill",
  "champions",
  "adoption",
  "devices",
  "licences",
  "reporting",
  "stakeholders",
  "go-live",
  "runbook",
  "security",
  "network",
  "documents",
  "shift-work",
];

function seed() {
  const random = prng(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const sqlite = db.$client;
  const now = new Date().toISOString();
  const insertProject = sqlite.prepare(
    `insert into project (id, organization_id, key, name, kind, stage, status, start_date,
       target_go_live, actual_go_live, created_at, updated_at)
     values (?, ?, ?, ?, ?, 'closed', 'closed', '2025-01-06', '2025-09-01', '2025-09-08', ?, ?)`,
  );
  const insertMember = sqlite.prepare(
    `insert into project_member (id, project_id, user_id, role, created_at, updated_at)
     values (?, ?, ?, 'pm', ?, ?)`,
  );
  const insertPir = sqlite.prepare(
    `insert into pir (id, project_id, revision, status, locked_at, created_at, updated_at)
     values (?, ?, 1, 'signed_off', ?, ?, ?)`,
  );
  const insertLesson = sqlite.prepare(
    `insert into lesson (id, seq, organization_id, project_id, pir_id, kind, category, summary,
       recommendation, tags, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let seq = 0;
  const projectsOf = (org: string, count: number, lessons: number) => {
    for (let p = 0; p < count; p++) {
      const projectId = `${org}-p${p}`;
      const pirId = `${projectId}-pir`;
      insertProject.run(
        projectId,
        org,
        `L-${String(p + 1).padStart(4, "0")}`,
        `Rollout ${p + 1}`,
        projectKinds[p % 3],
        now,
        now,
      );
      if (org === orgId && p === 0)
        insertMember.run(`${projectId}-m`, projectId, pm.userId, now, now);
      insertPir.run(pirId, projectId, now, now, now);
      for (let i = 0; i < lessons / count; i++) {
        seq += 1;
        const tags = [...new Set([pick(tagPool), pick(tagPool), pick(tagPool)])].slice(
          0,
          1 + Math.floor(random() * 3),
        );
        const day = new Date(Date.UTC(2024, 0, 1) + seq * 3_600_000).toISOString();
        insertLesson.run(
          `l${seq}`,
          seq,
          org,
          projectId,
          pirId,
          pick(lessonKinds),
          pick(taskCategories),
          `${pick(subjects)} ${pick(happened)} at site ${1 + Math.floor(random() * 40)}.`,
          `${pick(advice)}.`,
          JSON.stringify(tags),
          day,
          day,
        );
      }
    }
  };
  const started = performance.now();
  sqlite.transaction(() => {
    projectsOf(orgId, PROJECTS, LESSONS);
    projectsOf(otherOrgId, 20, LESSONS / 10);
  })();
  sqlite.pragma("optimize");
  return performance.now() - started;
}
const seedMs = seed();

// ── The API and the same reads by hand ────────────────────────────────────────────────────────
const caller = createCallerFactory(appRouter)(contextFor(db, pm));
const sqlite = db.$client;
// Any correct endpoint checks who is asking: membership of the organisation, and (the library
// being for project teams) a place on some project's team. The baselines run the same two.
const rawMember = sqlite.prepare(
  "select id, role from member where organization_id = ? and user_id = ?",
);
const rawTeam = sqlite.prepare(
  `select m.id from project_member m join project p on p.id = m.project_id
   where m.user_id = ? and p.organization_id = ? and m.role in ('pm', 'ipm', 'contributor') limit 1`,
);
const authorize = () => [rawMember.get(orgId, pm.userId), rawTeam.get(pm.userId, orgId)];
const columns = `l.id, l.kind, l.category, l.summary, l.recommendation, l.tags, l.created_at,
  p.id as project_id, p.key as project_key, p.name as project_name, p.kind as project_kind`;
const current = `not exists (select 1 from pir mine join pir newer
  on newer.project_id = mine.project_id and newer.revision > mine.revision where mine.id = l.pir_id)`;
/** The page on narrow rows, then its rows whole: the best plan by hand for each search. */
function rawSearch(options: { match?: boolean; ranked?: boolean; extra?: string }) {
  const where = `l.organization_id = ? and l.deleted_at is null and ${current} ${options.extra ?? ""}`;
  const pageRows = options.match
    ? `select l.seq, l.created_at, ${options.ranked ? "lesson_fts.rank" : "0"} as score
       from lesson_fts join lesson l on l.seq = lesson_fts.rowid
       where lesson_fts match ? and ${where} order by score, l.created_at desc, l.seq desc`
    : `select l.seq, l.created_at, 0 as score from lesson l where ${where}
       order by l.created_at desc, l.seq desc`;
  const statement = sqlite.prepare(
    `with page as (${pageRows} limit 21 offset 0)
     select ${columns} from page join lesson l on l.seq = page.seq
     join project p on p.id = l.project_id
     order by page.score, page.created_at desc, page.seq desc`,
  );
  return (...params: unknown[]): Array<{ id: string }> => {
    authorize();
    return (statement.all(...params) as Array<{ id: string; tags: string }>).map((r) => ({
      ...r,
      tags: JSON.parse(r.tags) as string[],
    }));
  };
}
const rawText = rawSearch({ match: true, ranked: true });
const rawTextCategory = rawSearch({ match: true, ranked: true, extra: "and l.category = ?" });
const rawCategory = rawSearch({ extra: "and l.category = ?" });
const rawTag = rawSearch({
  match: true,
  extra: "and exists (select 1 from json_each(l.tags) t where t.value = ?)",
});
const rawNewest = rawSearch({});

const rows: Row[] = [];
async function compare(
  operation: string,
  api: () => Promise<{ items: Array<{ id: string }> }>,
  raw: () => Array<{ id: string }>,
  aim: string,
) {
  // Both must return the same page, or the comparison means nothing.
  const [a, b] = [
    (await api()).items.map((i) => i.id),
    raw()
      .slice(0, 20)
      .map((i) => i.id),
  ];
  if (JSON.stringify(a) !== JSON.stringify(b) || a.length === 0) {
    throw new Error(`${operation}: the API and the SQL disagree (${a.length} vs ${b.length} rows)`);
  }
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

const text = "data migration";
await compare(
  `lesson.search text "${text}"`,
  () => caller.lesson.search({ text }),
  () => rawText(ftsQuery(text), orgId),
  "< 20 ms, ratio ≤ 2",
);
await compare(
  `lesson.search text "vendor" + category vendor`,
  () => caller.lesson.search({ text: "vendor", category: "vendor" }),
  () => rawTextCategory(ftsQuery("vendor"), orgId, "vendor"),
  "< 20 ms, ratio ≤ 2",
);
await compare(
  "lesson.search category testing (newest first)",
  () => caller.lesson.search({ category: "testing" }),
  () => rawCategory(orgId, "testing"),
  "< 20 ms, ratio ≤ 2",
);
await compare(
  "lesson.search tag hypercare (newest first)",
  () => caller.lesson.search({ tag: "hypercare" }),
  () => rawTag(ftsTagQuery("hypercare"), orgId, "hypercare"),
  "< 20 ms, ratio ≤ 2",
);
await compare(
  "lesson.search, no filter (newest first)",
  () => caller.lesson.search({}),
  () => rawNewest(orgId),
  "< 20 ms, ratio ≤ 2",
);

printTable(
  `Lessons library — ${LESSONS} lessons over ${PROJECTS} projects (seeded in ${seedMs.toFixed(0)} ms), ${RUNS} calls`,
  rows,
);
const out = resolve(import.meta.dirname, "../../test-results");
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, "bench-lessons.json"),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      lessons: LESSONS,
      projects: PROJECTS,
      seedMs,
      rows,
    },
    null,
    2,
  ),
);
db.$client.close();
rmSync(dir, { recursive: true, force: true });
