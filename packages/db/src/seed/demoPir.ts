import {
  addDays,
  addMonths,
  budgetVariance,
  goLiveDates,
  type LessonKind,
  type ObjectiveOutcome,
  type ProjectFields,
  scheduleVariance,
  type TaskCategory,
} from "@rollout/domain";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "../client.ts";
import { newId } from "../ids.ts";
import {
  holiday,
  lesson,
  member,
  milestone,
  pir,
  pirKpi,
  pirMeasurement,
  pirObjective,
  pirSigner,
  projectMember,
  user,
} from "../schema/index.ts";

const objectives: Array<
  [objective: string, criterion: string, ObjectiveOutcome, evidence: string]
> = [
  [
    "Move 1,400 clinical staff from paper charts to the electronic health record.",
    "95% of clinical staff documenting in the EHR by week 4",
    "partial",
    "Adoption dashboard, week 4: 91% overall — theatres and outpatients 99%, community teams 78%.",
  ],
  [
    "No unplanned downtime of clinical systems during cut-over weekend.",
    "Zero unplanned outages over the cut-over window",
    "met",
    "Cut-over log: the planned six-hour read-only window held; no unplanned outage.",
  ],
  [
    "Medication administration recorded electronically on every ward.",
    "eMAR live on all 24 wards",
    "met",
    "Pharmacy go-live checklist, signed three days after cut-over.",
  ],
  [
    "Discharge summaries reach GPs within 24 hours.",
    "90% of summaries sent within 24 hours",
    "not_met",
    "Month-two audit: 72%. Letter templates reworked with GPs; re-audit booked.",
  ],
  [
    "Close hypercare within six weeks.",
    "No open P1 or P2 tickets by week 6",
    "met",
    "Service desk report, week 6: last P2 closed on day 38.",
  ],
];

const lessons: Array<{
  kind: LessonKind;
  category: TaskCategory;
  summary: string;
  recommendation: string;
  tags: string[];
}> = [
  {
    kind: "went_well",
    category: "cutover",
    summary: "Two full dress rehearsals of the cut-over weekend, timed to the minute.",
    recommendation:
      "Rehearse the cut-over twice with the real runbook and the real people; fix the timings after each run.",
    tags: ["cutover", "rehearsal", "runbook"],
  },
  {
    kind: "improve",
    category: "data_migration",
    summary: "Legacy allergy records needed manual clean-up after the final load.",
    recommendation:
      "Profile clinical data quality in discovery and agree who cleans what before the first trial load.",
    tags: ["data-quality", "migration", "clinical-safety"],
  },
  {
    kind: "went_well",
    category: "training",
    summary: "Super-users on every ward answered most questions in the first week.",
    recommendation:
      "Release one super-user per ward and shift through hypercare, and budget their backfill.",
    tags: ["super-users", "hypercare", "training"],
  },
  {
    kind: "improve",
    category: "training",
    summary: "E-learning completion was high, but night staff missed the classroom sessions.",
    recommendation:
      "Run sessions for night and weekend shifts; track attendance per roster, not per headcount.",
    tags: ["training", "shift-work"],
  },
  {
    kind: "improve",
    category: "integration",
    summary: "The lab results interface failed on message volumes never seen in testing.",
    recommendation:
      "Load-test every interface with a full day's peak volume replayed from production.",
    tags: ["interfaces", "performance", "testing"],
  },
  {
    kind: "went_well",
    category: "communication",
    summary: "A daily 8:30 huddle with ward managers during hypercare kept issues moving.",
    recommendation:
      "Hold a short daily huddle with the business leads through hypercare and publish the issue list after it.",
    tags: ["hypercare", "stakeholders"],
  },
  {
    kind: "improve",
    category: "vendor",
    summary: "The vendor's go-live support team rotated off after ten days.",
    recommendation: "Contract named vendor support for the whole hypercare period.",
    tags: ["vendor", "contract", "hypercare"],
  },
  {
    kind: "improve",
    category: "budget",
    summary: "Overtime to backfill clinical staff in training ran 30% over plan.",
    recommendation: "Budget backfill from the roster, per shift, and track it weekly.",
    tags: ["budget", "backfill"],
  },
  {
    kind: "went_well",
    category: "change_management",
    summary: "Clinical champions demonstrated the EHR on their own wards before go-live.",
    recommendation: "Recruit clinical champions early and give them protected time in the roster.",
    tags: ["champions", "adoption"],
  },
  {
    kind: "improve",
    category: "testing",
    summary: "Discharge letter templates were signed off by IT, not by the GPs who receive them.",
    recommendation: "Have the receiving side test the documents they will get.",
    tags: ["uat", "documents"],
  },
  {
    kind: "went_well",
    category: "planning",
    summary: "The go/no-go checklist was owned by the clinical safety officer.",
    recommendation: "Give the go/no-go decision a named clinical owner and written criteria.",
    tags: ["go-live", "clinical-safety"],
  },
];

/**
 * The closed demo project's post-implementation review, signed off by the customer's sponsor
 * (a stakeholder of the project who does not sign in to the demo): five objectives with mixed
 * outcomes, four KPIs (one with its 3- and 6-month re-measurements scheduled, the first now due
 * in the IPM's My work), eleven lessons in the library, and the variance frozen at sign-off.
 */
