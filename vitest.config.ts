import { defineConfig } from "vitest/config";

// One run over every package's tests and the HTTP system tests; each project has its own config.
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/server", "tests/system"],
  },
});
