import * as z from "zod";
import { isIsoDate } from "../dates.ts";
import {
  orgRoles,
  projectKinds,
  projectRoles,
  projectStages,
  projectStatuses,
  rags,
} from "../enums.ts";
import { currencyCode, minorUnits } from "../money.ts";
import { id, optionalText, requiredText, timestamps, version } from "./common.ts";

export const projectKey = z
  .string()
  .trim()
  .toUpperCase()
  .min(2, "Key must be at least 2 characters")
  .max(20, "Key must be at most 20 characters")
  .regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/, "Use letters, digits and hyphens, e.g. ACME-CRM");

const calendarDate = (label: string) =>
  z.string().refine(isIsoDate, { message: `${label}: enter a date as YYYY-MM-DD` });

/** Everything a person types about a project; the same schema validates the form and the API. */
const projectFieldsShape = {
  key: projectKey,
  name: requiredText("Name", 120),
  customer: optionalText("Customer", 120),
  kind: z.enum(projectKinds),
  stage: z.enum(projectStages),
  status: z.enum(projectStatuses),
  startDate: calendarDate("Start date"),
  targetGoLive: calendarDate("Target go-live"),
  actualGoLive: calendarDate("Actual go-live").nullable(),
  plannedBudget: minorUnits,
  actualCost: minorUnits,
  currency: currencyCode,
  objectives: optionalText("Objectives", 5000),
};

type ProjectDates = { startDate: string; targetGoLive: string; actualGoLive: string | null };

function checkDates(value: ProjectDates, ctx: z.RefinementCtx) {
  if (value.targetGoLive < value.startDate) {
    ctx.addIssue({
      code: "custom",
      path: ["targetGoLive"],
      message: "Target go-live cannot be before the start date",
    });
  }
  if (value.actualGoLive !== null && value.actualGoLive < value.startDate) {
    ctx.addIssue({
      code: "custom",
      path: ["actualGoLive"],
      message: "Actual go-live cannot be before the start date",
    });
  }
}

export const projectFields = z.object(projectFieldsShape).superRefine(checkDates);
export type ProjectFields = z.infer<typeof projectFields>;

/** Creating a project; the creator joins it with `creatorRole`. */
export const projectCreateInput = z
  .object({ ...projectFieldsShape, creatorRole: z.enum(["pm", "ipm"]).default("pm") })
  .superRefine(checkDates);
export type ProjectCreateInput = z.input<typeof projectCreateInput>;

export const projectUpdateInput = z
  .object({ projectId: id, version, ...projectFieldsShape })
  .superRefine(checkDates);
export type ProjectUpdateInput = z.input<typeof projectUpdateInput>;

export const projectArchiveInput = z.object({ projectId: id, version, archived: z.boolean() });

export const healthOverrideInput = z.object({
  projectId: id,
  version,
  override: z
    .object({
      rag: z.enum(rags),
      reason: requiredText("Reason", 1000),
      /** The last day it applies; null keeps it until someone clears it. */
      expiresOn: calendarDate("Expires on").nullable().default(null),
    })
    .nullable(),
});

export const healthOverrideOutput = z
  .object({
    rag: z.enum(rags),
    reason: z.string(),
    byUserId: id,
    byName: z.string(),
    at: z.string(),
    expiresOn: z.string().nullable(),
  })
  .nullable();

export const projectOutput = z.object({
  id,
  key: z.string(),
  name: z.string(),
  customer: z.string(),
  kind: z.enum(projectKinds),
  stage: z.enum(projectStages),
  status: z.enum(projectStatuses),
  startDate: z.string(),
  targetGoLive: z.string(),
  actualGoLive: z.string().nullable(),
  plannedBudget: z.number().int(),
  actualCost: z.number().int(),
  currency: z.string(),
  objectives: z.string(),
  healthOverride: healthOverrideOutput,
  archivedAt: z.string().nullable(),
  version,
  ...timestamps,
  /** What the caller may do here; the UI hides controls from this, the API enforces it anyway. */
  myRole: z.enum(["admin", ...projectRoles]),
  /** The caller's own role on the project, if they are a member (an org admin may also be its PM). */
  projectRole: z.enum(projectRoles).nullable(),
  canEdit: z.boolean(),
});
export type Project = z.infer<typeof projectOutput>;

export const projectListInput = z
  .object({ includeArchived: z.boolean().default(false) })
  .default({ includeArchived: false });

/** A portfolio row: the project's headline fields, who leads it, and the caller's role. */
export const projectListItemOutput = projectOutput
  .pick({
    id: true,
    key: true,
    name: true,
    customer: true,
    kind: true,
    stage: true,
    status: true,
    startDate: true,
    targetGoLive: true,
    actualGoLive: true,
    archivedAt: true,
    myRole: true,
    projectRole: true,
    updatedAt: true,
  })
  .extend({
    healthOverride: z.enum(rags).nullable(),
    ipmName: z.string().nullable(),
    pmName: z.string().nullable(),
  });
export type ProjectListItem = z.infer<typeof projectListItemOutput>;

export const projectMemberOutput = z.object({
  id,
  userId: id,
  name: z.string(),
  email: z.string(),
  role: z.enum(projectRoles),
  orgRole: z.enum(orgRoles),
  version,
});
export type ProjectMember = z.infer<typeof projectMemberOutput>;

export const projectMemberAddInput = z.object({
  projectId: id,
  userId: id,
  role: z.enum(projectRoles),
});

export const projectMemberUpdateInput = z.object({
  projectId: id,
  memberId: id,
  role: z.enum(projectRoles),
  version,
});

export const projectMemberRemoveInput = z.object({ projectId: id, memberId: id });

export const auditEntryOutput = z.object({
  id,
  actorName: z.string().nullable(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  createdAt: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntryOutput>;

export const auditListInput = z.object({
  projectId: id,
  limit: z.number().int().min(1).max(200).default(50),
});
