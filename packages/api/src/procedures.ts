import { type Permission, permissions } from "@rollout/domain";
import type { AnyProcedure } from "@trpc/server";
import { appRouter } from "./routers/index.ts";

export interface ProcedureInfo {
  path: string;
  type: "query" | "mutation" | "subscription";
  permission: Permission | undefined;
  inputCount: number;
  hasOutput: boolean;
}

interface ProcedureDef {
  type: ProcedureInfo["type"];
  meta?: { permission?: Permission };
  inputs: unknown[];
  output?: unknown;
}

/** Every procedure of the app router with what it declares: used by the policy tests. */
export function listProcedures(
  router: { _def: { procedures: object } } = appRouter,
): ProcedureInfo[] {
  return Object.entries(router._def.procedures as Record<string, AnyProcedure>).map(
    ([path, procedure]) => {
      const def = procedure._def as unknown as ProcedureDef;
      const permission = def.meta?.permission;
      return {
        path,
        type: def.type,
        permission: permission && Object.hasOwn(permissions, permission) ? permission : undefined,
        inputCount: def.inputs.length,
        hasOutput: def.output !== undefined,
      };
    },
  );
}