export function insertDemoPir(
  tx: Tx,
  at: {
    orgId: string;
    projectId: string;
    fields: ProjectFields;
    today: string;
    stamp: string;
    pm: string;
    ipm: string;
  },
) {
  const { stamp, fields } = at;
  const joined = { createdAt: stamp, updatedAt: stamp };
  const sponsor = newId();
  tx.insert(user)
    .values({
      id: sponsor,
      name: "Dr Helen Carter",
      email: "helen.carter@stmarys.demo",
      emailVerified: true,
      createdAt: new Date(stamp),
      updatedAt: new Date(stamp),
    })
    .run();
  tx.insert(member)
    .values({ id: newId(), organizationId: at.orgId, userId: sponsor, role: "member", ...joined })
    .run();
  tx.insert(projectMember)
    .values({
      id: newId(),
      projectId: at.projectId,
      userId: sponsor,
      role: "stakeholder",
      ...joined,
    })
    .run();

  const goLive = tx
    .select({ baselineDate: milestone.baselineDate, actualDate: milestone.actualDate })
    .from(milestone)
    .where(
      and(
        eq(milestone.projectId, at.projectId),
        eq(milestone.isGoLive, true),
        isNull(milestone.deletedAt),
      ),
    )
    .orderBy(asc(milestone.sortOrder))
    .get();
  const dates = goLiveDates(fields, goLive ?? null);
  const holidays = tx
    .select({ date: holiday.date })
    .from(holiday)
    .where(eq(holiday.organizationId, at.orgId))
    .all()
    .map((h) => h.date);
  const budget = budgetVariance(fields.plannedBudget, fields.actualCost);
  const live = dates.actualGoLive ?? fields.targetGoLive;
  // Eight weeks after go-live (strings compare as dates), but never in the future.
  const signedOn = [addDays(live, 56), at.today].sort()[0] as string;
  const signedAt = `${signedOn}T15:30:00.000Z`;
  // Written in the weeks after go-live, signed when done: the rows say so.
  const opened = [addDays(live, 21), at.today].sort()[0] as string;
  const rows = { createdAt: `${opened}T09:00:00.000Z`, updatedAt: signedAt };

  const pirId = newId();
  tx.insert(pir)
    .values({
      id: pirId,
      projectId: at.projectId,
      revision: 1,
      status: "signed_off",
      rating: "mostly_successful",
      summary:
        "The EHR went live on its rescheduled cut-over weekend, about a week after the contract date, without unplanned downtime; most wards documented electronically within a month. Community teams and discharge summaries lag: both have actions with named owners. The budget overran by the backfill overtime during training.",
      lockedAt: signedAt,
      variance: {
        ...dates,
        scheduleVarianceDays: scheduleVariance({ ...dates, holidays }),
        plannedBudget: fields.plannedBudget,
        actualCost: fields.actualCost,
        budgetVariance: budget.amount,
        budgetVariancePercent: budget.percent,
        currency: fields.currency,
      },
      createdBy: at.pm,
      version: 9,
      ...rows,
    })
    .run();
  tx.insert(pirObjective)
    .values(
      objectives.map(([objective, criterion, outcome, evidence], i) => ({
        id: newId(),
        pirId,
        sortOrder: i + 1,
        objective,
        criterion,
        outcome,
        evidence,
        ...rows,
      })),
    )
    .run();

  const adoptionId = newId();
  const measured = addDays(live, 28);
  tx.insert(pirKpi)
    .values([
      {
        id: adoptionId,
        pirId,
        sortOrder: 1,
        name: "Clinical staff documenting in the EHR",
        unit: "%",
        baseline: 0,
        target: 95,
        actual: 91,
        measuredOn: measured,
        ownerId: at.ipm,
        ...rows,
      },
      {
        id: newId(),
        pirId,
        sortOrder: 2,
        name: "Time to find a patient's record",
        unit: "seconds",
        baseline: 240,
        target: 30,
        actual: 25,
        measuredOn: measured,
        ownerId: at.ipm,
        ...rows,
      },
      {
        id: newId(),
        pirId,
        sortOrder: 3,
        name: "Medication rounds recorded electronically",
        unit: "%",
        baseline: 0,
        target: 100,
        actual: 100,
        measuredOn: measured,
        ownerId: at.pm,
        ...rows,
      },
      {
        id: newId(),
        pirId,
        sortOrder: 4,
        name: "Discharge summaries sent within 24 hours",
        unit: "%",
        baseline: 55,
        target: 90,
        actual: 72,
        measuredOn: addDays(live, 60),
        ownerId: at.pm,
        ...rows,
      },
    ])
    .run();
  tx.insert(pirMeasurement)
    .values(
      [3, 6].map((months) => ({
        id: newId(),
        kpiId: adoptionId,
        monthsAfterGoLive: months,
        dueOn: addMonths(live, months),
        ...rows,
      })),
    )
    .run();

  const firstSeq =
    (tx
      .select({ max: sql<number | null>`max(${lesson.seq})` })
      .from(lesson)
      .get()?.max ?? 0) + 1;
  tx.insert(lesson)
    .values(
      lessons.map((l, i) => ({
        id: newId(),
        seq: firstSeq + i,
        organizationId: at.orgId,
        projectId: at.projectId,
        pirId,
        ...l,
        createdBy: i % 2 === 0 ? at.ipm : at.pm,
        ...rows,
      })),
    )
    .run();
  tx.insert(pirSigner)
    .values({
      pirId,
      userId: sponsor,
      signedAt,
      comment:
        "Agreed. The community-team adoption actions are tracked in the trust's programme board.",
      createdAt: rows.createdAt,
    })
    .run();
  return { pirId };
}
