/** The five kinds of entry in a RAID log. */
export const raidKinds = ["risk", "assumption", "issue", "dependency", "decision"] as const;
export type RaidKind = (typeof raidKinds)[number];

export const raidKindLabels: Record<RaidKind, string> = {
  risk: "Risk",
  assumption: "Assumption",
  issue: "Issue",
  dependency: "Dependency",
  decision: "Decision",
};

export const raidKindPluralLabels: Record<RaidKind, string> = {
  risk: "Risks",
  assumption: "Assumptions",
  issue: "Issues",
  dependency: "Dependencies",
  decision: "Decisions",
};

/** Prefix of an item's reference, I-5, D-2, DEC-1 (numbered per kind per project). */
export const raidKindPrefixes: Record<RaidKind, string> = {
  risk: "R",
  assumption: "A",
  issue: "I",
  dependency: "D",
  decision: "DEC",
};

export function raidRef(kind: RaidKind, number: number): string {
  return `${raidKindPrefixes[kind]}-${number}`;
}

/** Every status any kind can take; `raidStatusesByKind` says which belong to which kind. */
export const raidStatuses = [
  "open",
  "mitigating",
  "occurred",
  "in_progress",
  "resolved",
  "validated",
  "invalidated",
  "at_risk",
  "delivered",
  "proposed",
  "decided",
  "superseded",
  "cancelled",
  "closed",
] as const;
export type RaidStatus = (typeof raidStatuses)[number];

export const raidStatusesByKind: Record<RaidKind, readonly RaidStatus[]> = {
  risk: ["open", "mitigating", "occurred", "closed"],
  assumption: ["open", "validated", "invalidated"],
  issue: ["open", "in_progress", "resolved", "closed"],
  dependency: ["open", "at_risk", "delivered", "cancelled"],
  decision: ["proposed", "decided", "superseded"],
};

export const raidStatusLabels: Record<RaidStatus, string> = {
  open: "Open",
  mitigating: "Mitigating",
  occurred: "Occurred",
  in_progress: "In progress",
  resolved: "Resolved",
  validated: "Validated",
  invalidated: "Invalidated",
  at_risk: "At risk",
  delivered: "Delivered",
  proposed: "Proposed",
  decided: "Decided",
  superseded: "Superseded",
  cancelled: "Cancelled",
  closed: "Closed",
};

/** The statuses in which an item still needs attention (reviews fall due, heat map counts it). */
const openStatuses: ReadonlySet<RaidStatus> = new Set([
  "open",
  "mitigating",
  "in_progress",
  "at_risk",
  "proposed",
]);

export function isOpenRaidStatus(status: RaidStatus): boolean {
  return openStatuses.has(status);
}

export function raidStatusFits(kind: RaidKind, status: RaidStatus): boolean {
  return raidStatusesByKind[kind].includes(status);
}

/** The status a new item of a kind starts in. */
export function initialRaidStatus(kind: RaidKind): RaidStatus {
  return kind === "decision" ? "proposed" : "open";
}

/** A threat harms the project; an opportunity (a positive risk) helps it. */
export const riskPolarities = ["threat", "opportunity"] as const;
export type RiskPolarity = (typeof riskPolarities)[number];

export const riskResponses = [
  "avoid",
  "mitigate",
  "transfer",
  "accept",
  "escalate",
  "exploit",
  "share",
  "enhance",
] as const;
export type RiskResponse = (typeof riskResponses)[number];

export const riskResponsesByPolarity: Record<RiskPolarity, readonly RiskResponse[]> = {
  threat: ["avoid", "mitigate", "transfer", "accept", "escalate"],
  opportunity: ["exploit", "share", "enhance", "accept"],
};

export const riskResponseLabels: Record<RiskResponse, string> = {
  avoid: "Avoid",
  mitigate: "Mitigate",
  transfer: "Transfer",
  accept: "Accept",
  escalate: "Escalate",
  exploit: "Exploit",
  share: "Share",
  enhance: "Enhance",
};

/** How badly an issue hurts; an open critical issue turns risk health red. */
export const issueSeverities = ["low", "medium", "high", "critical"] as const;
export type IssueSeverity = (typeof issueSeverities)[number];

export const issueSeverityLabels: Record<IssueSeverity, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
};

/** Kinds whose date is a review date (look again by then) rather than a due date. */
export function raidDateLabel(kind: RaidKind): string {
  return kind === "risk" || kind === "assumption" ? "Review by" : "Due";
}
