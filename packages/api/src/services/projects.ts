import {
  and,
  asc,
  baseline,
  type Db,
  eq,
  inArray,
  isNull,
  newId,
  nowIso,
  project,
  projectMember,
  type Tx,
  user,
  writeTx,
} from "@rollout/db";
import {
  type Project,
  type ProjectAccessRole,
  type ProjectFields,
  type ProjectListItem,
  type ProjectRole,
  projectAllows,
  type Rag,
  stageIndex,
} from "@rollout/domain";
import { type Acting, audit, changedFields } from "../audit.ts";
import { mapUnique, staleVersion } from "../errors.ts";
import type { ProjectRow } from "../trpc.ts";
import { saveBaseline } from "./schedule/baselines.ts";

const keyTaken = (key: string) =>
  `Another project in this organisation already uses the key ${key}`;

function fieldsOf(row: ProjectRow): ProjectFields {
  return {
    key: row.key,
    name: row.name,
    customer: row.customer,
    kind: row.kind,
    stage: row.stage,
    status: row.status,
    startDate: row.startDate,
    targetGoLive: row.targetGoLive,
    actualGoLive: row.actualGoLive,
    plannedBudget: row.plannedBudget,
    actualCost: row.actualCost,
    currency: row.currency,
    objectives: row.objectives,
  };
}

export function toProjectOutput(
  db: Db,
  row: ProjectRow,
  role: ProjectAccessRole,
  memberRole: ProjectRole | null,
): Project {
  let healthOverride: Project["healthOverride"] = null;
  if (row.healthOverrideRag && row.healthOverrideBy && row.healthOverrideAt) {
    const by = db
      .select({ name: user.name })
      .from(user)
      .where(eq(user.id, row.healthOverrideBy))
      .get();
    healthOverride = {
      rag: row.healthOverrideRag,
      reason: row.healthOverrideReason ?? "",
      byUserId: row.healthOverrideBy,
      byName: by?.name ?? "someone",
      at: row.healthOverrideAt,
      expiresOn: row.healthOverrideExpiresOn,
    };
  }
  return {
    id: row.id,
    ...fieldsOf(row),
    healthOverride,
    archivedAt: row.archivedAt,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    myRole: role,
    projectRole: memberRole,
    canEdit: projectAllows("project.update", role),
  };
}

/**
 * The projects the caller can see: all of them for organisation owners and admins, else the
 * ones they are a member of. The IPM and PM names come in one more query, not one per project.
 */
export function listProjects(
  db: Db,
  org: { id: string; role: "owner" | "admin" | "member" },
  userId: string,
  includeArchived: boolean,
): ProjectListItem[] {
  return toListItems(db, org, visibleProjects(db, org, userId, includeArchived));
}

export type VisibleProject = { project: ProjectRow; myRole: ProjectRole | null };

/** The projects someone may see: all of the organisation's for owners and admins, else theirs. */
export function visibleProjects(
  db: Db,
  org: { id: string; role: "owner" | "admin" | "member" },
  userId: string,
  includeArchived: boolean,
): VisibleProject[] {
  const orgWide = org.role === "owner" || org.role === "admin";
  const conditions = [eq(project.organizationId, org.id)];
  if (!includeArchived) conditions.push(isNull(project.archivedAt));
  return db
    .select({ project, myRole: projectMember.role })
    .from(project)
    .leftJoin(
      projectMember,
      and(eq(projectMember.projectId, project.id), eq(projectMember.userId, userId)),
    )
    .where(and(...conditions))
    .orderBy(asc(project.targetGoLive), asc(project.key))
    .all()
    .filter((r) => orgWide || r.myRole !== null);
}

/** Rows as list items, with the IPM and PM names in one more query (not one per project). */
export function toListItems(
  db: Db,
  org: { role: "owner" | "admin" | "member" },
  rows: readonly VisibleProject[],
): ProjectListItem[] {
  const orgWide = org.role === "owner" || org.role === "admin";
  const ids = rows.map((r) => r.project.id);
  const leads = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500);
    const found = db
      .select({ projectId: projectMember.projectId, role: projectMember.role, name: user.name })
      .from(projectMember)
      .innerJoin(user, eq(user.id, projectMember.userId))
      .where(
        and(inArray(projectMember.projectId, slice), inArray(projectMember.role, ["ipm", "pm"])),
      )
      .orderBy(asc(projectMember.createdAt))
      .all();
    for (const l of found) {
      const key = `${l.projectId}:${l.role}`;
      if (!leads.has(key)) leads.set(key, l.name);
    }
  }
  const leadName = (projectId: string, role: ProjectRole) =>
    leads.get(`${projectId}:${role}`) ?? null;
  return rows.map(({ project: p, myRole }) => ({
    id: p.id,
    key: p.key,
    name: p.name,
    customer: p.customer,
    kind: p.kind,
    stage: p.stage,
    status: p.status,
    startDate: p.startDate,
    targetGoLive: p.targetGoLive,
    actualGoLive: p.actualGoLive,
    archivedAt: p.archivedAt,
    healthOverride: p.healthOverrideRag,
    myRole: orgWide ? "admin" : (myRole as ProjectRole),
    projectRole: myRole,
    ipmName: leadName(p.id, "ipm"),
    pmName: leadName(p.id, "pm"),
    updatedAt: p.updatedAt,
  }));
}

