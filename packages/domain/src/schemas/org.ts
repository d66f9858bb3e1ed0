import * as z from "zod";
import { isIsoDate } from "../dates.ts";
import { orgRoles, projectRoles } from "../enums.ts";
import { email, id, requiredText, timestamps, version } from "./common.ts";

export const orgSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "Use at least 2 characters")
  .max(48, "Use at most 48 characters")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens");

export const orgCreateInput = z.object({
  name: requiredText("Name", 120),
  slug: orgSlug,
});
export type OrgCreateInput = z.infer<typeof orgCreateInput>;

export const orgUpdateInput = z.object({
  name: requiredText("Name", 120),
  version,
});

export const orgOutput = z.object({
  id,
  name: z.string(),
  slug: z.string(),
  /** The risk band table: the lowest score of medium, high and critical. */
  riskThresholds: z.object({
    medium: z.number().int(),
    high: z.number().int(),
    critical: z.number().int(),
  }),
  /** The health rules' thresholds in force (the defaults until an admin changes them). */
  healthThresholds: z.object({
    slipAmberDays: z.number(),
    slipRedDays: z.number(),
    overdueAmberPct: z.number(),
    budgetAmberPct: z.number(),
    budgetRedPct: z.number(),
    riskAmberScore: z.number(),
    riskRedScore: z.number(),
  }),
  version,
  ...timestamps,
});
export type Org = z.infer<typeof orgOutput>;

export const orgSummaryOutput = z.object({
  id,
  name: z.string(),
  slug: z.string(),
  role: z.enum(orgRoles),
});
export type OrgSummary = z.infer<typeof orgSummaryOutput>;

export const orgMemberOutput = z.object({
  id,
  userId: id,
  name: z.string(),
  email: z.string(),
  role: z.enum(orgRoles),
  version,
  createdAt: z.string(),
});
export type OrgMember = z.infer<typeof orgMemberOutput>;

export const memberRoleInput = z.object({
  memberId: id,
  role: z.enum(orgRoles),
  version,
});

export const memberRemoveInput = z.object({ memberId: id });

export const invitationCreateInput = z
  .object({
    email,
    role: z.enum(orgRoles),
    projectId: id.nullable().default(null),
    projectRole: z.enum(projectRoles).nullable().default(null),
  })
  .refine((v) => (v.projectId === null) === (v.projectRole === null), {
    message: "Choose both a project and a project role, or neither",
    path: ["projectRole"],
  });
export type InvitationCreateInput = z.input<typeof invitationCreateInput>;

export const invitationStatuses = ["pending", "accepted", "revoked", "expired"] as const;

export const invitationOutput = z.object({
  id,
  email: z.string(),
  role: z.enum(orgRoles),
  projectId: id.nullable(),
  projectName: z.string().nullable(),
  projectRole: z.enum(projectRoles).nullable(),
  status: z.enum(invitationStatuses),
  expiresAt: z.string(),
  createdAt: z.string(),
  invitedBy: z.string(),
});
export type Invitation = z.infer<typeof invitationOutput>;

/** The link is shown once, to the person who created the invitation (there is no mail server). */
export const invitationCreatedOutput = z.object({
  invitation: invitationOutput,
  link: z.string(),
});

export const invitationToken = z
  .string()
  .min(20, "This invitation link is incomplete")
  .max(128, "This invitation link is not valid")
  .regex(/^[A-Za-z0-9_-]+$/, "This invitation link is not valid");

export const invitationPreviewOutput = z.object({
  orgName: z.string(),
  email: z.string(),
  role: z.enum(orgRoles),
  projectName: z.string().nullable(),
  projectRole: z.enum(projectRoles).nullable(),
  invitedBy: z.string(),
  expiresAt: z.string(),
});

export const sessionOutput = z
  .object({
    user: z.object({ id, name: z.string(), email: z.string() }),
    activeOrg: orgSummaryOutput.nullable(),
    orgs: z.array(orgSummaryOutput),
  })
  .nullable();
export type SessionInfo = z.infer<typeof sessionOutput>;

export const holidayOutput = z.object({ date: z.string(), name: z.string() });
export const holidaysInput = z.object({
  holidays: z
    .array(
      z.object({
        date: z.string().refine(isIsoDate, { message: "Enter a date as YYYY-MM-DD" }),
        name: requiredText("Holiday name", 120),
      }),
    )
    .max(500, "At most 500 holidays")
    .refine((list) => new Set(list.map((h) => h.date)).size === list.length, "Each date once"),
});
