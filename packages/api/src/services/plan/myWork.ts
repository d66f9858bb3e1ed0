import {
  and,
  asc,
  type Db,
  eq,
  inArray,
  isNull,
  notInArray,
  or,
  project,
  projectMember,
  task,
  user,
} from "@rollout/db";
import type { myWorkItemOutput } from "@rollout/domain";
import { isAccountable, isResponsible, type RaciValue } from "@rollout/domain";
import type * as z from "zod";
import { toTask } from "./model.ts";

type MyWorkItem = z.infer<typeof myWorkItemOutput>;

const rOrA: RaciValue[] = ["R", "A", "AR"];

/**
 * Open tasks across the organisation's live projects that are the caller's: assigned to them, or
 * whose R or A falls on the party they are on that project (IPM or PM). One query.
 */
export function myWork(db: Db, orgId: string, userId: string): MyWorkItem[] {
  const rows = db
    .select({
      row: task,
      assigneeName: user.name,
      projectId: project.id,
      projectKey: project.key,
      projectName: project.name,
      role: projectMember.role,
    })
    .from(task)
    .innerJoin(project, eq(project.id, task.projectId))
    .leftJoin(
      projectMember,
      and(eq(projectMember.projectId, task.projectId), eq(projectMember.userId, userId)),
    )
    .leftJoin(user, eq(user.id, task.assigneeId))
    .where(
      and(
        eq(project.organizationId, orgId),
        isNull(project.archivedAt),
        isNull(task.deletedAt),
        notInArray(task.status, ["done", "cancelled"]),
        or(
          eq(task.assigneeId, userId),
          and(eq(projectMember.role, "ipm"), inArray(task.raciIpm, rOrA)),
          and(eq(projectMember.role, "pm"), inArray(task.raciPm, rOrA)),
        ),
      ),
    )
    .orderBy(asc(task.dueDate), asc(project.key))
    .all();
  return rows
    .filter((r) => r.role !== "stakeholder" || !r.row.internalOnly)
    .map((r) => {
      const letter = r.role === "ipm" ? r.row.raciIpm : r.role === "pm" ? r.row.raciPm : null;
      const reasons: MyWorkItem["reasons"] = [];
      if (r.row.assigneeId === userId) reasons.push("assignee");
      if (isResponsible(letter)) reasons.push("responsible");
      if (isAccountable(letter)) reasons.push("accountable");
      return {
        task: toTask(r.row, r.assigneeName),
        projectId: r.projectId,
        projectKey: r.projectKey,
        projectName: r.projectName,
        reasons,
      };
    });
}
