import {
  csvCell,
  isAccountable,
  isResponsible,
  type Party,
  parties,
  partyLabels,
  type Task,
  taskCategoryLabels,
} from "@rollout/domain";
import { type PlanIndex, phaseTasks } from "../plan/planModel.ts";
import { raciText } from "../plan/raci.tsx";

export interface PartyCounts {
  accountable: number;
  responsible: number;
}

export interface PhaseSummary {
  phaseId: string;
  name: string;
  taskCount: number;
  violations: number;
  byParty: Record<Party, PartyCounts>;
}

const zero = (): Record<Party, PartyCounts> => ({
  ipm: { accountable: 0, responsible: 0 },
  pm: { accountable: 0, responsible: 0 },
  customer: { accountable: 0, responsible: 0 },
  vendor: { accountable: 0, responsible: 0 },
});

/** Per phase and in total: how many tasks each party answers for (A, A/R) and does (R, A/R). */
export function summarise(index: PlanIndex): { phases: PhaseSummary[]; total: PhaseSummary } {
  const total: PhaseSummary = {
    phaseId: "",
    name: "Whole plan",
    taskCount: 0,
    violations: 0,
    byParty: zero(),
  };
  const phases = index.phases.map((phase) => {
    const s: PhaseSummary = {
      phaseId: phase.id,
      name: phase.name,
      taskCount: 0,
      violations: 0,
      byParty: zero(),
    };
    for (const t of phaseTasks(index, phase.id)) {
      for (const target of [s, total]) {
        target.taskCount += 1;
        if (t.violations.length > 0) target.violations += 1;
        for (const p of parties) {
          const v = t.responsibilities[p];
          if (isAccountable(v)) target.byParty[p].accountable += 1;
          if (isResponsible(v)) target.byParty[p].responsible += 1;
        }
      }
    }
    return s;
  });
  return { phases, total };
}

export interface HandOff {
  task: Task;
  phaseName: string;
  /** Who answers for it (A, not A/R). */
  accountable: Party;
  /** Who does it (R). */
  responsible: Party[];
}

/**
 * Tasks where one party is accountable and another does the work: the places a ball can drop
 * between the IPM and the PM (or a customer or vendor), grouped "A → R".
 */
export function handOffs(index: PlanIndex): HandOff[] {
  const out: HandOff[] = [];
  for (const phase of index.phases) {
    for (const t of phaseTasks(index, phase.id)) {
      const r = t.responsibilities;
      const accountable = parties.filter((p) => r[p] === "A");
      if (accountable.length !== 1) continue;
      const a = accountable[0] as Party;
      const doers = parties.filter((p) => p !== a && r[p] === "R");
      if (doers.length > 0)
        out.push({ task: t, phaseName: phase.name, accountable: a, responsible: doers });
    }
  }
  return out;
}

/** "PM → IPM": hand-offs grouped by direction, largest group first. */
export function groupHandOffs(
  list: readonly HandOff[],
): Array<{ label: string; items: HandOff[] }> {
  const groups = new Map<string, HandOff[]>();
  for (const h of list) {
    const label = `${partyLabels[h.accountable]} accountable, ${h.responsible.map((p) => partyLabels[p]).join(" and ")} responsible`;
    const g = groups.get(label);
    if (g) g.push(h);
    else groups.set(label, [h]);
  }
  return [...groups.entries()]
    .map(([label, items]) => ({ label, items }))
    .sort((a, b) => b.items.length - a.items.length);
}

/** The matrix as CSV: one row per task, in plan order, with a header row. */
export function matrixCsv(index: PlanIndex): string {
  const header = ["Phase", "Task", "Category", "IPM", "PM", "Customer", "Vendor", "Violations"];
  const lines = [header.join(",")];
  for (const phase of index.phases) {
    for (const t of phaseTasks(index, phase.id)) {
      const r = t.responsibilities;
      lines.push(
        [
          phase.name,
          t.title,
          taskCategoryLabels[t.category],
          raciText(r.ipm),
          raciText(r.pm),
          raciText(r.customer),
          raciText(r.vendor),
          t.violations.map((v) => v.message).join("; "),
        ]
          .map(csvCell)
          .join(","),
      );
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}