export function createProject(
  db: Db,
  acting: Acting,
  input: ProjectFields & { creatorRole: "pm" | "ipm" },
): ProjectRow {
  return writeTx(db, (tx) => {
    const now = nowIso();
    const { creatorRole, ...fields } = input;
    const row = {
      id: newId(),
      organizationId: acting.orgId,
      ...fields,
      createdAt: now,
      updatedAt: now,
    };
    mapUnique(
      () => tx.insert(project).values(row).run(),
      "project.organization_id, project.key",
      "key",
      keyTaken(input.key),
    );
    const creator = {
      id: newId(),
      projectId: row.id,
      userId: acting.userId,
      role: creatorRole,
      createdAt: now,
      updatedAt: now,
    };
    tx.insert(projectMember).values(creator).run();
    audit(tx, acting, {
      entityType: "project",
      entityId: row.id,
      projectId: row.id,
      action: "create",
      after: fields,
    });
    audit(tx, acting, {
      entityType: "project_member",
      entityId: creator.id,
      projectId: row.id,
      action: "create",
      after: { userId: acting.userId, role: creatorRole },
    });
    const created = tx.select().from(project).where(eq(project.id, row.id)).get();
    if (!created) throw new Error("project vanished after insert");
    return created;
  });
}

/** Applies a versioned change to a project row; a stale version writes nothing. */
function versionedUpdate(
  db: Db,
  acting: Acting,
  current: ProjectRow,
  expectedVersion: number,
  changes: Partial<ProjectRow>,
  action: string,
  afterWrite?: (tx: Tx, before: ProjectRow, after: ProjectRow) => void,
): ProjectRow {
  return writeTx(db, (tx) => {
    const updatedAt = nowIso();
    const result = mapUnique(
      () =>
        tx
          .update(project)
          .set({ ...changes, version: expectedVersion + 1, updatedAt })
          .where(
            and(
              eq(project.id, current.id),
              eq(project.organizationId, acting.orgId),
              eq(project.version, expectedVersion),
            ),
          )
          .run(),
      "project.organization_id, project.key",
      "key",
      keyTaken(String(changes.key)),
    );
    if (result.changes === 0) throw staleVersion("project");
    const after = tx.select().from(project).where(eq(project.id, current.id)).get();
    if (!after) throw staleVersion("project");
    const diff = changedFields(
      current as Record<string, unknown>,
      after as Record<string, unknown>,
    );
    audit(tx, acting, {
      entityType: "project",
      entityId: current.id,
      projectId: current.id,
      action,
      before: diff?.before ?? {},
      after: diff?.after ?? {},
    });
    afterWrite?.(tx, current, after);
    return after;
  });
}

export function updateProject(
  db: Db,
  acting: Acting,
  current: ProjectRow,
  input: ProjectFields & { version: number },
): ProjectRow {
  const { version, ...fields } = input;
  return versionedUpdate(db, acting, current, version, fields, "update", (tx, before, after) => {
    // The first baseline is taken when a project leaves planning.
    const wasPlanning = stageIndex(before.stage) <= stageIndex("planning");
    if (wasPlanning && stageIndex(after.stage) > stageIndex("planning")) {
      const existing = tx
        .select({ id: baseline.id })
        .from(baseline)
        .where(eq(baseline.projectId, after.id))
        .get();
      if (!existing) saveBaseline(tx, acting, after.id, "Plan at end of planning");
    }
  });
}

export function setArchived(
  db: Db,
  acting: Acting,
  current: ProjectRow,
  input: { version: number; archived: boolean },
): ProjectRow {
  return versionedUpdate(
    db,
    acting,
    current,
    input.version,
    { archivedAt: input.archived ? nowIso() : null },
    input.archived ? "archive" : "unarchive",
  );
}

export function setHealthOverride(
  db: Db,
  acting: Acting,
  current: ProjectRow,
  input: {
    version: number;
    override: { rag: Rag; reason: string; expiresOn: string | null } | null;
  },
): ProjectRow {
  const o = input.override;
  return versionedUpdate(
    db,
    acting,
    current,
    input.version,
    {
      healthOverrideRag: o?.rag ?? null,
      healthOverrideReason: o?.reason ?? null,
      healthOverrideBy: o ? acting.userId : null,
      healthOverrideAt: o ? nowIso() : null,
      healthOverrideExpiresOn: o?.expiresOn ?? null,
    },
    o ? "override_health" : "clear_health_override",
  );
}
