import * as z from "zod";
import { rags } from "../enums.ts";
import { healthDimensions } from "../health/rules.ts";
import { id } from "./common.ts";
import { projectListItemOutput } from "./project.ts";

const dimension = z.object({ rag: z.enum(rags), reasons: z.array(z.string()) });

export const healthOutput = z.object({
  /** What is shown: a PM's override while in force, else the computed colour. */
  overall: z.enum(rags),
  /** What the written rules say, always. */
  computed: z.enum(rags),
  dimensions: z.object(
    Object.fromEntries(healthDimensions.map((d) => [d, dimension])) as Record<
      (typeof healthDimensions)[number],
      typeof dimension
    >,
  ),
  override: z
    .object({
      rag: z.enum(rags),
      reason: z.string(),
      expiresOn: z.string().nullable(),
      active: z.boolean(),
    })
    .nullable(),
});
export type HealthView = z.infer<typeof healthOutput>;

export const earnedValueOutput = z.object({
  bac: z.number(),
  pv: z.number(),
  ev: z.number(),
  ac: z.number(),
  spi: z.number().nullable(),
  cpi: z.number().nullable(),
});

export const milestoneFigureOutput = z.object({
  id,
  name: z.string(),
  baselineDate: z.string().nullable(),
  forecastDate: z.string().nullable(),
  actualDate: z.string().nullable(),
  slip: z.number().int().nullable(),
  isGate: z.boolean(),
  isGoLive: z.boolean(),
});

export const portfolioItemOutput = projectListItemOutput.extend({
  health: healthOutput,
  progress: z.number(),
  plannedProgress: z.number(),
  nextMilestone: milestoneFigureOutput.nullable(),
  /** The latest any open milestone is forecast against its baseline (working days). */
  worstSlip: z.number().int().nullable(),
  goLiveDate: z.string().nullable(),
  daysToGoLive: z.number().int().nullable(),
  openHighRisks: z.number().int(),
  overdueTasks: z.number().int(),
  spi: z.number().nullable(),
  cpi: z.number().nullable(),
});
export type PortfolioItem = z.infer<typeof portfolioItemOutput>;

export const portfolioDashboardInput = z.object({
  includeArchived: z.boolean().default(false),
});

export const portfolioDashboardOutput = z.object({
  items: z.array(portfolioItemOutput),
  summary: z.object({
    green: z.number().int(),
    amber: z.number().int(),
    red: z.number().int(),
    /** Projects whose go-live falls in the current calendar month and is not done. */
    goLivesThisMonth: z.number().int(),
    /** Projects with an open milestone forecast after its baseline. */
    slipping: z.number().int(),
  }),
  today: z.string(),
});

export type PortfolioDashboard = z.infer<typeof portfolioDashboardOutput>;

export const healthThresholdsInput = z
  .object({
    slipAmberDays: z.number().int().min(0).max(200),
    slipRedDays: z.number().int().min(1).max(400),
    overdueAmberPct: z.number().min(0).max(100),
    budgetAmberPct: z.number().min(0).max(500),
    budgetRedPct: z.number().min(0).max(1000),
    riskAmberScore: z.number().int().min(1).max(25),
    riskRedScore: z.number().int().min(1).max(25),
    version: z.number().int().min(1),
  })
  .refine((t) => t.slipAmberDays < t.slipRedDays, {
    message: "The red slip must be above the amber slip",
    path: ["slipRedDays"],
  })
  .refine((t) => t.budgetAmberPct < t.budgetRedPct, {
    message: "The red budget overrun must be above the amber one",
    path: ["budgetRedPct"],
  })
  .refine((t) => t.riskAmberScore <= t.riskRedScore, {
    message: "The red risk score must not be below the amber one",
    path: ["riskRedScore"],
  });

/** What a live page hears: which project changed and what kind of row (it then refetches). */
export const liveEventOutput = z.object({
  /** Null: an organisation-wide change (members, holidays, thresholds). */
  projectId: id.nullable(),
  entityType: z.string(),
  action: z.string(),
  at: z.string(),
});
export type LiveEvent = z.infer<typeof liveEventOutput>;

export const liveInput = z
  .object({
    /** Sent back by the browser on reconnect; the page refetches everything then. */
    lastEventId: z.string().max(100).nullish(),
  })
  .nullish();

export const taskBriefOutput = z.object({
  id,
  title: z.string(),
  dueDate: z.string().nullable(),
  status: z.string(),
  assigneeName: z.string().nullable(),
});

const roleTasks = z.object({
  overdue: z.array(taskBriefOutput),
  upcoming: z.array(taskBriefOutput),
  overdueCount: z.number().int(),
  upcomingCount: z.number().int(),
});

export const projectDashboardOutput = z.object({
  health: healthOutput,
  progress: z.number(),
  plannedProgress: z.number(),
  ev: earnedValueOutput,
  phases: z.array(z.object({ id, name: z.string(), progress: z.number(), ev: earnedValueOutput })),
  budget: z.object({
    planned: z.number().int(),
    actual: z.number().int(),
    forecast: z.number().int(),
    currency: z.string(),
  }),
  milestones: z.array(milestoneFigureOutput),
  goLive: z
    .object({
      date: z.string(),
      baselineDate: z.string().nullable(),
      slip: z.number().int().nullable(),
    })
    .nullable(),
  daysToGoLive: z.number().int().nullable(),
  /** Planned and actual percent complete over time (actual: as recorded on each day). */
  burnUp: z.array(
    z.object({ date: z.string(), planned: z.number(), actual: z.number().nullable() }),
  ),
  /** Open tasks due soon or overdue, by the party responsible or accountable. */
  tasksByRole: z.object({ ipm: roleTasks, pm: roleTasks }),
  openTasks: z.number().int(),
  overdueTasks: z.number().int(),
  openHighRisks: z.number().int(),
  /** Power/interest positions (null for readers who may not see the register). */
  stakeholders: z
    .array(z.object({ id, name: z.string(), power: z.number().int(), interest: z.number().int() }))
    .nullable(),
  today: z.string(),
});
export type ProjectDashboard = z.infer<typeof projectDashboardOutput>;
