export const taskCategories = [
  "planning",
  "configuration",
  "integration",
  "data_migration",
  "testing",
  "training",
  "vendor",
  "procurement",
  "cutover",
  "hypercare",
  "budget",
  "reporting",
  "change_management",
  "communication",
  "risk",
  "quality",
  "review",
] as const;
export type TaskCategory = (typeof taskCategories)[number];

export const taskCategoryLabels: Record<TaskCategory, string> = {
  planning: "Planning",
  configuration: "Configuration",
  integration: "Integration",
  data_migration: "Data migration",
  testing: "Testing",
  training: "Training",
  vendor: "Vendor",
  procurement: "Procurement",
  cutover: "Cut-over",
  hypercare: "Hypercare",
  budget: "Budget",
  reporting: "Reporting",
  change_management: "Change management",
  communication: "Communication",
  risk: "Risk",
  quality: "Quality",
  review: "Review",
};

export const taskStatuses = ["not_started", "in_progress", "blocked", "done", "cancelled"] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const taskStatusLabels: Record<TaskStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  blocked: "Blocked",
  done: "Done",
  cancelled: "Cancelled",
};

/** The parties a responsibility can fall on. IPM and PM always; customer and vendor when used. */
export const parties = ["ipm", "pm", "customer", "vendor"] as const;
export type Party = (typeof parties)[number];

export const partyLabels: Record<Party, string> = {
  ipm: "IPM",
  pm: "PM",
  customer: "Customer",
  vendor: "Vendor",
};

/**
 * One RACI value per party. `AR` is the practitioners' "A/R": the party both answers for the
 * task and does it — what the default playbook gives the IPM on hands-on work.
 */
export const raciValues = ["R", "A", "AR", "C", "I"] as const;
export type RaciValue = (typeof raciValues)[number];

export const raciLabels: Record<RaciValue, string> = {
  R: "Responsible",
  A: "Accountable",
  AR: "Accountable and responsible",
  C: "Consulted",
  I: "Informed",
};

/** The order a matrix cell cycles through on click: R → A → A/R → C → I → blank. */
export const raciCycle: readonly (RaciValue | null)[] = ["R", "A", "AR", "C", "I", null];

export function nextRaci(value: RaciValue | null): RaciValue | null {
  const i = raciCycle.indexOf(value);
  return raciCycle[(i + 1) % raciCycle.length] ?? null;
}

export const dependencyTypes = ["FS", "SS", "FF", "SF"] as const;
export type DependencyType = (typeof dependencyTypes)[number];

export const dependencyTypeLabels: Record<DependencyType, string> = {
  FS: "Finish to start",
  SS: "Start to start",
  FF: "Finish to finish",
  SF: "Start to finish",
};
