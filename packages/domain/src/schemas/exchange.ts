import * as z from "zod";
import { projectRoles, rags } from "../enums.ts";
import { dependencyTypes, raciValues, taskCategories, taskStatuses } from "../plan/enums.ts";
import {
  issueSeverities,
  raidKinds,
  raidStatuses,
  riskPolarities,
  riskResponses,
} from "../raid/enums.ts";
import { milestoneStatuses } from "../schedule/milestones.ts";
import {
  commFrequencies,
  commOwnerRoles,
  engagementLevels,
  quadrants,
  stakeholderSides,
} from "../stakeholders/model.ts";
import { requiredText } from "./common.ts";
import { projectFields, projectKey } from "./project.ts";

/**
 * A whole project as one JSON file: plan, schedule, RAID log, stakeholders, communication plan,
 * status reports. Rows keep their ids (the import gives them new ones); people are named by
 * email, so a file moves between organisations and servers.
 */
export const EXCHANGE_FORMAT = "rollout.project";
export const EXCHANGE_VERSION = 1;

const ref = z.string().min(1).max(64);
const text = (max: number) => z.string().max(max);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Dates are YYYY-MM-DD");
const instant = z.string().max(40);
const email = z.string().max(254).nullable();
const raci = z.enum(raciValues).nullable();
const rating = z.number().int().min(1).max(5);

const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max);

export const exchangeDocument = z.object({
  format: z.literal(EXCHANGE_FORMAT),
  version: z.literal(EXCHANGE_VERSION),
  exportedAt: instant,
  project: projectFields,
  members: list(z.object({ email: z.string().max(254), role: z.enum(projectRoles) }), 1000),
  phases: list(z.object({ id: ref, name: text(200), sortOrder: z.number() }), 2000),
  tasks: list(
    z.object({
      id: ref,
      phaseId: ref,
      parentId: ref.nullable(),
      title: text(500),
      description: text(20_000),
      category: z.enum(taskCategories),
      status: z.enum(taskStatuses),
      startDate: day.nullable(),
      dueDate: day.nullable(),
      duration: z.number().int().min(1).nullable(),
      percentComplete: z.number().int().min(0).max(100),
      estimateHours: z.number().nullable(),
      actualHours: z.number().nullable(),
      assignee: email,
      milestoneId: ref.nullable(),
      internalOnly: z.boolean(),
      sortOrder: z.number(),
      raciIpm: raci,
      raciPm: raci,
      raciCustomer: raci,
      raciVendor: raci,
    }),
    20_000,
  ),
  dependencies: list(
    z.object({
      predecessorId: ref,
      successorId: ref,
      type: z.enum(dependencyTypes),
      lag: z.number().int(),
    }),
    40_000,
  ),
  milestones: list(
    z.object({
      id: ref,
      name: text(200),
      description: text(5000),
      baselineDate: day.nullable(),
      forecastOverride: day.nullable(),
      forecastReason: text(1000).nullable(),
      actualDate: day.nullable(),
      statusOverride: z.enum(milestoneStatuses).nullable(),
      statusReason: text(1000).nullable(),
      isGate: z.boolean(),
      isGoLive: z.boolean(),
      decision: z.enum(["go", "no_go"]).nullable(),
      decisionReason: text(1000).nullable(),
      decisionBy: email,
      decisionAt: instant.nullable(),
      sortOrder: z.number(),
      criteria: list(
        z.object({
          item: text(500),
          owner: email,
          evidence: text(5000),
          required: z.boolean(),
          met: z.boolean(),
          sortOrder: z.number(),
        }),
        200,
      ),
      signers: list(
        z.object({ email: z.string().max(254), signedAt: instant.nullable(), comment: text(2000) }),
        200,
      ),
    }),
    2000,
  ),
  baselines: list(
    z.object({
      name: text(120),
      createdAt: instant,
      tasks: list(
        z.object({
          taskId: ref,
          title: text(500),
          startDate: day.nullable(),
          dueDate: day.nullable(),
          duration: z.number().int().nullable(),
        }),
        20_000,
      ),
      milestones: list(z.object({ milestoneId: ref, name: text(200), date: day.nullable() }), 2000),
    }),
    100,
  ),
  stakeholders: list(
    z.object({
      id: ref,
      name: text(120),
      title: text(120),
      side: z.enum(stakeholderSides),
      email,
      power: rating,
      interest: rating,
      engagementCurrent: z.enum(engagementLevels),
      engagementDesired: z.enum(engagementLevels),
      notes: text(5000),
      user: email,
    }),
    10_000,
  ),
  raid: list(
    z.object({
      id: ref,
      kind: z.enum(raidKinds),
      number: z.number().int().min(1),
      title: text(200),
      description: text(10_000),
      status: z.enum(raidStatuses),
      owner: email,
      ownerStakeholderId: ref.nullable(),
      dueDate: day.nullable(),
      probability: rating.nullable(),
      impact: rating.nullable(),
      residualProbability: rating.nullable(),
      residualImpact: rating.nullable(),
      polarity: z.enum(riskPolarities),
      response: z.enum(riskResponses).nullable(),
      mitigation: text(5000),
      contingency: text(5000),
      trigger: text(2000),
      severity: z.enum(issueSeverities).nullable(),
      internalOnly: z.boolean(),
      convertedFromId: ref.nullable(),
      convertedToId: ref.nullable(),
      taskIds: list(ref, 1000),
      milestoneIds: list(ref, 1000),
      scores: list(
        z.object({
          at: instant,
          by: email,
          probability: rating.nullable(),
          impact: rating.nullable(),
          residualProbability: rating.nullable(),
          residualImpact: rating.nullable(),
        }),
        1000,
      ),
    }),
    50_000,
  ),
  comms: list(
    z.object({
      quadrant: z.enum(quadrants).nullable(),
      stakeholderIds: list(ref, 1000),
      purpose: text(500),
      channel: text(80),
      frequency: z.enum(commFrequencies),
      ownerRole: z.enum(commOwnerRoles),
      nextDue: day.nullable(),
      anchorDay: z.number().int().min(1).max(31).nullable(),
      lastDoneOn: day.nullable(),
      lastDoneBy: email,
      notes: text(2000),
    }),
    5000,
  ),
  reports: list(
    z.object({
      number: z.number().int().min(1),
      periodStart: day,
      periodEnd: day,
      status: z.enum(["draft", "published"]),
      overall: z.enum(rags),
      schedule: z.enum(rags),
      budget: z.enum(rags),
      scope: z.enum(rags),
      risk: z.enum(rags),
      summary: text(10_000),
      accomplishments: text(20_000),
      nextSteps: text(20_000),
      asks: text(10_000),
      topRisks: z.array(z.unknown()).max(50),
      milestones: z.array(z.unknown()).max(2000),
      metrics: z.record(z.string(), z.unknown()),
      createdBy: email,
      publishedAt: instant.nullable(),
      publishedBy: email,
      createdAt: instant,
    }),
    5000,
  ),
});
export type ExchangeDocument = z.infer<typeof exchangeDocument>;

export const projectImportInput = z.object({
  /** The file's text (JSON); checked here so a wrong file gets a clear message. */
  document: z
    .string()
    .min(2, "The file is empty")
    .max(50 * 1024 * 1024),
  key: projectKey,
  name: requiredText("Name", 120),
});

export const projectImportOutput = z.object({
  id: z.string(),
  key: z.string(),
  counts: z.record(z.string(), z.number().int()),
  /** People named in the file who are not members of this organisation (left unassigned). */
  unmatchedPeople: z.array(z.string()),
});
