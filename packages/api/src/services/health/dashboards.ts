import { and, type Db, eq, isNull, organization, project } from "@rollout/db";
import type { PortfolioDashboard, PortfolioItem } from "@rollout/domain";
import { todayUtc } from "@rollout/domain";
import { changes } from "../../events.ts";
import { toListItems, visibleProjects } from "../projects.ts";
import { metricsFor } from "./metrics.ts";

/**
 * The PM's portfolio: every project the caller can see with its health (and reasons), progress,
 * next milestone and slip, open high risks, days to go-live, SPI/CPI, plus a summary strip.
 * A fixed number of queries whatever the number of projects; figures are cached per project.
 */
export function portfolioDashboard(
  db: Db,
  org: { id: string; role: "owner" | "admin" | "member" },
  userId: string,
  includeArchived: boolean,
  today = todayUtc(),
): PortfolioDashboard {
  // Nothing in the organisation changed since this person last looked: the same answer.
  const key = `${org.id}:${userId}:${org.role}:${includeArchived}`;
  const revision = `${changes.activity(org.id)}:${today}`;
  const hit = answers.get(key);
  if (hit && hit.revision === revision) return hit.answer;
  const rows = visibleProjects(db, org, userId, includeArchived);
  const items = toListItems(db, org, rows);
  const orgWide = org.role === "owner" || org.role === "admin";
  // Stakeholders read the outside view (internal risks unnamed); everyone else the team's.
  const outside = rows.filter((r) => !orgWide && r.myRole === "stakeholder");
  const inside = rows.filter((r) => orgWide || r.myRole !== "stakeholder");
  const metrics = new Map([
    ...metricsFor(
      db,
      org.id,
      inside.map((r) => r.project),
      "team",
      today,
    ),
    ...metricsFor(
      db,
      org.id,
      outside.map((r) => r.project),
      "outside",
      today,
    ),
  ]);
  const month = today.slice(0, 7);
  const summary = { green: 0, amber: 0, red: 0, goLivesThisMonth: 0, slipping: 0 };
  const out: PortfolioItem[] = items.map((item) => {
    const m = metrics.get(item.id);
    if (!m) throw new Error(`no figures for project ${item.id}`);
    summary[m.health.overall] += 1;
    if (m.goLive && m.daysToGoLive !== null && m.goLive.date.slice(0, 7) === month) {
      summary.goLivesThisMonth += 1;
    }
    const slips = m.milestones
      .filter((x) => !x.actualDate && x.slip !== null)
      .map((x) => x.slip as number);
    const worstSlip = slips.length > 0 ? Math.max(...slips) : null;
    if ((worstSlip ?? 0) > 0) summary.slipping += 1;
    return {
      ...item,
      health: m.health,
      progress: m.progress,
      plannedProgress: m.plannedProgress,
      nextMilestone: m.nextMilestone,
      worstSlip,
      goLiveDate: m.goLive?.date ?? null,
      daysToGoLive: m.daysToGoLive,
      openHighRisks: m.openHighRisks,
      overdueTasks: m.overdueTasks,
      spi: m.ev.spi,
      cpi: m.ev.cpi,
    };
  });
  const answer = { items: out, summary, today };
  if (answers.size >= 1000) answers.clear();
  answers.set(key, { revision, answer });
  return answer;
}

const answers = new Map<string, { revision: string; answer: PortfolioDashboard }>();

/**
 * Computes every live project's figures (the team's view) after the server starts, a hundred
 * projects at a time with a pause between slices so requests are served in between: the first
 * person to open the portfolio after a restart does not wait for a thousand critical paths.
 * Stops when `stop()` says so (the server is closing). Returns how many projects it computed.
 */
export async function warmFigures(db: Db, stop: () => boolean = () => false): Promise<number> {
  let warmed = 0;
  if (stop() || !db.$client.open) return warmed;
  const orgs = db.select({ id: organization.id }).from(organization).all();
  for (const org of orgs) {
    const rows = db
      .select()
      .from(project)
      .where(and(eq(project.organizationId, org.id), isNull(project.archivedAt)))
      .all();
    for (let i = 0; i < rows.length; i += 100) {
      await new Promise((resolve) => setImmediate(resolve));
      if (stop() || !db.$client.open) return warmed;
      const slice = rows.slice(i, i + 100);
      metricsFor(db, org.id, slice, "team");
      warmed += slice.length;
    }
  }
  return warmed;
}
