import { defineConfig } from "vitest/config";

// One run over every package's tests and the HTTP system tests; each project has its own config.
// The JSON report feeds the one-line summary CI prints (.ci/summary.mjs).
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/server", "apps/web", "tests/system"],
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
  },
});
