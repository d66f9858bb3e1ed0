/**
 * The bare server of the suite: node:http and better-sqlite3, nothing else, answering from the
 * hand-written SQL of raw.ts. Started by http.ts as its own process:
 *   node --import tsx tests/bench/suite/bare.ts FILE PORT ORG_ID USER_ID PORTFOLIO_JSON_FILE
 * - /portfolio: the whole portfolio's rows and critical paths by hand (the work any correct answer
 *   needs, uncached), then the same JSON bytes Rollout answered;
 * - /portfolio-precomputed: those bytes with no work (what node:http alone can do);
 * - /my-work?today=…&limit=…: the first page of My work by hand, shaped as Rollout's JSON.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import type { Db } from "@rollout/db";
import { isAccountable, isResponsible, type RaciValue, raciViolations } from "@rollout/domain";
import { rawQueries } from "./raw.ts";

const [file, port, orgId, userId, portfolioFile] = process.argv.slice(2);
if (!file || !port || !orgId || !userId || !portfolioFile)
  throw new Error("usage: bare.ts FILE PORT ORG USER PORTFOLIO_JSON");
const require = createRequire(resolve(import.meta.dirname, "../../../packages/db/package.json"));
const Database = require("better-sqlite3") as new (file: string) => Db["$client"];
const sqlite = new Database(file);
sqlite.pragma("journal_mode = WAL");
sqlite.pragma("busy_timeout = 5000");
const raw = rawQueries({ $client: sqlite } as unknown as Db, { orgId, userId });
const portfolio = readFileSync(portfolioFile);

type Row = Record<string, unknown>;
const letter = (v: unknown) => (v ?? null) as RaciValue | null;
function myWorkJson(today: string, limit: number): string {
  const { counts, items } = raw.myWork(today, limit);
  const c = counts as Record<string, number | null>;
  return JSON.stringify({
    result: {
      data: {
        counts: {
          overdue: c.overdue ?? 0,
          thisWeek: c.this_week ?? 0,
          later: c.later ?? 0,
          noDate: c.no_date ?? 0,
        },
        items: (items as Row[]).map((r) => {
          const responsibilities = {
            ipm: letter(r.raci_ipm),
            pm: letter(r.raci_pm),
            customer: letter(r.raci_customer),
            vendor: letter(r.raci_vendor),
          };
          const mine =
            r.role === "ipm" ? responsibilities.ipm : r.role === "pm" ? responsibilities.pm : null;
          const reasons: string[] = [];
          if (r.assignee_id === userId) reasons.push("assignee");
          if (isResponsible(mine)) reasons.push("responsible");
          if (isAccountable(mine)) reasons.push("accountable");
          return {
            task: {
              id: r.id,
              phaseId: r.phase_id,
              parentId: r.parent_id,
              title: r.title,
              description: r.description,
              category: r.category,
              status: r.status,
              startDate: r.start_date,
              dueDate: r.due_date,
              duration: r.duration,
              percentComplete: r.percent_complete,
              estimateHours: r.estimate_hours,
              actualHours: r.actual_hours,
              assigneeId: r.assignee_id,
              assigneeName: r.assignee_name,
              milestoneId: r.milestone_id,
              internalOnly: r.internal_only === 1,
              sortOrder: r.sort_order,
              responsibilities,
              violations: raciViolations(responsibilities),
              version: r.version,
              createdAt: r.created_at,
              updatedAt: r.updated_at,
            },
            projectId: r.project_id,
            projectKey: r.project_key,
            projectName: r.project_name,
            reasons,
          };
        }),
        nextCursor: null as string | null,
      },
    },
  });
}

createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://bare");
  try {
    if (url.pathname === "/portfolio" || url.pathname === "/portfolio-precomputed") {
      if (url.pathname === "/portfolio") raw.portfolio();
      response.writeHead(200, { "content-type": "application/json" });
      response.end(portfolio);
      return;
    }
    if (url.pathname === "/my-work") {
      const body = myWorkJson(
        url.searchParams.get("today") ?? "",
        Number(url.searchParams.get("limit") ?? 50),
      );
      response.writeHead(200, { "content-type": "application/json" });
      response.end(body);
      return;
    }
    response.writeHead(404).end();
  } catch (error) {
    response.writeHead(500).end(String(error));
  }
}).listen(Number(port), "127.0.0.1", () => console.log("bare server ready"));
