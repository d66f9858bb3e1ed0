import type { BuiltInTemplate } from "../model.ts";
import { erpImplementation } from "./erpImplementation.ts";
import { hardwareDeployment } from "./hardwareDeployment.ts";
import { saasRollout } from "./saasRollout.ts";

/** The templates every organisation starts with: read-only, duplicated into the org to edit. */
export const builtInTemplates: readonly BuiltInTemplate[] = [
  saasRollout,
  erpImplementation,
  hardwareDeployment,
];

export function builtInTemplate(id: string): BuiltInTemplate | null {
  return builtInTemplates.find((t) => t.id === id) ?? null;
}
