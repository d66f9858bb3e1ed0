import type { Party, RaciValue } from "./enums.ts";
import { parties } from "./enums.ts";

export type Responsibilities = Record<Party, RaciValue | null>;

export const noResponsibilities: Responsibilities = {
  ipm: null,
  pm: null,
  customer: null,
  vendor: null,
};

export type RaciViolationCode = "no_accountable" | "several_accountable" | "no_responsible";

export interface RaciViolation {
  code: RaciViolationCode;
  message: string;
}

const isAccountable = (v: RaciValue | null) => v === "A" || v === "AR";
const isResponsible = (v: RaciValue | null) => v === "R" || v === "AR";

/**
 * The rule: exactly one party Accountable and at least one Responsible. A task that breaks it is
 * still saved; these are the reasons it is flagged.
 */
export function raciViolations(r: Responsibilities): RaciViolation[] {
  const accountable = parties.filter((p) => isAccountable(r[p]));
  const responsible = parties.filter((p) => isResponsible(r[p]));
  const out: RaciViolation[] = [];
  if (accountable.length === 0) {
    out.push({ code: "no_accountable", message: "Nobody is accountable (A)" });
  } else if (accountable.length > 1) {
    out.push({
      code: "several_accountable",
      message: `Only one party may be accountable; ${accountable.map((p) => p.toUpperCase()).join(" and ")} are`,
    });
  }
  if (responsible.length === 0) {
    out.push({ code: "no_responsible", message: "Nobody is responsible (R)" });
  }
  return out;
}

export function isRaciValid(r: Responsibilities): boolean {
  return raciViolations(r).length === 0;
}

/** Who answers for a task (A or A/R), or null. */
export function accountableParty(r: Responsibilities): Party | null {
  const found = parties.filter((p) => isAccountable(r[p]));
  return found.length === 1 ? (found[0] ?? null) : null;
}

/** True where one party is accountable and another does the work: a hand-off to watch. */
export function isHandOff(r: Responsibilities, a: Party, b: Party): boolean {
  return (
    (isAccountable(r[a]) && r[b] === "R" && r[a] !== "AR") ||
    (isAccountable(r[b]) && r[a] === "R" && r[b] !== "AR")
  );
}

export { isAccountable, isResponsible };
