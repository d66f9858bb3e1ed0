import { and, asc, type Db, eq, holiday, isNull, type Queryable, template } from "@rollout/db";
import {
  builtInTemplate,
  builtInTemplates,
  isBuiltInTemplateId,
  type OrgRole,
  orgAllows,
  type ProjectKind,
  type TemplateBody,
  type TemplateSummaryItem,
  type TemplateView,
} from "@rollout/domain";
import { notFound } from "../../errors.ts";

export type TemplateRow = typeof template.$inferSelect;

/** A template whichever its origin: the organisation's own row, or a built-in from code. */
export interface ResolvedTemplate {
  id: string;
  name: string;
  description: string;
  kind: ProjectKind;
  builtIn: boolean;
  body: TemplateBody;
  version: number | null;
  updatedAt: string | null;
}

export function summarize(t: ResolvedTemplate): TemplateSummaryItem {
  let durationDays = 0;
  for (const task of t.body.tasks) {
    durationDays = Math.max(durationDays, task.startOffset + task.duration);
  }
  let goLiveOffset: number | null = null;
  for (const m of t.body.milestones) {
    if (m.isGoLive) goLiveOffset = Math.max(goLiveOffset ?? 0, m.offset);
  }
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    kind: t.kind,
    builtIn: t.builtIn,
    phaseCount: t.body.phases.length,
    taskCount: t.body.tasks.length,
    milestoneCount: t.body.milestones.length,
    dependencyCount: t.body.dependencies.length,
    durationDays,
    goLiveOffset,
    version: t.version,
    updatedAt: t.updatedAt,
  };
}

function fromRow(row: TemplateRow): ResolvedTemplate {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind,
    builtIn: false,
    body: row.body,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

/** A live template of the organisation; another organisation's, or a deleted one, is NOT_FOUND. */
export function loadOwnTemplate(tx: Queryable, orgId: string, templateId: string): TemplateRow {
  const row = tx
    .select()
    .from(template)
    .where(
      and(
        eq(template.id, templateId),
        eq(template.organizationId, orgId),
        isNull(template.deletedAt),
      ),
    )
    .get();
  if (!row) throw notFound("Template");
  return row;
}

/** A built-in by its id, or the organisation's own template. */
export function resolveTemplate(
  tx: Queryable,
  orgId: string,
  templateId: string,
): ResolvedTemplate {
  if (isBuiltInTemplateId(templateId)) {
    const found = builtInTemplate(templateId);
    if (!found) throw notFound("Template");
    return { ...found, version: null, updatedAt: null };
  }
  return fromRow(loadOwnTemplate(tx, orgId, templateId));
}

/** The built-ins first (in their fixed order), then the organisation's own by name. */
export function listTemplates(db: Db, orgId: string): TemplateSummaryItem[] {
  const own = db
    .select()
    .from(template)
    .where(and(eq(template.organizationId, orgId), isNull(template.deletedAt)))
    .orderBy(asc(template.name), asc(template.createdAt))
    .all();
  return [
    ...builtInTemplates.map((t) => summarize({ ...t, version: null, updatedAt: null })),
    ...own.map((row) => summarize(fromRow(row))),
  ];
}

export function getTemplate(
  db: Db,
  org: { id: string; role: OrgRole },
  templateId: string,
): TemplateView {
  const t = resolveTemplate(db, org.id, templateId);
  return {
    ...summarize(t),
    body: t.body,
    canEdit: !t.builtIn && orgAllows("template.manage", org.role),
  };
}

/** The organisation's holidays: the non-working days a template's offsets skip. */
export function orgHolidays(tx: Queryable, orgId: string): string[] {
  return tx
    .select({ date: holiday.date })
    .from(holiday)
    .where(eq(holiday.organizationId, orgId))
    .all()
    .map((h) => h.date);
}
