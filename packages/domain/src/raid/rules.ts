import {
  type IssueSeverity,
  isOpenRaidStatus,
  type RaidKind,
  type RaidStatus,
  type RiskPolarity,
  type RiskResponse,
  raidKindLabels,
  raidStatusesByKind,
  raidStatusLabels,
  riskResponseLabels,
  riskResponsesByPolarity,
} from "./enums.ts";

/** The fields of a RAID item that the rules below look at, after a change is applied. */
export interface RaidFieldsForRules {
  kind: RaidKind;
  status: RaidStatus;
  probability: number | null;
  impact: number | null;
  residualProbability: number | null;
  residualImpact: number | null;
  polarity: RiskPolarity;
  response: RiskResponse | null;
  severity: IssueSeverity | null;
  ownerUserId: string | null;
  ownerStakeholderId: string | null;
}

/**
 * What is wrong with an item's fields, by field name (empty when nothing is):
 * a status must belong to the kind; a risk needs probability and impact; residual ratings come
 * in pairs; a response must suit a threat or an opportunity; only risks are scored and only
 * issues have a severity; the owner is a member or a stakeholder, not both.
 */
export function raidFieldProblems(item: RaidFieldsForRules): Record<string, string> {
  const problems: Record<string, string> = {};
  const kind = raidKindLabels[item.kind].toLowerCase();
  if (!raidStatusesByKind[item.kind].includes(item.status)) {
    problems.status = `A ${kind} cannot be ${raidStatusLabels[item.status].toLowerCase()}; use ${raidStatusesByKind[
      item.kind
    ]
      .map((s) => raidStatusLabels[s].toLowerCase())
      .join(", ")}`;
  }
  if (item.kind === "risk") {
    if (item.probability === null) problems.probability = "A risk needs a probability (1–5)";
    if (item.impact === null) problems.impact = "A risk needs an impact (1–5)";
    if ((item.residualProbability === null) !== (item.residualImpact === null)) {
      const missing = item.residualProbability === null ? "residualProbability" : "residualImpact";
      problems[missing] = "Give residual probability and impact together";
    }
    if (item.response && !riskResponsesByPolarity[item.polarity].includes(item.response)) {
      problems.response = `${riskResponseLabels[item.response]} is not a response to ${
        item.polarity === "threat" ? "a threat" : "an opportunity"
      }; use ${riskResponsesByPolarity[item.polarity].map((r) => riskResponseLabels[r].toLowerCase()).join(", ")}`;
    }
  } else {
    for (const field of [
      "probability",
      "impact",
      "residualProbability",
      "residualImpact",
      "response",
    ] as const) {
      if (item[field] !== null)
        problems[field] = `Only risks are scored; a ${kind} has no ${field}`;
    }
    if (item.polarity !== "threat") problems.polarity = `Only risks can be opportunities`;
  }
  if (item.kind !== "issue" && item.severity !== null) {
    problems.severity = `Only issues have a severity`;
  }
  if (item.ownerUserId && item.ownerStakeholderId) {
    problems.owner = "Choose one owner: a project member or a stakeholder";
  }
  return problems;
}

/** An open item whose review or due date has passed. */
export function isRaidOverdue(
  item: { status: RaidStatus; dueDate: string | null },
  today: string,
): boolean {
  return isOpenRaidStatus(item.status) && item.dueDate !== null && item.dueDate < today;
}
