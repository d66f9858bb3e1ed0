import { defineConfig } from "drizzle-kit";

// drizzle-kit compiles this file to CommonJS and resolves paths from the current directory:
// run it through `pnpm --filter @rollout/db generate`, which runs in packages/db.
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/schema/index.ts",
  out: "../../migrations",
  casing: "snake_case",
});
