/** Roles a person holds in an organisation (tenant). */
export const orgRoles = ["owner", "admin", "member"] as const;
export type OrgRole = (typeof orgRoles)[number];

/** Roles a person holds on one project. Stakeholders are read-only. */
export const projectRoles = ["ipm", "pm", "contributor", "stakeholder"] as const;
export type ProjectRole = (typeof projectRoles)[number];

export const projectRoleLabels: Record<ProjectRole, string> = {
  ipm: "Implementation PM",
  pm: "Project manager",
  contributor: "Contributor",
  stakeholder: "Stakeholder",
};

export const orgRoleLabels: Record<OrgRole, string> = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
};

export const projectKinds = ["software", "hardware", "process", "other"] as const;
export type ProjectKind = (typeof projectKinds)[number];

/** The life of an implementation project, in order. */
export const projectStages = [
  "initiation",
  "planning",
  "build",
  "testing",
  "training",
  "go_live",
  "hypercare",
  "closed",
] as const;
export type ProjectStage = (typeof projectStages)[number];

export const projectStageLabels: Record<ProjectStage, string> = {
  initiation: "Initiation",
  planning: "Planning",
  build: "Build",
  testing: "Testing",
  training: "Training",
  go_live: "Go-live",
  hypercare: "Hypercare",
  closed: "Closed",
};

export const projectStatuses = ["active", "on_hold", "cancelled", "closed"] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

export const projectStatusLabels: Record<ProjectStatus, string> = {
  active: "Active",
  on_hold: "On hold",
  cancelled: "Cancelled",
  closed: "Closed",
};

export const projectKindLabels: Record<ProjectKind, string> = {
  software: "Software",
  hardware: "Hardware",
  process: "Process",
  other: "Other",
};

export const rags = ["green", "amber", "red"] as const;
export type Rag = (typeof rags)[number];

/** Compare stages by their position in the life cycle. */
export function stageIndex(stage: ProjectStage): number {
  return projectStages.indexOf(stage);
}
