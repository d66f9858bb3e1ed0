import { and, eq, inArray, member, project, projectMember, sql } from "@rollout/db";
import {
  type Access,
  id as idSchema,
  isPermission,
  type OrgPermission,
  type OrgRole,
  orgAllows,
  type Permission,
  type ProjectAccessRole,
  type ProjectPermission,
  permissions,
  projectAccessRole,
  projectAllows,
  teamOnly,
  type UserPermission,
} from "@rollout/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import * as z from "zod";
import type { Actor, Context } from "./context.ts";
import { FieldErrors, forbidden, notFound } from "./errors.ts";
import { prepared } from "./services/prepared.ts";

export interface Meta {
  /** What the caller must be allowed to do. A procedure without one is refused to everybody. */
  permission?: Permission;
}

function fieldErrorsOf(cause: unknown): Record<string, string> | null {
  if (cause instanceof FieldErrors) return cause.fieldErrors;
  if (cause instanceof z.ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of cause.issues) {
      const key = issue.path.map(String).join(".") || "_";
      fields[key] ??= issue.message;
    }
    return fields;
  }
  return null;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    // Stacks and driver messages stay in the logs; the client gets a code, a plain message,
    // the request id to quote, and the messages for each field it got wrong.
    errorFormatter({ shape, error, ctx }) {
      const fieldErrors = fieldErrorsOf(error.cause);
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      const production = ctx?.isProduction ?? true;
      let message = shape.message;
      if (error.cause instanceof z.ZodError) {
        message = error.cause.issues[0]?.message ?? "Invalid input";
      } else if (internal && production) {
        message = "Something went wrong on our side. It has been logged.";
      }
      return {
        code: shape.code,
        message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          requestId: ctx?.requestId ?? null,
          fieldErrors,
          ...(production ? {} : { stack: shape.data.stack }),
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Deny by default: a procedure must declare a known permission, else nobody may call it. */
const declared = t.procedure.use(async ({ meta, next, ctx, path, type }) => {
  if (!isPermission(meta?.permission)) {
    ctx.log.error({ path }, "procedure has no permission declared; refusing");
    throw forbidden();
  }
  const result = await next();
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") {
    ctx.log.error({ err: result.error.cause ?? result.error, path, type }, "procedure failed");
  }
  return result;
});

function checkScope(permission: Permission, scope: Access["scope"]) {
  if (permissions[permission].scope !== scope) {
    throw new Error(`permission ${permission} is not of scope ${scope}`);
  }
}

export function publicProcedure(permission: Permission) {
  checkScope(permission, "public");
  return declared.meta({ permission });
}

const signedIn = declared.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in" });
  return next({ ctx: { actor: ctx.actor } });
});

export function userProcedure(permission: UserPermission) {
  checkScope(permission, "user");
  return signedIn.meta({ permission });
}

export interface OrgAccess {
  id: string;
  role: OrgRole;
  memberId: string;
}

function loadMembership(ctx: Context, actor: Actor): OrgAccess {
  if (!actor.activeOrgId) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: "Choose or create an organisation first",
    });
  }
  // Every call runs this: the statement is built once per connection.
  const row = prepared(ctx.db, "trpc.membership", () =>
    ctx.db
      .select({ id: member.id, role: member.role })
      .from(member)
      .where(
        and(
          eq(member.organizationId, sql.placeholder("orgId")),
          eq(member.userId, sql.placeholder("userId")),
        ),
      )
      .prepare(),
  ).get({ orgId: actor.activeOrgId, userId: actor.userId });
  // Removed from the organisation: every request in it stops working at once.
  if (!row) throw forbidden("You are not a member of this organisation");
  return { id: actor.activeOrgId, role: row.role, memberId: row.id };
}

const inOrg = signedIn.use(({ ctx, next }) => {
  return next({ ctx: { org: loadMembership(ctx, ctx.actor) } });
});

export function orgProcedure(permission: OrgPermission) {
  checkScope(permission, "org");
  const team = teamOnly(permission);
  return inOrg.meta({ permission }).use(({ ctx, next }) => {
    if (!orgAllows(permission, ctx.org.role)) throw forbidden();
    if (team && ctx.org.role === "member" && !onSomeTeam(ctx.db, ctx.org.id, ctx.actor.userId)) {
      throw forbidden("This is for project teams");
    }
    return next();
  });
}

/** Whether someone is a pm, ipm or contributor on any project of the organisation. */
function onSomeTeam(db: Context["db"], orgId: string, userId: string): boolean {
  const query = prepared(db, "trpc.onSomeTeam", () =>
    db
      .select({ id: projectMember.id })
      .from(projectMember)
      .innerJoin(project, eq(project.id, projectMember.projectId))
      .where(
        and(
          eq(projectMember.userId, sql.placeholder("userId")),
          eq(project.organizationId, sql.placeholder("orgId")),
          inArray(projectMember.role, ["pm", "ipm", "contributor"]),
        ),
      )
      .limit(1)
      .prepare(),
  );
  return query.get({ userId, orgId }) !== undefined;
}

export type ProjectRow = typeof project.$inferSelect;

/**
 * Loads the project named by `input.projectId` within the caller's organisation, and the role
 * the caller acts as on it. A project of another organisation, or one the caller is not on,
 * answers NOT_FOUND exactly like an id that does not exist.
 */
export function projectProcedure(permission: ProjectPermission) {
  checkScope(permission, "project");
  return inOrg
    .meta({ permission })
    .input(z.object({ projectId: idSchema }))
    .use(({ ctx, input, next }) => {
      // One statement: the project within the organisation and the caller's role on it.
      const found = prepared(ctx.db, "trpc.project", () =>
        ctx.db
          .select({ row: project, memberRole: projectMember.role })
          .from(project)
          .leftJoin(
            projectMember,
            and(
              eq(projectMember.projectId, project.id),
              eq(projectMember.userId, sql.placeholder("userId")),
            ),
          )
          .where(
            and(
              eq(project.id, sql.placeholder("projectId")),
              eq(project.organizationId, sql.placeholder("orgId")),
            ),
          )
          .prepare(),
      ).get({ userId: ctx.actor.userId, projectId: input.projectId, orgId: ctx.org.id });
      if (!found) throw notFound("Project");
      const { row } = found;
      const membership = found.memberRole ? { role: found.memberRole } : null;
      const role: ProjectAccessRole | null = projectAccessRole(
        ctx.org.role,
        membership?.role ?? null,
      );
      if (!role) throw notFound("Project");
      if (!projectAllows(permission, role)) throw forbidden();
      return next({
        ctx: { project: row, projectRole: role, memberRole: membership?.role ?? null },
      });
    });
}
