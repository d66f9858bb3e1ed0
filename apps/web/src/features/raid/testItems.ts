import {
  isOpenRaidStatus,
  type RaidItem,
  type RaidKind,
  raidRef,
  riskBand,
  riskScore,
} from "@rollout/domain";

/** RAID items for the unit tests of the pure helpers: score, band and open state derived. */
export function raidItem(kind: RaidKind, number: number, fields: Partial<RaidItem> = {}): RaidItem {
  const probability = fields.probability ?? (kind === "risk" ? 3 : null);
  const impact = fields.impact ?? (kind === "risk" ? 3 : null);
  const residualProbability = fields.residualProbability ?? null;
  const residualImpact = fields.residualImpact ?? null;
  const score = probability !== null && impact !== null ? riskScore(probability, impact) : null;
  const residualScore =
    residualProbability !== null && residualImpact !== null
      ? riskScore(residualProbability, residualImpact)
      : null;
  const status = fields.status ?? (kind === "decision" ? "proposed" : "open");
  return {
    id: `${kind}-${number}`,
    ref: raidRef(kind, number),
    kind,
    title: `${kind} ${number}`,
    description: "",
    status,
    isOpen: isOpenRaidStatus(status),
    owner: null,
    dueDate: null,
    overdue: false,
    score,
    band: score === null ? null : riskBand(score),
    residualScore,
    residualBand: residualScore === null ? null : riskBand(residualScore),
    polarity: "threat",
    response: null,
    mitigation: "",
    contingency: "",
    trigger: "",
    severity: null,
    internalOnly: false,
    convertedFrom: null,
    convertedTo: null,
    taskIds: [],
    milestoneIds: [],
    version: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...fields,
    probability,
    impact,
    residualProbability,
    residualImpact,
  };
}
