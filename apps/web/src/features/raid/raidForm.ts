import {
  type IssueSeverity,
  initialRaidStatus,
  type RaidChanges,
  type RaidItem,
  type RaidKind,
  type RaidStatus,
  type RiskBand,
  type RiskPolarity,
  type RiskResponse,
  type RiskThresholds,
  raidCreateInput,
  raidFieldProblems,
  raidStatusesByKind,
  raidUpdateInput,
  riskBand,
  riskResponses,
  riskResponsesByPolarity,
  riskScore,
} from "@rollout/domain";
import { type FieldErrors, zodFieldErrors } from "../../ui/fieldErrors.ts";

/**
 * What the RAID form holds (strings as typed: "" for no date, rating or choice) and how it
 * becomes the API's input. The API's own schema and `raidFieldProblems` decide what is valid,
 * so the form shows the same messages the server would.
 */
export interface RaidValues {
  title: string;
  description: string;
  status: RaidStatus;
  /** "user:<id>", "stakeholder:<id>" or "" for nobody. */
  owner: string;
  dueDate: string;
  probability: string;
  impact: string;
  residualProbability: string;
  residualImpact: string;
  polarity: RiskPolarity;
  response: string;
  mitigation: string;
  contingency: string;
  trigger: string;
  severity: string;
  internalOnly: boolean;
  taskIds: string[];
  milestoneIds: string[];
}

export function emptyRaidValues(kind: RaidKind): RaidValues {
  return {
    title: "",
    description: "",
    status: initialRaidStatus(kind),
    owner: "",
    dueDate: "",
    probability: "",
    impact: "",
    residualProbability: "",
    residualImpact: "",
    polarity: "threat",
    response: "",
    mitigation: "",
    contingency: "",
    trigger: "",
    severity: kind === "issue" ? "medium" : "",
    internalOnly: false,
    taskIds: [],
    milestoneIds: [],
  };
}

const rating = (n: number | null) => (n === null ? "" : String(n));

export function ownerValue(owner: RaidItem["owner"]): string {
  return owner ? `${owner.type}:${owner.id}` : "";
}

export function raidValues(item: RaidItem): RaidValues {
  return {
    title: item.title,
    description: item.description,
    status: item.status,
    owner: ownerValue(item.owner),
    dueDate: item.dueDate ?? "",
    probability: rating(item.probability),
    impact: rating(item.impact),
    residualProbability: rating(item.residualProbability),
    residualImpact: rating(item.residualImpact),
    polarity: item.polarity,
    response: item.response ?? "",
    mitigation: item.mitigation,
    contingency: item.contingency,
    trigger: item.trigger,
    severity: item.severity ?? "",
    internalOnly: item.internalOnly,
    taskIds: [...item.taskIds],
    milestoneIds: [...item.milestoneIds],
  };
}

const orNull = (value: string) => (value.trim() === "" ? null : value);
const ratingOrNull = (value: string) => (value === "" ? null : Number(value));

function ownerIds(owner: string) {
  const [type, id] = owner.split(":");
  return {
    ownerUserId: type === "user" && id ? id : null,
    ownerStakeholderId: type === "stakeholder" && id ? id : null,
  };
}

/**
 * The API's fields from the form's. Fields a kind does not show are sent empty (null, "threat"),
 * which is what the rules ask of them, so switching nothing on a decision never trips a risk rule.
 */
export function raidFieldsOf(kind: RaidKind, v: RaidValues) {
  const risk = kind === "risk";
  return {
    title: v.title,
    description: v.description,
    status: v.status,
    ...ownerIds(v.owner),
    dueDate: orNull(v.dueDate),
    probability: risk ? ratingOrNull(v.probability) : null,
    impact: risk ? ratingOrNull(v.impact) : null,
    residualProbability: risk ? ratingOrNull(v.residualProbability) : null,
    residualImpact: risk ? ratingOrNull(v.residualImpact) : null,
    polarity: risk ? v.polarity : ("threat" as const),
    response: risk && v.response !== "" ? (v.response as RiskResponse) : null,
    mitigation: risk ? v.mitigation : "",
    contingency: risk ? v.contingency : "",
    trigger: risk ? v.trigger : "",
    severity: kind === "issue" && v.severity !== "" ? (v.severity as IssueSeverity) : null,
    internalOnly: v.internalOnly,
  };
}

/** Field keys as the API names them → the form's (`changes.title` → `title`, owners → `owner`). */
export function formErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const bare = key.replace(/^changes\./, "").split(".")[0] ?? key;
    const field = bare === "ownerUserId" || bare === "ownerStakeholderId" ? "owner" : bare;
    out[field] ??= message;
  }
  return out;
}

