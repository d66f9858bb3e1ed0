import {
  currencyMinorDigits,
  fromMinorUnits,
  type Project,
  type ProjectKind,
  type ProjectStage,
  type ProjectStatus,
  projectCreateInput,
  projectUpdateInput,
  toMinorUnits,
} from "@rollout/domain";
import type * as z from "zod";
import { type FieldErrors, zodFieldErrors } from "../../ui/fieldErrors.ts";
import { todayLocal } from "../../ui/format.ts";

/** What the form holds: text as typed, money in major units (12.50), empty date as "". */
export interface ProjectFormValues {
  key: string;
  name: string;
  customer: string;
  kind: ProjectKind;
  stage: ProjectStage;
  status: ProjectStatus;
  startDate: string;
  targetGoLive: string;
  actualGoLive: string;
  plannedBudget: number | string;
  actualCost: number | string;
  currency: string;
  objectives: string;
  creatorRole: "pm" | "ipm";
}

export const projectFormFields = [
  "key",
  "name",
  "customer",
  "kind",
  "stage",
  "status",
  "startDate",
  "targetGoLive",
  "actualGoLive",
  "plannedBudget",
  "actualCost",
  "currency",
  "objectives",
  "creatorRole",
] as const;

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function newProjectValues(): ProjectFormValues {
  const today = todayLocal();
  return {
    key: "",
    name: "",
    customer: "",
    kind: "software",
    stage: "initiation",
    status: "active",
    startDate: today,
    targetGoLive: addDays(today, 90),
    actualGoLive: "",
    plannedBudget: 0,
    actualCost: 0,
    currency: "EUR",
    objectives: "",
    creatorRole: "pm",
  };
}

export function projectValues(project: Project): ProjectFormValues {
  return {
    key: project.key,
    name: project.name,
    customer: project.customer,
    kind: project.kind,
    stage: project.stage,
    status: project.status,
    startDate: project.startDate,
    targetGoLive: project.targetGoLive,
    actualGoLive: project.actualGoLive ?? "",
    plannedBudget: fromMinorUnits(project.plannedBudget, project.currency),
    actualCost: fromMinorUnits(project.actualCost, project.currency),
    currency: project.currency,
    objectives: project.objectives,
    creatorRole: "pm",
  };
}

/** Decimal places the amount inputs allow for `currency` (2 while the code is incomplete). */
export function moneyDecimals(currency: string): number {
  try {
    return currencyMinorDigits(currency.trim().toUpperCase());
  } catch {
    return 2;
  }
}

function minor(
  value: number | string,
  currency: string,
  field: "plannedBudget" | "actualCost",
  errors: FieldErrors,
): number {
  if (value === "" || value === null) {
    errors[field] = "Enter an amount (0 when there is none yet)";
    return 0;
  }
  const amount = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(amount)) {
    errors[field] = "Enter a number";
    return 0;
  }
  try {
    return toMinorUnits(amount, currency.trim().toUpperCase());
  } catch {
    // Unknown currency: the currency field gets the message; keep the amount plausible.
    return Math.round(amount * 100);
  }
}

/** The typed values as the API's fields, with messages for amounts that are not numbers. */
function toFields(values: ProjectFormValues) {
  const errors: FieldErrors = {};
  const fields = {
    key: values.key,
    name: values.name,
    customer: values.customer,
    kind: values.kind,
    stage: values.stage,
    status: values.status,
    startDate: values.startDate,
    targetGoLive: values.targetGoLive,
    actualGoLive: values.actualGoLive === "" ? null : values.actualGoLive,
    plannedBudget: minor(values.plannedBudget, values.currency, "plannedBudget", errors),
    actualCost: minor(values.actualCost, values.currency, "actualCost", errors),
    currency: values.currency.trim().toUpperCase(),
    objectives: values.objectives,
  };
  return { fields, errors };
}

export type ParseResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

function finish<T>(result: z.ZodSafeParseResult<T>, errors: FieldErrors): ParseResult<T> {
  const all = { ...(result.success ? {} : zodFieldErrors(result.error)), ...errors };
  if (result.success && Object.keys(errors).length === 0) return { ok: true, data: result.data };
  return { ok: false, errors: all };
}

/** Validated with the API's own schema, so the form and the server agree on every rule. */
export function parseCreate(values: ProjectFormValues) {
  const { fields, errors } = toFields(values);
  return finish(
    projectCreateInput.safeParse({ ...fields, creatorRole: values.creatorRole }),
    errors,
  );
}

export function parseUpdate(values: ProjectFormValues, projectId: string, version: number) {
  const { fields, errors } = toFields(values);
  return finish(projectUpdateInput.safeParse({ projectId, version, ...fields }), errors);
}
