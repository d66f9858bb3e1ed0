import { asc, type Db, eq, project, type SQL, sql, task, user } from "@rollout/db";
import {
  endOfWeek,
  isAccountable,
  isoDate,
  isResponsible,
  type MyWorkGroup,
  type MyWorkItem,
  type myWorkListInput,
  type myWorkOutput,
} from "@rollout/domain";
import * as z from "zod";
import { badRequest } from "../../errors.ts";
import { toTask } from "./model.ts";

type Input = z.output<typeof myWorkListInput>;
type Output = z.infer<typeof myWorkOutput>;

const open = sql`t.deleted_at is null and t.status not in ('done', 'cancelled')`;
const rOrA = sql`('R', 'A', 'AR')`;

/**
 * Every open task of the organisation's live projects that is the caller's, as
 * `(id, due_date, key, role)`: assigned to them, or R or A for the party they are on that
 * project (IPM or PM). Stakeholders' internal-only rows are left out here, in SQL, so pages are
 * full and counts right.
 *
 * Two branches so the work follows the caller's own projects, not the organisation's size.
 * The first takes tasks assigned to me on projects where my role gives me no letter (not on
 * it, contributor, stakeholder): one index seek per project on `task_my_work_idx`
 * (project, deleted, assignee). The second reads the tasks of the projects where I am the
 * IPM or PM (driven from my memberships). CROSS JOIN fixes the join order: left to itself,
 * SQLite starts the first branch from every task assigned to me, which for a PM on every
 * project is tens of thousands of row reads. Both read only `task_my_work_idx`.
 */
function visible(orgId: string, userId: string): SQL {
  return sql`
    select t.id as id, t.due_date as due_date, p.key as key, m.role as role
    from project p
    left join project_member m on m.project_id = p.id and m.user_id = ${userId}
    cross join task t on t.project_id = p.id
    where p.organization_id = ${orgId} and p.archived_at is null
      and (m.role is null or m.role not in ('ipm', 'pm'))
      and t.assignee_id = ${userId} and ${open}
      and (m.role is not 'stakeholder' or t.internal_only = 0)
    union all
    select t.id, t.due_date, p.key, m.role
    from project_member m
    cross join project p on p.id = m.project_id
    cross join task t on t.project_id = m.project_id
    where m.user_id = ${userId} and m.role in ('ipm', 'pm')
      and p.organization_id = ${orgId} and p.archived_at is null
      and ${open}
      and (t.assignee_id = ${userId}
        or (m.role = 'ipm' and t.raci_ipm in ${rOrA})
        or (m.role = 'pm' and t.raci_pm in ${rOrA}))`;
}

function inGroup(group: MyWorkGroup, today: string): SQL {
  const weekEnd = endOfWeek(today);
  switch (group) {
    case "overdue":
      return sql`v.due_date < ${today}`;
    case "thisWeek":
      return sql`v.due_date >= ${today} and v.due_date <= ${weekEnd}`;
    case "later":
      return sql`v.due_date > ${weekEnd}`;
    case "noDate":
      return sql`v.due_date is null`;
  }
}

// ------------------------------------------------------------------ cursor

/** The sort keys of the last row shown: due date (null = undated, last), project key, task id. */
const cursorSchema = z
  .object({
    d: isoDate.nullable(),
    k: z.string().min(1).max(100),
    i: z.string().min(1).max(100),
  })
  .strict();
type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}

/** A cursor this server did not make (malformed, truncated, tampered) is a 400, never a 500. */
export function decodeCursor(value: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  const cursor = cursorSchema.safeParse(parsed);
  if (!cursor.success) {
    const message = "This page link is not valid any more: reload the list";
    throw badRequest(message, { cursor: message });
  }
  return cursor.data;
}

/** Rows after the cursor in the list's order: due date (undated last), project key, task id. */
function after(c: Cursor): SQL {
  return c.d === null
    ? sql`(v.due_date is null and (v.key, v.id) > (${c.k}, ${c.i}))`
    : sql`(v.due_date is null or (v.due_date, v.key, v.id) > (${c.d}, ${c.k}, ${c.i}))`;
}

// ------------------------------------------------------------------ the list

/**
 * My open tasks: every group's count, and one page of items (one group's, or across the groups
 * in their order), keyset-paged on (due date, project key, task id). Two statements whatever
 * the data: the counts, and the page chosen on narrow rows then read whole.
 */
export function myWork(db: Db, orgId: string, userId: string, input: Input): Output {
  const from = visible(orgId, userId);
  const weekEnd = endOfWeek(input.today);
  const counts = db.get<Output["counts"]>(sql`
    select
      coalesce(sum(case when v.due_date < ${input.today} then 1 else 0 end), 0) as overdue,
      coalesce(sum(case when v.due_date >= ${input.today} and v.due_date <= ${weekEnd}
        then 1 else 0 end), 0) as thisWeek,
      coalesce(sum(case when v.due_date > ${weekEnd} then 1 else 0 end), 0) as later,
      coalesce(sum(case when v.due_date is null then 1 else 0 end), 0) as noDate
    from (${from}) v`);

  const where: SQL[] = [sql`1 = 1`];
  if (input.group) where.push(inGroup(input.group, input.today));
  if (input.cursor) where.push(after(decodeCursor(input.cursor)));
  // Named apart from every table's columns: drizzle writes a CTE's raw fields unqualified.
  const page = db
    .$with("page", {
      taskId: sql<string>`page_task_id`.as("page_task_id"),
      role: sql<string | null>`page_role`.as("page_role"),
    })
    .as(
      sql`select v.id as page_task_id, v.role as page_role from (${from}) v
      where ${sql.join(where, sql` and `)}
      order by v.due_date is null, v.due_date, v.key, v.id
      limit ${input.limit + 1}`,
    );
  const rows = db
    .with(page)
    .select({
      row: task,
      role: page.role,
      assigneeName: user.name,
      projectKey: project.key,
      projectName: project.name,
    })
    .from(page)
    .innerJoin(task, eq(task.id, page.taskId))
    .innerJoin(project, eq(project.id, task.projectId))
    .leftJoin(user, eq(user.id, task.assigneeId))
    .orderBy(sql`${task.dueDate} is null`, asc(task.dueDate), asc(project.key), asc(task.id))
    .all();

  const more = rows.length > input.limit;
  const shown = more ? rows.slice(0, input.limit) : rows;
  const last = shown[shown.length - 1];
  return {
    counts: counts ?? { overdue: 0, thisWeek: 0, later: 0, noDate: 0 },
    items: shown.map((r) => {
      const letter = r.role === "ipm" ? r.row.raciIpm : r.role === "pm" ? r.row.raciPm : null;
      const reasons: MyWorkItem["reasons"] = [];
      if (r.row.assigneeId === userId) reasons.push("assignee");
      if (isResponsible(letter)) reasons.push("responsible");
      if (isAccountable(letter)) reasons.push("accountable");
      return {
        task: toTask(r.row, r.assigneeName),
        projectId: r.row.projectId,
        projectKey: r.projectKey,
        projectName: r.projectName,
        reasons,
      };
    }),
    nextCursor:
      more && last
        ? encodeCursor({ d: last.row.dueDate, k: last.projectKey, i: last.row.id })
        : null,
  };
}
