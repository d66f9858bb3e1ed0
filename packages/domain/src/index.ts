export * from "./dates.ts";
export * from "./enums.ts";
export * from "./money.ts";
export * from "./permissions.ts";
export * from "./schemas/common.ts";
export * from "./schemas/org.ts";
export * from "./schemas/project.ts";
