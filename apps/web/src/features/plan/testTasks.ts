import type { Phase, Plan, Task } from "@rollout/domain";
import { raciViolations } from "@rollout/domain";

/** Small plans for the unit tests of the pure plan helpers. */
export function phase(id: string, sortOrder: number, name = id): Phase {
  return { id, name, sortOrder, version: 1 };
}

export function task(id: string, fields: Partial<Task> = {}): Task {
  const responsibilities = fields.responsibilities ?? {
    ipm: "AR",
    pm: "C",
    customer: null,
    vendor: null,
  };
  return {
    id,
    phaseId: "p1",
    parentId: null,
    title: `Task ${id}`,
    description: "",
    category: "configuration",
    status: "not_started",
    startDate: null,
    dueDate: null,
    duration: null,
    percentComplete: 0,
    estimateHours: null,
    actualHours: null,
    assigneeId: null,
    assigneeName: null,
    milestoneId: null,
    internalOnly: false,
    sortOrder: 1,
    version: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...fields,
    responsibilities,
    violations: raciViolations(responsibilities),
  };
}

export function plan(phases: Phase[], tasks: Task[]): Plan {
  return {
    phases,
    tasks,
    dependencies: [],
    people: [{ userId: "u1", name: "Ian Murphy", role: "ipm" }],
    canEditPlan: true,
    canEditOwnTasks: false,
  };
}
