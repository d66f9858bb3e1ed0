import { defineProject } from "vitest/config";

// The real server over HTTP on 127.0.0.1, one server per test file.
export default defineProject({
  test: { name: "system", include: ["**/*.test.ts"], testTimeout: 20_000 },
});
