export * from "./audit.ts";
export * from "./auth.ts";
export * from "./orgs.ts";
export * from "./plan.ts";
export * from "./projects.ts";
export * from "./raid.ts";
export * from "./reports.ts";
export * from "./schedule.ts";