/** The kind's rules on the whole item as it would be saved (the server checks the same). */
function ruleProblems(kind: RaidKind, v: RaidValues): FieldErrors {
  return raidFieldProblems({ kind, ...raidFieldsOf(kind, v) });
}

type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

export function parseCreate(kind: RaidKind, v: RaidValues) {
  const result = raidCreateInput.safeParse({
    kind,
    ...raidFieldsOf(kind, v),
    taskIds: v.taskIds,
    milestoneIds: v.milestoneIds,
  });
  const errors = {
    ...ruleProblems(kind, v),
    ...(result.success ? {} : formErrors(zodFieldErrors(result.error))),
  };
  if (!result.success || Object.keys(errors).length > 0) return { ok: false as const, errors };
  return { ok: true as const, data: result.data };
}

const fieldKeys = [
  "title",
  "description",
  "status",
  "ownerUserId",
  "ownerStakeholderId",
  "dueDate",
  "probability",
  "impact",
  "residualProbability",
  "residualImpact",
  "polarity",
  "response",
  "mitigation",
  "contingency",
  "trigger",
  "severity",
  "internalOnly",
] as const;

/** Only what changed since the form opened, so saving never rewrites someone else's field. */
export function changesFrom(kind: RaidKind, before: RaidValues, after: RaidValues): RaidChanges {
  const a = raidFieldsOf(kind, before);
  const b = raidFieldsOf(kind, after);
  const changes: Record<string, unknown> = {};
  for (const key of fieldKeys) if (a[key] !== b[key]) changes[key] = b[key];
  // An owner is one person: naming either side sends both, so the other is cleared.
  if ("ownerUserId" in changes || "ownerStakeholderId" in changes) {
    changes.ownerUserId = b.ownerUserId;
    changes.ownerStakeholderId = b.ownerStakeholderId;
  }
  return changes as RaidChanges;
}

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

export function linksChanged(before: RaidValues, after: RaidValues): boolean {
  return (
    !sameIds(before.taskIds, after.taskIds) || !sameIds(before.milestoneIds, after.milestoneIds)
  );
}

/**
 * An edit as writes: the fields (if any changed) and then the links (if they changed), each
 * with the version the previous write leaves (a successful write adds exactly one).
 */
export function parseUpdate(
  kind: RaidKind,
  itemId: string,
  version: number,
  before: RaidValues,
  after: RaidValues,
): Parsed<{
  changes: RaidChanges | null;
  links: { taskIds: string[]; milestoneIds: string[] } | null;
}> {
  const changes = changesFrom(kind, before, after);
  const errors = ruleProblems(kind, after);
  const hasChanges = Object.keys(changes).length > 0;
  if (hasChanges) {
    const result = raidUpdateInput.safeParse({ itemId, version, changes });
    if (!result.success) Object.assign(errors, formErrors(zodFieldErrors(result.error)));
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    data: {
      changes: hasChanges ? changes : null,
      links: linksChanged(before, after)
        ? { taskIds: after.taskIds, milestoneIds: after.milestoneIds }
        : null,
    },
  };
}

/** `theirs` with the fields changed from `before` to `mine` put on top (after a CONFLICT). */
export function rebase(before: RaidValues, mine: RaidValues, theirs: RaidValues): RaidValues {
  const out: Record<string, unknown> = { ...theirs };
  for (const key of Object.keys(mine) as Array<keyof RaidValues>) {
    const changed = Array.isArray(mine[key])
      ? !sameIds(mine[key] as string[], before[key] as string[])
      : mine[key] !== before[key];
    if (changed) out[key] = mine[key];
  }
  return out as unknown as RaidValues;
}

/** The score and band a risk would have with these ratings, or null until both are given. */
export function previewScore(
  probability: string,
  impact: string,
  thresholds: RiskThresholds,
): { score: number; band: RiskBand } | null {
  if (probability === "" || impact === "") return null;
  const score = riskScore(Number(probability), Number(impact));
  return { score, band: riskBand(score, thresholds) };
}

/** Switching threat ↔ opportunity keeps the response only when it suits the new polarity. */
export function withPolarity(v: RaidValues, polarity: RiskPolarity): RaidValues {
  const keep =
    v.response !== "" &&
    (riskResponses as readonly string[]).includes(v.response) &&
    riskResponsesByPolarity[polarity].includes(v.response as RiskResponse);
  return { ...v, polarity, response: keep ? v.response : "" };
}

/** The statuses offered: the kind's, but "occurred" only through "Risk occurred". */
export function statusChoices(kind: RaidKind, current: RaidStatus | null): RaidStatus[] {
  return raidStatusesByKind[kind].filter((s) => s !== "occurred" || current === "occurred");
}
