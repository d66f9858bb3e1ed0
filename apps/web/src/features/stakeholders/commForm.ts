import {
  type CommFrequency,
  type CommItem,
  type CommOwnerRole,
  commCreateInput,
  commUpdateInput,
  type Quadrant,
} from "@rollout/domain";
import type * as z from "zod";
import { type FieldErrors, zodFieldErrors } from "../../ui/fieldErrors.ts";

export type AudienceMode = "people" | "quadrant";

/** What the communication form holds. */
export interface CommValues {
  audienceMode: AudienceMode;
  stakeholderIds: string[];
  quadrant: Quadrant;
  purpose: string;
  channel: string;
  frequency: CommFrequency;
  ownerRole: CommOwnerRole;
  /** "" for no date. */
  nextDue: string;
  notes: string;
}

export function emptyCommValues(today: string): CommValues {
  return {
    audienceMode: "quadrant",
    stakeholderIds: [],
    quadrant: "manage_closely",
    purpose: "",
    channel: "",
    frequency: "weekly",
    ownerRole: "pm",
    nextDue: today,
    notes: "",
  };
}

export function commValues(c: CommItem): CommValues {
  return {
    audienceMode: c.audience.quadrant ? "quadrant" : "people",
    stakeholderIds: c.audience.stakeholders.map((s) => s.id),
    quadrant: c.audience.quadrant ?? "manage_closely",
    purpose: c.purpose,
    channel: c.channel,
    frequency: c.frequency,
    ownerRole: c.ownerRole,
    nextDue: c.nextDue ?? "",
    notes: c.notes,
  };
}

function audience(v: CommValues) {
  return v.audienceMode === "quadrant"
    ? { stakeholderIds: [], quadrant: v.quadrant }
    : { stakeholderIds: v.stakeholderIds, quadrant: null };
}

function fields(v: CommValues) {
  return {
    audience: audience(v),
    purpose: v.purpose,
    channel: v.channel.trim(),
    frequency: v.frequency,
    ownerRole: v.ownerRole,
    nextDue: v.nextDue.trim() === "" ? null : v.nextDue,
    notes: v.notes,
  };
}

type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

function parse<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, errors: commFormErrors(zodFieldErrors(result.error)) };
}

export function parseCommCreate(values: CommValues) {
  return parse(commCreateInput, fields(values));
}

const sameAudience = (a: ReturnType<typeof audience>, b: ReturnType<typeof audience>) =>
  a.quadrant === b.quadrant &&
  a.stakeholderIds.length === b.stakeholderIds.length &&
  [...a.stakeholderIds].sort().join() === [...b.stakeholderIds].sort().join();

/** Only what changed since the form opened. */
export function commChangesFrom(before: CommValues, after: CommValues) {
  const a = fields(after);
  const b = fields(before);
  const changes: Partial<ReturnType<typeof fields>> = {};
  if (!sameAudience(a.audience, b.audience)) changes.audience = a.audience;
  for (const key of ["purpose", "channel", "frequency", "ownerRole", "nextDue", "notes"] as const) {
    if (a[key] !== b[key]) Object.assign(changes, { [key]: a[key] });
  }
  return changes;
}

export function parseCommUpdate(
  commId: string,
  version: number,
  before: CommValues,
  after: CommValues,
) {
  const changes = commChangesFrom(before, after);
  if (Object.keys(changes).length === 0) return { ok: true as const, data: null };
  return parse(commUpdateInput, { commId, version, changes });
}

/**
 * API keys (`changes.audience.stakeholderIds`, `audience.quadrant`) → the form's fields: both
 * audience messages belong next to the audience choice.
 */
export function commFormErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const bare = key.replace(/^changes\./, "");
    const field = bare.startsWith("audience") ? "audience" : bare;
    out[field] ??= message;
  }
  return out;
}

/** `theirs` with the fields changed from `before` to `mine` put on top (after a CONFLICT). */
export function rebaseComm(before: CommValues, mine: CommValues, theirs: CommValues): CommValues {
  const out = { ...theirs };
  for (const key of Object.keys(mine) as Array<keyof CommValues>) {
    if (mine[key] !== before[key]) Object.assign(out, { [key]: mine[key] });
  }
  return out;
}
