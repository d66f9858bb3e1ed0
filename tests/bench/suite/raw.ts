/**
 * The hand-written side of the benchmark suite: for each operation, the SQL a careful engineer
 * would write straight on better-sqlite3 in the same process, fetching the same rows after the
 * same access checks, plus the unavoidable computation (the critical path). No caches: this is
 * the ceiling the issue measures us against.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "@rollout/db";
import {
  computeSchedule,
  expandTemplate,
  ftsQuery,
  type ScheduleLink,
  type TemplateBody,
} from "@rollout/domain";

type Params = unknown[];

/** Today + 6 days: the end of My work's "this week". */
function endOfWeek(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 6);
  return d.toISOString().slice(0, 10);
}
type RawRow = Record<string, unknown>;

export interface RawWho {
  orgId: string;
  userId: string;
}

export function rawQueries(db: Db, who: RawWho) {
  const sqlite = db.$client;
  const { orgId, userId } = who;
  const q = (sql: string) => sqlite.prepare(sql);

  // Who is asking: membership of the organisation, then the project with the caller's role.
  const member = q("select id, role from member where organization_id = ? and user_id = ?");
  const projectAccess = q(
    `select p.*, m.role as member_role from project p
     left join project_member m on m.project_id = p.id and m.user_id = ?
     where p.id = ? and p.organization_id = ?`,
  );
  const authorize = (projectId: string) => {
    member.get(orgId, userId);
    return projectAccess.get(userId, projectId, orgId) as RawRow;
  };

  // ── Portfolio: every live project's rows and critical path ─────────────────────────────────
  const projects = q(
    `select p.*, m.role from project p left join project_member m on m.project_id = p.id and m.user_id = ?
     where p.organization_id = ? and p.archived_at is null order by p.target_go_live, p.key`,
  );
  const orgTasks = q(
    `select t.project_id, t.id, t.parent_id, t.status, t.percent_complete, t.estimate_hours,
            t.actual_hours, t.start_date, t.due_date, t.duration, t.milestone_id
     from task t join project p on p.id = t.project_id
     where p.organization_id = ? and p.archived_at is null and t.deleted_at is null`,
  ).raw(true);
  const orgLinks = q(
    `select d.project_id, d.predecessor_id, d.successor_id, d.type, d.lag from dependency d
     join project p on p.id = d.project_id where p.organization_id = ? and p.archived_at is null`,
  ).raw(true);
  const orgMilestones = q(
    `select m.* from milestone m join project p on p.id = m.project_id
     where p.organization_id = ? and p.archived_at is null and m.deleted_at is null`,
  );
  const orgRisks = q(
    `select r.project_id, r.kind, r.number, r.title, r.probability, r.impact, r.polarity, r.severity, r.internal_only
     from raid_item r join project p on p.id = r.project_id
     where p.organization_id = ? and p.archived_at is null and r.deleted_at is null
       and r.status in ('open','mitigating','in_progress') and r.kind in ('risk','issue')`,
  );
  const orgLeads = q(
    `select m.project_id, m.role, u.name from project_member m join user u on u.id = m.user_id
     join project p on p.id = m.project_id where p.organization_id = ? and m.role in ('ipm','pm')`,
  );
  const holidays = q("select date from holiday where organization_id = ?");

  type TaskTuple = [
    string,
    string,
    string | null,
    string,
    number,
    number | null,
    number | null,
    string | null,
    string | null,
    number | null,
    string | null,
  ];
  type LinkTuple = [string, string, string, ScheduleLink["type"], number];
  const schedule = (tasks: readonly TaskTuple[], links: readonly LinkTuple[], start: string) =>
    computeSchedule(
      tasks.map((t) => ({
        id: t[1],
        duration: t[9],
        startDate: t[7],
        dueDate: t[8],
        pinned: (t[3] === "in_progress" || t[3] === "done") && t[7] !== null,
      })),
      links.map((l) => ({ predecessorId: l[1], successorId: l[2], type: l[3], lag: l[4] })),
      { projectStart: start },
    );

  function portfolio() {
    member.get(orgId, userId);
    const list = projects.all(userId, orgId) as Array<{ id: string; start_date: string }>;
    const tasksBy = new Map<string, TaskTuple[]>();
    for (const t of orgTasks.all(orgId) as TaskTuple[]) {
      const bucket = tasksBy.get(t[0]);
      if (bucket) bucket.push(t);
      else tasksBy.set(t[0], [t]);
    }
    const linksBy = new Map<string, LinkTuple[]>();
    for (const l of orgLinks.all(orgId) as LinkTuple[]) {
      const bucket = linksBy.get(l[0]);
      if (bucket) bucket.push(l);
      else linksBy.set(l[0], [l]);
    }
    orgMilestones.all(orgId);
    orgRisks.all(orgId);
    orgLeads.all(orgId);
    holidays.all(orgId);
    let critical = 0;
    for (const p of list) {
      critical += schedule(tasksBy.get(p.id) ?? [], linksBy.get(p.id) ?? [], p.start_date).tasks
        .size;
    }
    return { projects: list.length, critical };
  }

  // ── One project: its dashboard, plan, schedule, matrix ─────────────────────────────────────
  const projectTasks = q(
    `select t.project_id, t.id, t.parent_id, t.status, t.percent_complete, t.estimate_hours,
            t.actual_hours, t.start_date, t.due_date, t.duration, t.milestone_id, t.title, t.phase_id,
            t.internal_only, t.raci_ipm, t.raci_pm, t.raci_customer, t.raci_vendor, u.name
     from task t left join user u on u.id = t.assignee_id
     where t.project_id = ? and t.deleted_at is null`,
  ).raw(true);
  const projectLinks = q(
    "select project_id, predecessor_id, successor_id, type, lag from dependency where project_id = ?",
  ).raw(true);
  const projectMilestones = q(
    "select * from milestone where project_id = ? and deleted_at is null",
  );
  const projectRisks = q(
    `select kind, number, title, probability, impact, residual_probability, residual_impact, status, severity
     from raid_item where project_id = ? and deleted_at is null`,
  );
  const projectPeople = q(
    `select pm.user_id, u.name, pm.role from project_member pm join user u on u.id = pm.user_id
     where pm.project_id = ? order by u.name`,
  );
  const stakeholderCount = q(
    "select count(*) n from stakeholder where project_id = ? and deleted_at is null",
  );

  function projectDashboard(projectId: string) {
    const p = authorize(projectId);
    const tasks = projectTasks.all(projectId) as TaskTuple[];
    const result = schedule(
      tasks,
      projectLinks.all(projectId) as LinkTuple[],
      String(p.start_date),
    );
    holidays.all(orgId);
    projectMilestones.all(projectId);
    projectRisks.all(projectId);
    projectPeople.all(projectId);
    stakeholderCount.get(projectId);
    let done = 0;
    for (const t of tasks) if (t[3] === "done") done++;
    return { done, finish: result.finish };
  }

  const planPhases = q(
    "select id, name, sort_order, version from phase where project_id = ? and deleted_at is null order by sort_order",
  );
  const planTasks = q(
    `select t.*, u.name as assignee_name from task t left join user u on u.id = t.assignee_id
     where t.project_id = ? and t.deleted_at is null order by t.phase_id, t.sort_order`,
  );
  const planLinks = q(
    `select d.id, d.predecessor_id, d.successor_id, d.type, d.lag, d.version from dependency d
     join task p on p.id = d.predecessor_id and p.deleted_at is null
     join task s on s.id = d.successor_id and s.deleted_at is null
     where d.project_id = ?`,
  );
  function plan(projectId: string) {
    authorize(projectId);
    return {
      phases: planPhases.all(projectId),
      tasks: planTasks.all(projectId) as RawRow[],
      dependencies: planLinks.all(projectId),
      people: projectPeople.all(projectId),
    };
  }

  /**
   * The matrix page: each task's row (title, phase, parent, order, status, the four letters) and
   * the phases and people, then each phase's count of R and A per party and the hand-offs.
   */
  const matrixRows = q(
    `select t.id, t.phase_id, t.raci_ipm, t.raci_pm, t.raci_customer, t.raci_vendor, t.parent_id,
            t.title, t.sort_order, t.status, t.category, t.internal_only, t.version
     from task t where t.project_id = ? and t.deleted_at is null order by t.phase_id, t.sort_order`,
  ).raw(true);
  function matrix(projectId: string) {
    authorize(projectId);
    planPhases.all(projectId);
    projectPeople.all(projectId);
    const byPhase = new Map<string, number[]>();
    let handOffs = 0;
    for (const row of matrixRows.all(projectId) as Array<(string | null)[]>) {
      const counts = byPhase.get(row[1] as string) ?? new Array(8).fill(0);
      let r = -1;
      let a = -1;
      for (let party = 0; party < 4; party++) {
        const letter = row[party + 2];
        if (letter === "R" || letter === "AR") {
          counts[party * 2] += 1;
          r = party;
        }
        if (letter === "A" || letter === "AR") {
          counts[party * 2 + 1] += 1;
          a = party;
        }
      }
      if (r >= 0 && a >= 0 && r !== a) handOffs++;
      byPhase.set(row[1] as string, counts);
    }
    return { phases: byPhase.size, handOffs };
  }

  const scheduleTasks = q(
    `select project_id, id, parent_id, status, percent_complete, estimate_hours, actual_hours,
            start_date, due_date, duration, milestone_id
     from task where project_id = ? and deleted_at is null`,
  ).raw(true);
  function criticalPath(projectId: string) {
    const p = authorize(projectId);
    holidays.all(orgId);
    projectMilestones.all(projectId);
    return schedule(
      scheduleTasks.all(projectId) as TaskTuple[],
      projectLinks.all(projectId) as LinkTuple[],
      String(p.start_date),
    );
  }

  // ── RAID register + heat map, stakeholder grid ─────────────────────────────────────────────
  const thresholds = q(
    "select risk_medium, risk_high, risk_critical from organization where id = ?",
  );
  const raidItems = q(
    `select i.*, u.name as owner_user_name, s.name as owner_stakeholder_name,
            f.kind as from_kind, f.number as from_number, t.kind as to_kind, t.number as to_number
     from raid_item i
     left join user u on u.id = i.owner_user_id
     left join stakeholder s on s.id = i.owner_stakeholder_id and s.deleted_at is null
     left join raid_item f on f.id = i.converted_from_id and f.deleted_at is null
     left join raid_item t on t.id = i.converted_to_id and t.deleted_at is null
     where i.project_id = ? and i.deleted_at is null order by i.kind, i.number`,
  );
  const raidTaskLinks = q(
    `select l.raid_item_id, l.task_id from raid_task_link l join raid_item i on i.id = l.raid_item_id
     join task t on t.id = l.task_id where i.project_id = ? and t.deleted_at is null`,
  );
  const raidMilestoneLinks = q(
    `select l.raid_item_id, l.milestone_id from raid_milestone_link l join raid_item i on i.id = l.raid_item_id
     join milestone m on m.id = l.milestone_id where i.project_id = ? and m.deleted_at is null`,
  );
  const heat = q(
    `select probability, impact, residual_probability, residual_impact, count(*) as n from raid_item
     where project_id = ? and deleted_at is null and kind = 'risk' and status in ('open', 'mitigating')
     group by probability, impact, residual_probability, residual_impact`,
  );
  function raid(projectId: string) {
    authorize(projectId);
    thresholds.get(orgId);
    const items = raidItems.all(projectId);
    raidTaskLinks.all(projectId);
    raidMilestoneLinks.all(projectId);
    authorize(projectId);
    thresholds.get(orgId);
    heat.all(projectId);
    return items.length;
  }

  const stakeholders = q(
    `select s.*, u.name as user_name, u.email as user_email,
       (select count(*) from raid_item r where r.owner_stakeholder_id = s.id and r.deleted_at is null
          and r.status in ('open', 'mitigating', 'in_progress', 'at_risk', 'proposed')) as open_items
     from stakeholder s left join user u on u.id = s.user_id
     where s.project_id = ? and s.deleted_at is null order by s.name, s.id`,
  );
  function stakeholderGrid(projectId: string) {
    authorize(projectId);
    return stakeholders.all(projectId).length;
  }

  // ── Lessons: one page of a ranked full-text search ─────────────────────────────────────────
  const team = q(
    `select m.id from project_member m join project p on p.id = m.project_id
     where m.user_id = ? and p.organization_id = ? and m.role in ('pm', 'ipm', 'contributor') limit 1`,
  );
  const lessonPage = q(
    `with page as (
       select l.seq, l.created_at, lesson_fts.rank as score
       from lesson_fts join lesson l on l.seq = lesson_fts.rowid
       where lesson_fts match ? and l.organization_id = ? and l.deleted_at is null
         and not exists (select 1 from pir mine join pir newer
           on newer.project_id = mine.project_id and newer.revision > mine.revision where mine.id = l.pir_id)
       order by score, l.created_at desc, l.seq desc limit 21 offset 0)
     select l.id, l.kind, l.category, l.summary, l.recommendation, l.tags, l.created_at,
            p.id as project_id, p.key as project_key, p.name as project_name, p.kind as project_kind
     from page join lesson l on l.seq = page.seq join project p on p.id = l.project_id
     order by page.score, page.created_at desc, page.seq desc`,
  );
  function lessons(text: string) {
    member.get(orgId, userId);
    team.get(userId, orgId);
    return (lessonPage.all(ftsQuery(text), orgId) as Array<{ tags: string }>).map((r) => ({
      ...r,
      tags: JSON.parse(r.tags) as string[],
    }));
  }

  // ── My work: the first page of my open tasks, and each group's count ──────────────────────
  const myWorkWhere = `p.organization_id = ? and p.archived_at is null and t.deleted_at is null
       and t.status not in ('done', 'cancelled')
       and (m.role <> 'stakeholder' or m.role is null or t.internal_only = 0)
       and (t.assignee_id = ? or (m.role = 'ipm' and t.raci_ipm in ('R','A','AR'))
                            or (m.role = 'pm' and t.raci_pm in ('R','A','AR')))`;
  const myWorkFrom = `from task t join project p on p.id = t.project_id
     left join project_member m on m.project_id = t.project_id and m.user_id = ?`;
  const myWorkCounts = q(
    `select sum(t.due_date < ?) overdue, sum(t.due_date >= ? and t.due_date <= ?) this_week,
            sum(t.due_date > ?) later, sum(t.due_date is null) no_date
     ${myWorkFrom} where ${myWorkWhere}`,
  );
  const myWorkPage = q(
    `select t.*, u.name as assignee_name, p.key as project_key, p.name as project_name, m.role as role
     ${myWorkFrom} left join user u on u.id = t.assignee_id
     where ${myWorkWhere} and t.due_date < ?
     order by t.due_date, p.key, t.id limit ?`,
  );
  function myWork(today: string, limit: number) {
    member.get(orgId, userId);
    const week = endOfWeek(today);
    const counts = myWorkCounts.get(today, today, week, week, userId, orgId, userId);
    const items = myWorkPage.all(userId, orgId, userId, today, limit) as RawRow[];
    return { counts, items };
  }

  // ── Writes: the row and its audit row in one transaction, the version checked ─────────────
  const insertAudit = q(
    `insert into audit_log (id, organization_id, project_id, actor_user_id, entity_type, entity_id, action, before, after, request_id, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const audit = (
    projectId: string,
    type: string,
    id: string,
    action: string,
    before: unknown,
    after: unknown,
  ) =>
    insertAudit.run(
      randomUUID(),
      orgId,
      projectId,
      userId,
      type,
      id,
      action,
      before === null ? null : JSON.stringify(before),
      JSON.stringify(after),
      "bench",
      new Date().toISOString(),
    );
  const lastSort = q(
    "select max(sort_order) s from task where project_id = ? and deleted_at is null and phase_id = ?",
  );
  const insertTask = q(
    `insert into task (id, project_id, phase_id, title, category, sort_order, raci_ipm, raci_pm, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const createTask = sqlite.transaction((projectId: string, phaseId: string, title: string) => {
    authorize(projectId);
    const now = new Date().toISOString();
    const id = randomUUID();
    const sort = ((lastSort.get(projectId, phaseId) as { s: number | null }).s ?? 0) + 1;
    insertTask.run(id, projectId, phaseId, title, "configuration", sort, "R", "A", now, now);
    audit(projectId, "task", id, "create", null, { title, phaseId });
    return id;
  });

  const readTask = q("select * from task where id = ? and project_id = ? and deleted_at is null");
  const updateTaskRow = q(
    "update task set percent_complete = ?, version = version + 1, updated_at = ? where id = ? and version = ?",
  );
  const updateTask = sqlite.transaction(
    (projectId: string, taskId: string, version: number, percent: number) => {
      authorize(projectId);
      const before = readTask.get(taskId, projectId) as RawRow;
      const changed = updateTaskRow.run(percent, new Date().toISOString(), taskId, version).changes;
      if (changed !== 1) throw new Error("conflict");
      audit(
        projectId,
        "task",
        taskId,
        "update",
        { percentComplete: before.percent_complete },
        { percentComplete: percent },
      );
    },
  );

  const bulkRow = q(
    "update task set raci_ipm = ?, raci_pm = ?, version = version + 1, updated_at = ? where id = ? and project_id = ? and version = ? and deleted_at is null",
  );
  const bulkUpdate = sqlite.transaction(
    (projectId: string, refs: Array<{ id: string; version: number }>, ipm: string, pm: string) => {
      authorize(projectId);
      const now = new Date().toISOString();
      for (const ref of refs) {
        if (bulkRow.run(ipm, pm, now, ref.id, projectId, ref.version).changes !== 1)
          throw new Error("conflict");
        audit(projectId, "task", ref.id, "update", null, { responsibilities: { ipm, pm } });
      }
    },
  );

  const insertProject = q(
    `insert into project (id, organization_id, key, name, customer, kind, stage, status, start_date, target_go_live, planned_budget, currency, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertMember = q(
    "insert into project_member (id, project_id, user_id, role, created_at, updated_at) values (?, ?, ?, ?, ?, ?)",
  );
  const insertPhase = q(
    "insert into phase (id, project_id, name, sort_order, created_at, updated_at) values (?, ?, ?, ?, ?, ?)",
  );
  const insertMilestone = q(
    `insert into milestone (id, project_id, name, baseline_date, is_gate, is_go_live, sort_order, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCriterion = q(
    "insert into gate_criterion (id, milestone_id, item, sort_order, created_at, updated_at) values (?, ?, ?, ?, ?, ?)",
  );
  const insertFullTask = q(
    `insert into task (id, project_id, phase_id, parent_id, title, description, category, start_date, due_date, duration,
       estimate_hours, milestone_id, internal_only, sort_order, raci_ipm, raci_pm, raci_customer, raci_vendor, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLink = q(
    `insert into dependency (id, project_id, predecessor_id, successor_id, type, lag, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const holidayDates = q("select date from holiday where organization_id = ?").pluck();
  const createFromTemplate = sqlite.transaction(
    (key: string, body: TemplateBody, startDate: string) => {
      member.get(orgId, userId);
      const plan = expandTemplate(body, {
        startDate,
        holidays: holidayDates.all(orgId) as string[],
      });
      const now = new Date().toISOString();
      const projectId = randomUUID();
      const ids = new Map<string, string>();
      const idOf = (k: string) => {
        let id = ids.get(k);
        if (!id) {
          id = randomUUID();
          ids.set(k, id);
        }
        return id;
      };
      insertProject.run(
        projectId,
        orgId,
        key,
        `Bench ${key}`,
        "Bench Corp",
        "software",
        "planning",
        "active",
        startDate,
        plan.goLive ?? plan.finish ?? startDate,
        0,
        "EUR",
        now,
        now,
      );
      insertMember.run(randomUUID(), projectId, userId, "pm", now, now);
      for (const [i, ph] of plan.phases.entries())
        insertPhase.run(idOf(ph.key), projectId, ph.name, i + 1, now, now);
      for (const [i, m] of plan.milestones.entries()) {
        insertMilestone.run(
          idOf(m.key),
          projectId,
          m.name,
          m.baselineDate,
          m.isGate || m.isGoLive ? 1 : 0,
          m.isGoLive ? 1 : 0,
          i + 1,
          now,
          now,
        );
        for (const [j, item] of m.criteria.entries())
          insertCriterion.run(randomUUID(), idOf(m.key), item, j + 1, now, now);
      }
      const ordered = [
        ...plan.tasks.filter((t) => t.parentKey === null),
        ...plan.tasks.filter((t) => t.parentKey !== null),
      ];
      for (const [i, t] of ordered.entries()) {
        insertFullTask.run(
          idOf(t.key),
          projectId,
          idOf(t.phaseKey),
          t.parentKey ? idOf(t.parentKey) : null,
          t.title,
          t.description,
          t.category,
          t.startDate,
          t.dueDate,
          t.duration,
          t.estimateHours,
          t.milestoneKey ? idOf(t.milestoneKey) : null,
          t.internalOnly ? 1 : 0,
          i + 1,
          t.raci.ipm ?? null,
          t.raci.pm ?? null,
          t.raci.customer ?? null,
          t.raci.vendor ?? null,
          now,
          now,
        );
      }
      for (const d of plan.dependencies)
        insertLink.run(
          randomUUID(),
          projectId,
          idOf(d.predecessorKey),
          idOf(d.successorKey),
          d.type,
          d.lag,
          now,
          now,
        );
      audit(projectId, "project", projectId, "create", null, { key });
      audit(projectId, "project_member", projectId, "create", null, { role: "pm" });
      audit(projectId, "plan", projectId, "create_from_template", null, {
        tasks: plan.tasks.length,
      });
      return projectId;
    },
  );

  return {
    portfolio,
    projectDashboard,
    plan,
    matrix,
    criticalPath,
    raid,
    stakeholderGrid,
    lessons,
    myWork,
    createTask: (projectId: string, phaseId: string, title: string) =>
      createTask(projectId, phaseId, title),
    updateTask: (projectId: string, taskId: string, version: number, percent: number) =>
      updateTask(projectId, taskId, version, percent),
    bulkUpdate: (
      projectId: string,
      refs: Array<{ id: string; version: number }>,
      ipm: string,
      pm: string,
    ) => bulkUpdate(projectId, refs, ipm, pm),
    createFromTemplate: (key: string, body: TemplateBody, startDate: string) =>
      createFromTemplate(key, body, startDate),
  };
}

export type { Params };
