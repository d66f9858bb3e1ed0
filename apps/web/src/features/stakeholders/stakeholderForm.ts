import {
  type EngagementLevel,
  type Stakeholder,
  type StakeholderSide,
  stakeholderCreateInput,
  stakeholderUpdateInput,
} from "@rollout/domain";
import type * as z from "zod";
import { type FieldErrors, zodFieldErrors } from "../../ui/fieldErrors.ts";

/** What the stakeholder form holds: text as typed ("" for none), ratings as numbers. */
export interface StakeholderValues {
  name: string;
  title: string;
  side: StakeholderSide;
  email: string;
  power: number;
  interest: number;
  engagementCurrent: EngagementLevel;
  engagementDesired: EngagementLevel;
  notes: string;
  /** The organisation member who signs in as this stakeholder; "" for nobody. */
  userId: string;
}

export function emptyStakeholderValues(): StakeholderValues {
  return {
    name: "",
    title: "",
    side: "customer",
    email: "",
    power: 3,
    interest: 3,
    engagementCurrent: "neutral",
    engagementDesired: "supportive",
    notes: "",
    userId: "",
  };
}

export function stakeholderValues(s: Stakeholder): StakeholderValues {
  return {
    name: s.name,
    title: s.title,
    side: s.side,
    email: s.email ?? "",
    power: s.power,
    interest: s.interest,
    engagementCurrent: s.engagementCurrent,
    engagementDesired: s.engagementDesired,
    notes: s.notes,
    userId: s.user?.id ?? "",
  };
}

const orNull = (value: string) => (value.trim() === "" ? null : value.trim());

type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** The API's own schema decides what is valid; its messages go next to the fields. */
function parse<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, errors: formErrors(zodFieldErrors(result.error)) };
}

function fields(v: StakeholderValues) {
  return {
    name: v.name,
    title: v.title,
    side: v.side,
    email: orNull(v.email),
    power: v.power,
    interest: v.interest,
    engagementCurrent: v.engagementCurrent,
    engagementDesired: v.engagementDesired,
    notes: v.notes,
    userId: v.userId || null,
  };
}

export function parseCreate(values: StakeholderValues) {
  return parse(stakeholderCreateInput, fields(values));
}

/** Only what changed since the form opened, so saving never rewrites someone else's field. */
export function changesFrom(before: StakeholderValues, after: StakeholderValues) {
  const a = fields(after);
  const b = fields(before);
  const changes: Partial<ReturnType<typeof fields>> = {};
  for (const key of Object.keys(a) as Array<keyof typeof a>) {
    if (a[key] !== b[key]) Object.assign(changes, { [key]: a[key] });
  }
  return changes;
}

export function parseUpdate(
  stakeholderId: string,
  version: number,
  before: StakeholderValues,
  after: StakeholderValues,
) {
  const changes = changesFrom(before, after);
  if (Object.keys(changes).length === 0) return { ok: true as const, data: null };
  return parse(stakeholderUpdateInput, { stakeholderId, version, changes });
}

/** `theirs` with the fields changed from `before` to `mine` put on top (after a CONFLICT). */
export function rebase(
  before: StakeholderValues,
  mine: StakeholderValues,
  theirs: StakeholderValues,
): StakeholderValues {
  const out = { ...theirs };
  for (const key of Object.keys(mine) as Array<keyof StakeholderValues>) {
    if (mine[key] !== before[key]) Object.assign(out, { [key]: mine[key] });
  }
  return out;
}

/** Field keys as the API names them (`changes.email`) → the form's names. */
export function formErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    out[key.replace(/^changes\./, "")] ??= message;
  }
  return out;
}
