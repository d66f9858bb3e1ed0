import type { Party, RaciValue, TaskCategory } from "./enums.ts";
import { parties, taskCategories } from "./enums.ts";
import type { Responsibilities } from "./raci.ts";

export type Playbook = Record<TaskCategory, Responsibilities>;

const entry = (ipm: RaciValue | null, pm: RaciValue | null): Responsibilities => ({
  ipm,
  pm,
  customer: null,
  vendor: null,
});

const handsOn = entry("AR", "C");
const pmLed = entry("R", "A");

/**
 * The default playbook, from practice: hands-on work is the IPM's (A/R) with the PM consulted
 * or informed; planning, money, reporting and communication are the PM's (A) with the IPM
 * responsible; quality and review are shared (PM A, IPM R).
 */
export const defaultPlaybook: Playbook = {
  configuration: handsOn,
  integration: handsOn,
  data_migration: handsOn,
  testing: handsOn,
  training: handsOn,
  vendor: entry("AR", "I"),
  procurement: entry("AR", "I"),
  cutover: handsOn,
  hypercare: entry("AR", "I"),
  planning: pmLed,
  budget: entry("C", "AR"),
  reporting: entry("C", "AR"),
  communication: pmLed,
  change_management: pmLed,
  risk: pmLed,
  quality: pmLed,
  review: pmLed,
};

/** Every category, with the organisation's own entries over the default. */
export function mergePlaybook(own: Partial<Playbook>): Playbook {
  const out = {} as Playbook;
  for (const c of taskCategories) out[c] = { ...defaultPlaybook[c], ...(own[c] ?? {}) };
  return out;
}

/**
 * What a task's responsibilities become after a suggestion: blanks filled from the playbook;
 * letters someone set stay unless `overwrite`.
 */
export function suggestResponsibilities(
  current: Responsibilities,
  suggestion: Responsibilities,
  overwrite: boolean,
): Responsibilities {
  if (overwrite) return { ...suggestion };
  const out = { ...current };
  for (const p of parties as readonly Party[]) out[p] ??= suggestion[p];
  return out;
}
