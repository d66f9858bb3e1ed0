import {
  and,
  type Db,
  eq,
  isNull,
  phase,
  project,
  projectMember,
  type SQL,
  sql,
  task,
} from "@rollout/db";
import {
  ftsAnd,
  ftsQuery,
  ftsTagQuery,
  type LessonKind,
  type LessonResult,
  type ProjectKind,
  type TaskCategory,
  taskCategories,
} from "@rollout/domain";
import { notFound } from "../../errors.ts";

interface ResultRow {
  id: string;
  kind: LessonKind;
  category: TaskCategory;
  summary: string;
  recommendation: string;
  tags: string;
  created_at: string;
  project_id: string;
  project_key: string;
  project_name: string;
  project_kind: ProjectKind;
}

const columns = sql.raw(`l.id, l.kind, l.category, l.summary, l.recommendation, l.tags,
  l.created_at, p.id as project_id, p.key as project_key, p.name as project_name,
  p.kind as project_kind`);

/**
 * The library reads each project's current revision only: a new revision copies its lessons,
 * and the signed one keeps its own (see `revisePir`), so a lesson is listed once.
 */
const current = sql.raw(`not exists (
  select 1 from pir mine join pir newer
    on newer.project_id = mine.project_id and newer.revision > mine.revision
  where mine.id = l.pir_id)`);

function toResult(r: ResultRow): LessonResult {
  return {
    id: r.id,
    kind: r.kind,
    category: r.category,
    summary: r.summary,
    recommendation: r.recommendation,
    tags: JSON.parse(r.tags) as string[],
    createdAt: r.created_at,
    project: { id: r.project_id, key: r.project_key, name: r.project_name, kind: r.project_kind },
  };
}

export interface LessonFilters {
  text: string;
  category?: TaskCategory | undefined;
  /** Already normalised (lower-case, hyphens). */
  tag?: string | undefined;
  kind?: ProjectKind | undefined;
  lessonKind?: LessonKind | undefined;
  /** Only lessons in these categories (a plan phase's). */
  categories?: readonly TaskCategory[] | undefined;
  /** Lessons of other projects only. */
  excludeProjectId?: string | undefined;
}

const none = { items: [] as LessonResult[], nextCursor: null };

/**
 * Lessons of the organisation matching the filters, newest first, or best match first when text
 * is given (FTS5 over what happened, the recommendation and the tags, with a query built from
 * the words typed: never the user's own syntax). A tag is found through the index too, then
 * checked exactly. The page is chosen on narrow rows first and only its rows are read whole
 * (sorting a thousand matches with their text costs more than finding them). One row more than
 * asked for tells whether another page follows.
 */
export function searchLessons(
  db: Db,
  orgId: string,
  filters: LessonFilters,
  page: { limit: number; offset: number },
) {
  const text = ftsQuery(filters.text);
  const tagQuery = filters.tag ? ftsTagQuery(filters.tag) : null;
  if (filters.tag && !tagQuery) return none;
  const match = ftsAnd(text, tagQuery);
  const where: SQL[] = [sql`l.organization_id = ${orgId}`, sql`l.deleted_at is null`, current];
  if (match) where.push(sql`lesson_fts match ${match}`);
  if (filters.category) where.push(sql`l.category = ${filters.category}`);
  if (filters.lessonKind) where.push(sql`l.kind = ${filters.lessonKind}`);
  if (filters.kind) {
    where.push(sql`(select kind from project where id = l.project_id) = ${filters.kind}`);
  }
  if (filters.tag) {
    where.push(sql`exists (select 1 from json_each(l.tags) t where t.value = ${filters.tag})`);
  }
  if (filters.categories) {
    const known = filters.categories.filter((c) => taskCategories.includes(c));
    if (known.length === 0) return none;
    where.push(
      sql`l.category in (${sql.join(
        known.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
  }
  if (filters.excludeProjectId) where.push(sql`l.project_id <> ${filters.excludeProjectId}`);
  const condition = sql.join(where, sql` and `);
  // Best match first only when words were typed (a tag alone ranks nothing).
  const ranked = text !== null;
  const pageRows = match
    ? sql`select l.seq as seq, l.created_at as created_at, ${ranked ? sql.raw("lesson_fts.rank") : sql.raw("0")} as score
        from lesson_fts join lesson l on l.seq = lesson_fts.rowid where ${condition}
        order by score, l.created_at desc, l.seq desc`
    : sql`select l.seq as seq, l.created_at as created_at, 0 as score
        from lesson l where ${condition}
        order by l.created_at desc, l.seq desc`;
  const rows = db.all<ResultRow>(sql`with page as (
      ${pageRows} limit ${page.limit + 1} offset ${page.offset}
    )
    select ${columns} from page
    join lesson l on l.seq = page.seq
    join project p on p.id = l.project_id
    order by page.score, page.created_at desc, page.seq desc`);
  const more = rows.length > page.limit;
  return {
    items: (more ? rows.slice(0, page.limit) : rows).map(toResult),
    nextCursor: more ? page.offset + page.limit : null,
  };
}

/** Lessons from earlier projects of a kind: shown when a new project of that kind is created. */
export function suggestLessons(db: Db, orgId: string, kind: ProjectKind, limit: number) {
  return searchLessons(db, orgId, { text: "", kind }, { limit, offset: 0 }).items;
}

/**
 * Lessons for a plan phase: those whose category is one of the phase's tasks' categories, from
 * the organisation's OTHER projects of the same kind. The caller must be able to see the
 * project (on it, or an owner/admin); otherwise it does not exist for them.
 */
export function lessonsForPhase(
  db: Db,
  org: { id: string; role: string },
  userId: string,
  input: { projectId: string; phaseId: string; limit: number },
) {
  const found = db
    .select({ kind: project.kind, memberRole: projectMember.role })
    .from(project)
    .leftJoin(
      projectMember,
      and(eq(projectMember.projectId, project.id), eq(projectMember.userId, userId)),
    )
    .where(and(eq(project.id, input.projectId), eq(project.organizationId, org.id)))
    .get();
  const admin = org.role === "owner" || org.role === "admin";
  if (!found || (!admin && !found.memberRole)) throw notFound("Project");
  const ph = db
    .select({ name: phase.name })
    .from(phase)
    .where(
      and(
        eq(phase.id, input.phaseId),
        eq(phase.projectId, input.projectId),
        isNull(phase.deletedAt),
      ),
    )
    .get();
  if (!ph) throw notFound("Phase");
  // A stakeholder of this project (on some other project's team) does not learn from internal tasks.
  const outside = !admin && found.memberRole === "stakeholder";
  const categories = db
    .selectDistinct({ category: task.category })
    .from(task)
    .where(
      and(
        eq(task.projectId, input.projectId),
        isNull(task.deletedAt),
        eq(task.phaseId, input.phaseId),
        outside ? eq(task.internalOnly, false) : undefined,
      ),
    )
    .all()
    .map((r) => r.category)
    .sort((a, b) => taskCategories.indexOf(a) - taskCategories.indexOf(b));
  const items =
    categories.length === 0
      ? []
      : searchLessons(
          db,
          org.id,
          { text: "", kind: found.kind, categories, excludeProjectId: input.projectId },
          { limit: input.limit, offset: 0 },
        ).items;
  return { phaseName: ph.name, categories, items };
}
