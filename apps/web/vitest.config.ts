import { defineProject } from "vitest/config";

// Unit tests of the web app's pure helpers (form mapping, dates, slugs); no DOM needed.
export default defineProject({
  test: { name: "web", include: ["src/**/*.test.ts"], environment: "node" },
});
