import { addDays, addWorkingDays, raidRef, riskBand } from "@rollout/domain";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Tx } from "../client.ts";
import { newId } from "../ids.ts";
import { raidItem } from "../schema/raid.ts";
import { type ReportMilestone, type ReportRisk, statusReport } from "../schema/reports.ts";

type Rag = "green" | "amber" | "red";

/**
 * Six weeks of published status reports (and this week's draft) for an active demo project, so
 * the report history, the milestone trend and the PDF have something real to show. Each report's
 * milestone forecasts move as the project slipped: flat where it held, rising where it slipped.
 */
export function insertDemoReports(
  tx: Tx,
  projectId: string,
  options: {
    today: string;
    pm: string;
    /** Milestones with their current forecast (`date`) and baseline. */
    milestones: Array<{ id: string; name: string; date: string }>;
    /** Working days the project slipped over the six weeks. */
    slipDays: number;
    currency: string;
    plannedBudget: number;
    actualCost: number;
    /** Percent complete now; earlier reports trail it. */
    progressNow: number;
    headline: string;
  },
) {
  const weeks = 6;
  const risks = tx
    .select({
      id: raidItem.id,
      kind: raidItem.kind,
      number: raidItem.number,
      title: raidItem.title,
      probability: raidItem.probability,
      impact: raidItem.impact,
      response: raidItem.response,
      mitigation: raidItem.mitigation,
    })
    .from(raidItem)
    .where(
      and(
        eq(raidItem.projectId, projectId),
        eq(raidItem.kind, "risk"),
        eq(raidItem.internalOnly, false),
      ),
    )
    .orderBy(desc(sql`coalesce(${raidItem.probability}, 0) * coalesce(${raidItem.impact}, 0)`))
    .limit(3)
    .all();
  const topRisks: ReportRisk[] = risks.map((r) => {
    const score = (r.probability ?? 0) * (r.impact ?? 0);
    return {
      id: r.id,
      ref: raidRef(r.kind, r.number),
      title: r.title,
      score,
      band: riskBand(score),
      response: r.response,
      mitigation: r.mitigation,
    };
  });
  // Friday-ending weeks: the last full week before today, and the five before it.
  const lastEnd = (() => {
    let d = addDays(options.today, -1);
    while (new Date(`${d}T00:00:00Z`).getUTCDay() !== 5) d = addDays(d, -1);
    return d;
  })();
  for (let k = 1; k <= weeks + 1; k++) {
    const draft = k === weeks + 1;
    const periodEnd = draft ? addDays(lastEnd, 7) : addDays(lastEnd, -7 * (weeks - k));
    const periodStart = addDays(periodEnd, -4);
    // How much of the slip had shown by then.
    const slipped = Math.round((options.slipDays * Math.min(k, weeks)) / weeks);
    const milestones: ReportMilestone[] = options.milestones.map((m) => {
      const baselineDate = addWorkingDays(m.date, -options.slipDays);
      const forecastDate = addWorkingDays(baselineDate, slipped);
      const achieved = forecastDate <= periodEnd;
      return {
        id: m.id,
        name: m.name,
        baselineDate,
        forecastDate,
        actualDate: achieved ? forecastDate : null,
        slip: slipped,
      };
    });
    const schedule: Rag = slipped > 10 ? "red" : slipped > 5 ? "amber" : "green";
    // The top risk was rated up to critical in week three (its score history says the same).
    const riskNow: Rag = topRisks.some((r) => r.score >= 20)
      ? "red"
      : topRisks.some((r) => r.score >= 15)
        ? "amber"
        : "green";
    const risk: Rag = k <= 2 && riskNow === "red" ? "amber" : riskNow;
    const spent = Math.round(options.actualCost * (0.7 + (0.3 * k) / (weeks + 1)));
    const budget: Rag =
      spent > options.plannedBudget * 1.1
        ? "red"
        : spent > options.plannedBudget * 1.05
          ? "amber"
          : "green";
    const worst = (...rags: Rag[]): Rag =>
      rags.includes("red") ? "red" : rags.includes("amber") ? "amber" : "green";
    const overall = worst(schedule, risk, budget);
    const progress = Math.max(0, Math.round(options.progressNow - (weeks - k) * 4));
    const stamp = `${addDays(periodEnd, 0)}T16:30:00.000Z`;
    tx.insert(statusReport)
      .values({
        id: newId(),
        projectId,
        number: k,
        periodStart,
        periodEnd,
        status: draft ? "draft" : "published",
        overall,
        schedule,
        budget,
        scope: "green",
        risk,
        summary:
          k === 1
            ? `${options.headline} Build is under way and on plan.`
            : slipped > 0
              ? `${options.headline} Go-live forecast now ${slipped} working day${slipped === 1 ? "" : "s"} behind the baseline; recovery actions agreed with the customer.`
              : `${options.headline} On plan.`,
        accomplishments: [
          "- Configuration workshops closed for the week's scope",
          k > 2 ? "- Second data migration mock load reconciled" : "- First mock load run",
          k > 4 ? "- UAT scripts reviewed with key users" : "- Test environment refreshed",
        ].join("\n"),
        nextSteps: [
          "- Close open configuration defects",
          k > 3 ? "- Cut-over rehearsal planning" : "- Integration test cycle 1",
          "- Training material review with the customer's trainers",
        ].join("\n"),
        asks: slipped > 3 ? "Customer to confirm key-user availability for UAT weeks." : "",
        topRisks,
        milestones,
        metrics: {
          progress,
          plannedProgress: Math.min(100, progress + Math.round(slipped * 1.5)),
          spi:
            progress > 0
              ? Math.round((progress / Math.min(100, progress + slipped * 1.5)) * 100) / 100
              : null,
          cpi: null,
          forecastCost: Math.round(options.plannedBudget * (1 + slipped / 100)),
          plannedBudget: options.plannedBudget,
          actualCost: spent,
          currency: options.currency,
          openTasks: 0,
          overdueTasks: 0,
          openHighRisks: topRisks.filter((r) => r.score >= 10).length,
          computedHealth: overall,
          reasons: {},
        },
        createdBy: options.pm,
        publishedAt: draft ? null : stamp,
        publishedBy: draft ? null : options.pm,
        createdAt: stamp,
        updatedAt: stamp,
      })
      .run();
  }
}
