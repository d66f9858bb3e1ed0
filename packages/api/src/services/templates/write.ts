import { and, type Db, eq, isNull, newId, nowIso, type Tx, template, writeTx } from "@rollout/db";
import {
  isBuiltInTemplateId,
  type ProjectKind,
  type TemplateBody,
  templateProblems,
} from "@rollout/domain";
import { type Acting, audit } from "../../audit.ts";
import { badRequest, notFound, staleVersion } from "../../errors.ts";
import { loadOwnTemplate, resolveTemplate, type TemplateRow } from "./read.ts";

const readOnly = () =>
  badRequest(
    "Built-in templates cannot be changed: duplicate it into your organisation to edit the copy",
    {
      templateId: "Built-in templates are read-only",
    },
  );

/** What an audit row says about a body: its size, not its thousands of lines. */
function bodyFacts(body: TemplateBody) {
  return {
    phases: body.phases.length,
    tasks: body.tasks.length,
    milestones: body.milestones.length,
    dependencies: body.dependencies.length,
  };
}

/**
 * Refuses a body that breaks a rule, with every problem by path. The schema already checked it
 * on the way in; this guards bodies built on the server (a saved plan, a copy).
 */
export function checkBody(body: TemplateBody): void {
  const problems = templateProblems(body);
  if (problems.length === 0) return;
  const fields: Record<string, string> = {};
  for (const p of problems) fields[["body", ...p.path].join(".")] ??= p.message;
  throw badRequest(problems[0]?.message ?? "The template is not valid", fields);
}

export interface TemplateFields {
  name: string;
  description: string;
  kind: ProjectKind;
  body: TemplateBody;
}

/** Inserts a template of the acting organisation and its audit row (inside `tx`). */
export function insertTemplate(
  tx: Tx,
  acting: Acting,
  fields: TemplateFields,
  action: string,
  from?: Record<string, unknown>,
): TemplateRow {
  checkBody(fields.body);
  const now = nowIso();
  const row = {
    id: newId(),
    organizationId: acting.orgId,
    name: fields.name,
    description: fields.description,
    kind: fields.kind,
    body: fields.body,
    createdBy: acting.userId,
    createdAt: now,
    updatedAt: now,
  };
  tx.insert(template).values(row).run();
  audit(tx, acting, {
    entityType: "template",
    entityId: row.id,
    projectId: null,
    action,
    after: { name: row.name, kind: row.kind, ...bodyFacts(row.body), ...from },
  });
  return loadOwnTemplate(tx, acting.orgId, row.id);
}

export function createTemplate(db: Db, acting: Acting, fields: TemplateFields): TemplateRow {
  return writeTx(db, (tx) => insertTemplate(tx, acting, fields, "create"));
}

export function updateTemplate(
  db: Db,
  acting: Acting,
  input: { templateId: string; version: number; changes: Partial<TemplateFields> },
): TemplateRow {
  if (isBuiltInTemplateId(input.templateId)) throw readOnly();
  return writeTx(db, (tx) => {
    const current = loadOwnTemplate(tx, acting.orgId, input.templateId);
    if (current.version !== input.version) throw staleVersion("template");
    const { changes } = input;
    if (changes.body) checkBody(changes.body);
    const updatedAt = nowIso();
    const result = tx
      .update(template)
      .set({ ...changes, version: current.version + 1, updatedAt })
      .where(
        and(
          eq(template.id, current.id),
          eq(template.organizationId, acting.orgId),
          eq(template.version, input.version),
          isNull(template.deletedAt),
        ),
      )
      .run();
    if (result.changes === 0) throw staleVersion("template");
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const field of ["name", "description", "kind"] as const) {
      if (changes[field] !== undefined && changes[field] !== current[field]) {
        before[field] = current[field];
        after[field] = changes[field];
      }
    }
    if (changes.body) {
      before.body = bodyFacts(current.body);
      after.body = bodyFacts(changes.body);
    }
    audit(tx, acting, {
      entityType: "template",
      entityId: current.id,
      projectId: null,
      action: "update",
      before,
      after,
    });
    return loadOwnTemplate(tx, acting.orgId, current.id);
  });
}

/** Soft delete: the row stays (projects made from it keep nothing pointing at it anyway). */
export function deleteTemplate(
  db: Db,
  acting: Acting,
  input: { templateId: string; version: number },
): void {
  if (isBuiltInTemplateId(input.templateId)) throw readOnly();
  writeTx(db, (tx) => {
    const current = loadOwnTemplate(tx, acting.orgId, input.templateId);
    if (current.version !== input.version) throw staleVersion("template");
    const now = nowIso();
    const result = tx
      .update(template)
      .set({ deletedAt: now, updatedAt: now, version: current.version + 1 })
      .where(and(eq(template.id, current.id), eq(template.version, input.version)))
      .run();
    if (result.changes === 0) throw notFound("Template");
    audit(tx, acting, {
      entityType: "template",
      entityId: current.id,
      projectId: null,
      action: "delete",
      before: { name: current.name, kind: current.kind, ...bodyFacts(current.body) },
    });
  });
}

/** A copy of a built-in or own template as a new template of the organisation, to edit. */
export function duplicateTemplate(
  db: Db,
  acting: Acting,
  input: { templateId: string; name?: string | undefined },
): TemplateRow {
  return writeTx(db, (tx) => {
    const source = resolveTemplate(tx, acting.orgId, input.templateId);
    const name = input.name ?? `Copy of ${source.name}`.slice(0, 120);
    return insertTemplate(
      tx,
      acting,
      {
        name,
        description: source.description,
        kind: source.kind,
        body: structuredClone(source.body),
      },
      "duplicate",
      { from: source.id, fromName: source.name },
    );
  });
}
