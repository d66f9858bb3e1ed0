import * as z from "zod";
import { isIsoDate } from "../dates.ts";
import {
  commFrequencies,
  commOwnerRoles,
  engagementLevels,
  quadrants,
  stakeholderSides,
} from "../stakeholders/model.ts";
import { email, id, optionalText, requiredText, version } from "./common.ts";

const date = (label: string) =>
  z.string().refine(isIsoDate, { message: `${label}: enter a date as YYYY-MM-DD` });
const rating = (label: string) =>
  z
    .number({ error: `${label} is a whole number from 1 to 5` })
    .int(`${label} is a whole number from 1 to 5`)
    .min(1, `${label} is a whole number from 1 to 5`)
    .max(5, `${label} is a whole number from 1 to 5`);

export const stakeholderFields = z.object({
  name: requiredText("Name", 120),
  title: optionalText("Title", 120),
  side: z.enum(stakeholderSides),
  email: email.nullable(),
  power: rating("Power"),
  interest: rating("Interest"),
  engagementCurrent: z.enum(engagementLevels),
  engagementDesired: z.enum(engagementLevels),
  notes: optionalText("Notes", 5000),
  /** A person of the organisation who signs in as this stakeholder (added to the project). */
  userId: id.nullable(),
});

export const stakeholderCreateInput = stakeholderFields.extend({
  title: stakeholderFields.shape.title.default(""),
  email: stakeholderFields.shape.email.default(null),
  power: stakeholderFields.shape.power.default(3),
  interest: stakeholderFields.shape.interest.default(3),
  engagementCurrent: stakeholderFields.shape.engagementCurrent.default("neutral"),
  engagementDesired: stakeholderFields.shape.engagementDesired.default("supportive"),
  notes: stakeholderFields.shape.notes.default(""),
  userId: stakeholderFields.shape.userId.default(null),
});

export const stakeholderUpdateInput = z.object({
  stakeholderId: id,
  version,
  changes: stakeholderFields
    .partial()
    .refine((c) => Object.keys(c).length > 0, "Nothing to change"),
});
export const stakeholderDeleteInput = z.object({ stakeholderId: id, version });

export const stakeholderOutput = z.object({
  id,
  name: z.string(),
  title: z.string(),
  side: z.enum(stakeholderSides),
  email: z.string().nullable(),
  power: z.number().int(),
  interest: z.number().int(),
  quadrant: z.enum(quadrants),
  engagementCurrent: z.enum(engagementLevels),
  engagementDesired: z.enum(engagementLevels),
  /** Levels to raise engagement by (positive: a to-do). */
  engagementGap: z.number().int(),
  notes: z.string(),
  user: z.object({ id, name: z.string(), email: z.string() }).nullable(),
  /** Open RAID items this stakeholder owns. */
  openRaidItems: z.number().int(),
  version,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Stakeholder = z.infer<typeof stakeholderOutput>;

/** Who a communication is for: named stakeholders, or everyone in a quadrant of the grid. */
const audience = z
  .object({
    stakeholderIds: z.array(id).max(300, "At most 300 stakeholders"),
    quadrant: z.enum(quadrants).nullable(),
  })
  .refine((a) => a.stakeholderIds.length > 0 || a.quadrant !== null, {
    message: "Choose the audience: stakeholders or a quadrant",
    path: ["stakeholderIds"],
  })
  .refine((a) => !(a.stakeholderIds.length > 0 && a.quadrant !== null), {
    message: "Choose stakeholders or a quadrant, not both",
    path: ["quadrant"],
  });

export const commFields = z.object({
  audience,
  purpose: requiredText("Purpose", 500),
  channel: requiredText("Channel", 80),
  frequency: z.enum(commFrequencies),
  ownerRole: z.enum(commOwnerRoles),
  nextDue: date("Next due").nullable(),
  notes: optionalText("Notes", 2000),
});

export const commCreateInput = commFields.extend({
  notes: commFields.shape.notes.default(""),
});
export const commUpdateInput = z.object({
  commId: id,
  version,
  changes: commFields.partial().refine((c) => Object.keys(c).length > 0, "Nothing to change"),
});
export const commDeleteInput = z.object({ commId: id, version });
export const commDoneInput = z.object({
  commId: id,
  version,
  /** When it was done (default today). */
  doneOn: date("Done on").optional(),
});

export const commOutput = z.object({
  id,
  audience: z.object({
    stakeholders: z.array(z.object({ id, name: z.string() })),
    quadrant: z.enum(quadrants).nullable(),
  }),
  purpose: z.string(),
  channel: z.string(),
  frequency: z.enum(commFrequencies),
  ownerRole: z.enum(commOwnerRoles),
  nextDue: z.string().nullable(),
  overdue: z.boolean(),
  lastDoneOn: z.string().nullable(),
  lastDoneBy: z.string().nullable(),
  notes: z.string(),
  version,
});
export type CommItem = z.infer<typeof commOutput>;

export const commListOutput = z.object({ items: z.array(commOutput), today: z.string() });

/** An overdue (or due today) communication of a project where I hold its owner role. */
export const myCommOutput = z.object({
  commId: id,
  projectId: id,
  projectKey: z.string(),
  projectName: z.string(),
  purpose: z.string(),
  channel: z.string(),
  ownerRole: z.enum(commOwnerRoles),
  nextDue: z.string(),
  overdue: z.boolean(),
  version,
});
