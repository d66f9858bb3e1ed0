import {
  addWorkingDays,
  defaultPlaybook,
  type RaciValue,
  type TaskCategory,
  type TaskStatus,
  workingDaysBetween,
} from "@rollout/domain";
import type { Tx } from "../client.ts";
import { newId } from "../ids.ts";
import { dependency, phase, task } from "../schema/index.ts";

type Spec = [title: string, category: TaskCategory, days: number];

/** A realistic implementation plan: phases in order, each a list of tasks. */
export const demoPhases: Array<{ name: string; tasks: Spec[] }> = [
  {
    name: "Discovery",
    tasks: [
      ["Kick-off workshop with the customer", "planning", 1],
      ["Confirm scope and success criteria", "planning", 3],
      ["Stakeholder interviews", "communication", 4],
      ["Current-state process mapping", "change_management", 5],
      ["Build the implementation budget", "budget", 2],
      ["Risk workshop and initial RAID log", "risk", 1],
      ["Agree the communication plan", "communication", 2],
    ],
  },
  {
    name: "Configure",
    tasks: [
      ["Provision environments (dev, test, prod)", "configuration", 3],
      ["Configure organisation structure and roles", "configuration", 4],
      ["Configure core workflows", "configuration", 8],
      ["Design reports and dashboards", "configuration", 5],
      ["Integration: single sign-on", "integration", 3],
      ["Integration: ERP customer master", "integration", 8],
      ["Integration: email and calendar", "integration", 4],
      ["Vendor licence order", "procurement", 2],
      ["Vendor configuration review", "vendor", 2],
      ["Weekly status report to the sponsor", "reporting", 1],
    ],
  },
  {
    name: "Data migration",
    tasks: [
      ["Data inventory and ownership", "data_migration", 3],
      ["Mapping rules for accounts and contacts", "data_migration", 5],
      ["Cleanse duplicate accounts", "data_migration", 6],
      ["Trial migration 1", "data_migration", 3],
      ["Reconcile trial migration 1", "quality", 2],
      ["Trial migration 2", "data_migration", 3],
      ["Reconcile trial migration 2", "quality", 2],
    ],
  },
  {
    name: "Testing / UAT",
    tasks: [
      ["Write test scripts", "testing", 5],
      ["System integration test", "testing", 8],
      ["Fix and retest defects", "testing", 5],
      ["UAT with key users", "testing", 8],
      ["Performance test", "testing", 3],
      ["UAT sign-off", "review", 1],
    ],
  },
  {
    name: "Training",
    tasks: [
      ["Training needs analysis", "training", 3],
      ["Build training materials", "training", 6],
      ["Train the trainers", "training", 2],
      ["End-user training sessions", "training", 10],
      ["Quick-reference guides", "training", 2],
      ["Change champion network briefing", "change_management", 1],
    ],
  },
  {
    name: "Cut-over",
    tasks: [
      ["Cut-over plan and rehearsal", "cutover", 3],
      ["Go/no-go readiness review", "review", 1],
      ["Freeze legacy system", "cutover", 1],
      ["Final data migration", "cutover", 2],
      ["Smoke test in production", "testing", 1],
      ["Go-live announcement", "communication", 1],
    ],
  },
  {
    name: "Hypercare",
    tasks: [
      ["Daily hypercare stand-up", "hypercare", 10],
      ["Triage and fix early issues", "hypercare", 10],
      ["Adoption metrics review", "reporting", 2],
      ["Handover to support", "hypercare", 2],
      ["Lessons learned session", "review", 1],
      ["Project closure report", "reporting", 2],
    ],
  },
];

export interface LaidOutTask {
  id: string;
  title: string;
  startDate: string;
  dueDate: string;
  duration: number;
}

export interface LaidOutPhase {
  phaseId: string;
  name: string;
  tasks: LaidOutTask[];
}

export interface DemoPlanPeople {
  ipm: string;
  pm: string;
  contributor: string | null;
}

/**
 * Lays out the plan from `startDate`: tasks of a phase one after another (finish-to-start),
 * each phase after the previous one. `progressUntil` marks what is done by then. Responsibilities
 * come from the default playbook, except `violations` tasks (to show the flags).
 */
