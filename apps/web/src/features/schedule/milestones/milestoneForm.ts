import {
  type Milestone,
  type MilestoneStatus,
  milestoneCreateInput,
  milestoneUpdateInput,
} from "@rollout/domain";
import type * as z from "zod";
import { type FieldErrors, zodFieldErrors } from "../../../ui/fieldErrors.ts";

/** What the milestone form holds: strings as typed ("" for no date), switches as booleans. */
export interface MilestoneValues {
  name: string;
  description: string;
  baselineDate: string;
  actualDate: string;
  isGate: boolean;
  isGoLive: boolean;
  forecastByHand: boolean;
  forecastDate: string;
  forecastReason: string;
  statusByHand: boolean;
  status: MilestoneStatus;
  statusReason: string;
}

export function emptyMilestoneValues(): MilestoneValues {
  return {
    name: "",
    description: "",
    baselineDate: "",
    actualDate: "",
    isGate: false,
    isGoLive: false,
    forecastByHand: false,
    forecastDate: "",
    forecastReason: "",
    statusByHand: false,
    status: "planned",
    statusReason: "",
  };
}

export function milestoneValues(m: Milestone): MilestoneValues {
  return {
    name: m.name,
    description: m.description,
    baselineDate: m.baselineDate ?? "",
    actualDate: m.actualDate ?? "",
    isGate: m.isGate,
    isGoLive: m.isGoLive,
    forecastByHand: m.forecastOverride !== null,
    forecastDate: m.forecastOverride?.date ?? m.forecastDate ?? "",
    forecastReason: m.forecastOverride?.reason ?? "",
    statusByHand: m.statusOverride !== null,
    status: m.statusOverride?.status ?? m.status,
    statusReason: m.statusOverride?.reason ?? "",
  };
}

const orNull = (value: string) => (value.trim() === "" ? null : value);

type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** The API's own input schema decides what is valid; its messages go next to the fields. */
function parse<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, errors: zodFieldErrors(result.error) };
}

export function parseCreate(values: MilestoneValues) {
  return parse(milestoneCreateInput, {
    name: values.name,
    description: values.description,
    baselineDate: orNull(values.baselineDate),
    isGate: values.isGate || values.isGoLive,
    isGoLive: values.isGoLive,
  });
}

/** Only what changed since the form opened, so saving never rewrites someone else's field. */
export function changesFrom(before: MilestoneValues, after: MilestoneValues) {
  const changes: Record<string, unknown> = {};
  if (after.name !== before.name) changes.name = after.name;
  if (after.description !== before.description) changes.description = after.description;
  if (after.baselineDate !== before.baselineDate) changes.baselineDate = orNull(after.baselineDate);
  if (after.actualDate !== before.actualDate) changes.actualDate = orNull(after.actualDate);
  if (after.isGate !== before.isGate) changes.isGate = after.isGate;
  if (after.isGoLive !== before.isGoLive) changes.isGoLive = after.isGoLive;
  if (
    after.forecastByHand !== before.forecastByHand ||
    (after.forecastByHand &&
      (after.forecastDate !== before.forecastDate ||
        after.forecastReason !== before.forecastReason))
  ) {
    changes.forecastOverride = after.forecastByHand
      ? { date: after.forecastDate, reason: after.forecastReason }
      : null;
  }
  if (
    after.statusByHand !== before.statusByHand ||
    (after.statusByHand &&
      (after.status !== before.status || after.statusReason !== before.statusReason))
  ) {
    changes.statusOverride = after.statusByHand
      ? { status: after.status, reason: after.statusReason }
      : null;
  }
  return changes;
}

/** `theirs` with the fields changed from `before` to `mine` put on top (after a CONFLICT). */
export function rebase(
  before: MilestoneValues,
  mine: MilestoneValues,
  theirs: MilestoneValues,
): MilestoneValues {
  const out: Record<string, unknown> = { ...theirs };
  for (const key of Object.keys(mine) as Array<keyof MilestoneValues>) {
    if (mine[key] !== before[key]) out[key] = mine[key];
  }
  return out as unknown as MilestoneValues;
}

/** Field keys as the API names them (`changes.forecastOverride.reason`) → the form's names. */
const fieldNames: Record<string, keyof MilestoneValues> = {
  name: "name",
  description: "description",
  baselineDate: "baselineDate",
  actualDate: "actualDate",
  "forecastOverride.date": "forecastDate",
  "forecastOverride.reason": "forecastReason",
  "statusOverride.status": "status",
  "statusOverride.reason": "statusReason",
};

export function formErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const bare = key.replace(/^changes\./, "");
    out[fieldNames[bare] ?? bare] ??= message;
  }
  return out;
}

export function parseUpdate(
  projectId: string,
  milestoneId: string,
  version: number,
  before: MilestoneValues,
  after: MilestoneValues,
) {
  const changes = changesFrom(before, after);
  if (Object.keys(changes).length === 0) return { ok: true as const, data: null };
  const parsed = parse(milestoneUpdateInput, { milestoneId, version, changes });
  if (!parsed.ok) return { ok: false as const, errors: formErrors(parsed.errors) };
  return { ok: true as const, data: { projectId, ...parsed.data } };
}
