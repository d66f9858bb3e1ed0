// drizzle-orm stays a dependency of this package only: other packages take the operators here,
// so there is one copy of its types in the workspace.
export {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  like,
  lt,
  lte,
  ne,
  not,
  notInArray,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
export { alias } from "drizzle-orm/sqlite-core";
export * from "./backup.ts";
export * from "./client.ts";
export { isUniqueViolation } from "./errors.ts";
export * from "./ids.ts";
export * as schema from "./schema/index.ts";
export * from "./schema/index.ts";
export {
  DEMO_PASSWORD,
  demoProjects,
  demoUsers,
  hasDemoUsers,
  isEmpty,
  seedDemo,
} from "./seed/demo.ts";
export {
  prng,
  type ScaleOrgOptions,
  type ScalePlanOptions,
  type ScaleRaidOptions,
  seedLessonsAtScale,
  seedPlanAtScale,
  seedPortfolioAtScale,
  seedRaidAtScale,
  seedReportsAtScale,
} from "./seed/scale.ts";
export {
  type ScaleSeedOptions,
  type ScaleSeedResult,
  seedScaleOrganisation,
} from "./seed/scaleOrg.ts";
