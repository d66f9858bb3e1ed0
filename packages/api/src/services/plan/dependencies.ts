import {
  and,
  type Db,
  dependency,
  eq,
  inArray,
  isUniqueViolation,
  newId,
  nowIso,
  task,
  writeTx,
} from "@rollout/db";
import {
  type Dependency,
  type DependencyType,
  findCycle,
  type ProjectAccessRole,
} from "@rollout/domain";
import { type Acting, audit } from "../../audit.ts";
import { badRequest, duplicate, notFound, staleVersion } from "../../errors.ts";
import { loadTask } from "./model.ts";

type DependencyRow = typeof dependency.$inferSelect;

export function toDependency(row: DependencyRow): Dependency {
  return {
    id: row.id,
    predecessorId: row.predecessorId,
    successorId: row.successorId,
    type: row.type,
    lag: row.lag,
    version: row.version,
  };
}

/**
 * Links two tasks of the project. A link that would close a loop is refused, naming the tasks on
 * it; tasks of another project are not found here.
 */
export function addDependency(
  db: Db,
  acting: Acting,
  projectId: string,
  role: ProjectAccessRole,
  input: { predecessorId: string; successorId: string; type: DependencyType; lag: number },
): Dependency {
  return writeTx(db, (tx) => {
    if (input.predecessorId === input.successorId) {
      throw badRequest("A task cannot depend on itself", { successorId: "Same task" });
    }
    loadTask(tx, projectId, input.predecessorId, role);
    loadTask(tx, projectId, input.successorId, role);
    // Every link of the project, deleted tasks' too: restoring them must not reopen a loop.
    const edges = tx
      .select({ from: dependency.predecessorId, to: dependency.successorId })
      .from(dependency)
      .where(eq(dependency.projectId, projectId))
      .all();
    const cycle = findCycle(edges, { from: input.predecessorId, to: input.successorId });
    if (cycle) {
      const titles = new Map(
        tx
          .select({ id: task.id, title: task.title })
          .from(task)
          .where(inArray(task.id, cycle))
          .all()
          .map((t) => [t.id, t.title]),
      );
      const names = cycle.map((id) => `"${titles.get(id) ?? id}"`).join(" → ");
      throw badRequest(`This link would make a loop: ${names}`, {
        predecessorId: "Would make a loop",
      });
    }
    const now = nowIso();
    const row: DependencyRow = {
      id: newId(),
      projectId,
      predecessorId: input.predecessorId,
      successorId: input.successorId,
      type: input.type,
      lag: input.lag,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    try {
      tx.insert(dependency).values(row).run();
    } catch (error) {
      if (isUniqueViolation(error))
        throw duplicate("These tasks are already linked", "successorId");
      throw error;
    }
    audit(tx, acting, {
      entityType: "dependency",
      entityId: row.id,
      projectId,
      action: "create",
      after: toDependency(row),
    });
    return toDependency(row);
  });
}

function loadDependency(db: Db, projectId: string, dependencyId: string): DependencyRow {
  const row = db
    .select()
    .from(dependency)
    .where(and(eq(dependency.id, dependencyId), eq(dependency.projectId, projectId)))
    .get();
  if (!row) throw notFound("Dependency");
  return row;
}

export function updateDependency(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { dependencyId: string; version: number; type: DependencyType; lag: number },
): Dependency {
  return writeTx(db, (tx) => {
    const current = loadDependency(db, projectId, input.dependencyId);
    const updatedAt = nowIso();
    const result = tx
      .update(dependency)
      .set({ type: input.type, lag: input.lag, version: input.version + 1, updatedAt })
      .where(and(eq(dependency.id, current.id), eq(dependency.version, input.version)))
      .run();
    if (result.changes === 0) throw staleVersion("dependency");
    audit(tx, acting, {
      entityType: "dependency",
      entityId: current.id,
      projectId,
      action: "update",
      before: { type: current.type, lag: current.lag },
      after: { type: input.type, lag: input.lag },
    });
    return toDependency({
      ...current,
      type: input.type,
      lag: input.lag,
      version: input.version + 1,
    });
  });
}

export function removeDependency(db: Db, acting: Acting, projectId: string, dependencyId: string) {
  writeTx(db, (tx) => {
    const current = loadDependency(db, projectId, dependencyId);
    tx.delete(dependency).where(eq(dependency.id, current.id)).run();
    audit(tx, acting, {
      entityType: "dependency",
      entityId: current.id,
      projectId,
      action: "delete",
      before: toDependency(current),
    });
  });
}
