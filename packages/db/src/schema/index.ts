export * from "./audit.ts";
export * from "./auth.ts";
export * from "./orgs.ts";
export * from "./projects.ts";
