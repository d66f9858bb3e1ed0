import type { ProjectKind } from "../enums.ts";
import type { DependencyType, Party, RaciValue, TaskCategory } from "../plan/enums.ts";

/**
 * A reusable plan. Dates are relative: working days from the project's start (day 0 is the
 * first working day on or after it), so a template fits any start date and calendar. Rows refer
 * to each other by `key`, unique within the template.
 */
export interface TemplateBody {
  phases: TemplatePhase[];
  milestones: TemplateMilestone[];
  tasks: TemplateTask[];
  dependencies: TemplateDependency[];
}

export interface TemplatePhase {
  key: string;
  name: string;
}

export interface TemplateMilestone {
  key: string;
  name: string;
  /** Working days from the project start to the baseline date. */
  offset: number;
  isGate: boolean;
  isGoLive: boolean;
  /** Gate criteria, one line each (gates only). */
  criteria: string[];
}

export interface TemplateTask {
  key: string;
  phaseKey: string;
  /** A summary task this one sits under, if any. */
  parentKey: string | null;
  title: string;
  description: string;
  category: TaskCategory;
  /** Working days from the project start to the task's start. */
  startOffset: number;
  /** Working days, at least 1. */
  duration: number;
  estimateHours: number | null;
  internalOnly: boolean;
  milestoneKey: string | null;
  /** One RACI letter per party that has one. */
  raci: Partial<Record<Party, RaciValue>>;
}

export interface TemplateDependency {
  predecessorKey: string;
  successorKey: string;
  type: DependencyType;
  /** Working days; negative is a lead. */
  lag: number;
}

export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
  kind: ProjectKind;
  builtIn: boolean;
}

/** Built-in templates live in code; their ids carry this prefix (e.g. `builtin:saas-rollout`). */
export const BUILT_IN_TEMPLATE_PREFIX = "builtin:";

export function isBuiltInTemplateId(id: string): boolean {
  return id.startsWith(BUILT_IN_TEMPLATE_PREFIX);
}

/** The most tasks one template may hold (a new project is created from it in one go). */
export const MAX_TEMPLATE_TASKS = 2000;
export const MAX_TEMPLATE_PHASES = 100;
export const MAX_TEMPLATE_MILESTONES = 200;
export const MAX_TEMPLATE_DEPENDENCIES = 10_000;

/** A built-in template: its body is written in code and read-only in the product. */
export interface BuiltInTemplate extends TemplateSummary {
  builtIn: true;
  body: TemplateBody;
}