export function insertDemoPlan(
  tx: Tx,
  projectId: string,
  options: {
    startDate: string;
    /** Everything before hypercare is stretched or squeezed to end by this date. */
    goLive: string;
    progressUntil: string;
    people: DemoPlanPeople;
    stamp: string;
    /** Skip phases by name (a hardware rollout has no data migration). */
    skip?: string[];
    customerParty?: boolean;
  },
) {
  const phases = demoPhases.filter((p) => !options.skip?.includes(p.name));
  const beforeGoLive = phases
    .filter((p) => p.name !== "Hypercare")
    .reduce((sum, p) => sum + p.tasks.reduce((s, [, , d]) => s + d, 0), 0);
  const factor = Math.max(
    0.2,
    workingDaysBetween(options.startDate, options.goLive) / beforeGoLive,
  );
  let cursor = options.startDate;
  let previousLast: string | null = null;
  const laidOut: LaidOutPhase[] = [];
  let n = 0;
  const deps: Array<typeof dependency.$inferInsert> = [];
  phases.forEach((p, phaseIndex) => {
    const phaseId = newId();
    const placed: LaidOutTask[] = [];
    laidOut.push({ phaseId, name: p.name, tasks: placed });
    tx.insert(phase)
      .values({
        id: phaseId,
        projectId,
        name: p.name,
        sortOrder: phaseIndex + 1,
        createdAt: options.stamp,
        updatedAt: options.stamp,
      })
      .run();
    let previous: string | null = null;
    p.tasks.forEach(([title, category, plannedDays], i) => {
      n += 1;
      const days =
        p.name === "Hypercare" ? plannedDays : Math.max(1, Math.round(plannedDays * factor));
      const id = newId();
      const start = cursor;
      const due = addWorkingDays(start, days - 1);
      cursor = addWorkingDays(due, 1);
      let status: TaskStatus = "not_started";
      let percent = 0;
      if (due < options.progressUntil) {
        status = "done";
        percent = 100;
      } else if (start <= options.progressUntil) {
        status = n % 7 === 0 ? "blocked" : "in_progress";
        percent = 40;
      }
      const r = defaultPlaybook[category];
      const letters: Record<"ipm" | "pm" | "customer", RaciValue | null> = {
        ipm: r.ipm,
        pm: r.pm,
        customer:
          options.customerParty && (category === "testing" || category === "review") ? "C" : null,
      };
      // A few deliberate breaks of the rule, so the matrix has something to flag.
      if (n === 9) letters.pm = "A"; // two accountable
      if (n === 23) letters.ipm = "C"; // nobody accountable or responsible
      const pmLed = r.pm === "A" || r.pm === "AR";
      const assignee = pmLed
        ? options.people.pm
        : options.people.contributor && i % 3 === 1
          ? options.people.contributor
          : options.people.ipm;
      tx.insert(task)
        .values({
          id,
          projectId,
          phaseId,
          title,
          category,
          status,
          startDate: start,
          dueDate: due,
          duration: days,
          percentComplete: percent,
          estimateHours: days * 6,
          actualHours:
            status === "done" ? days * 6 + (n % 5) - 2 : status === "in_progress" ? days * 2 : null,
          assigneeId: assignee,
          internalOnly: category === "budget" || title.startsWith("Vendor licence"),
          sortOrder: i + 1,
          raciIpm: letters.ipm,
          raciPm: letters.pm,
          raciCustomer: letters.customer,
          createdAt: options.stamp,
          updatedAt: options.stamp,
        })
        .run();
      const from = previous ?? previousLast;
      if (from) {
        deps.push({
          id: newId(),
          projectId,
          predecessorId: from,
          successorId: id,
          type: "FS",
          lag: 0,
          createdAt: options.stamp,
          updatedAt: options.stamp,
        });
      }
      previous = id;
      placed.push({ id, title, startDate: start, dueDate: due, duration: days });
    });
    previousLast = previous;
  });
  if (deps.length > 0) tx.insert(dependency).values(deps).run();
  return { tasks: n, dependencies: deps.length, phases: laidOut };
}
