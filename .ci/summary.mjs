// Adds up the JSON reports of Vitest and Playwright into one closing line.
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
const parts = [];

if (existsSync("test-results/vitest.json")) {
  const v = JSON.parse(readFileSync("test-results/vitest.json", "utf8"));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + (v.numTodoTests ?? 0);
  parts.push(`vitest ${v.numPassedTests}/${v.numTotalTests}`);
}
if (existsSync("test-results/e2e.json")) {
  const p = JSON.parse(readFileSync("test-results/e2e.json", "utf8"));
  const s = p.stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
  parts.push(
    `playwright ${s.expected + s.flaky}/${s.expected + s.flaky + s.unexpected + s.skipped}`,
  );
}
console.log(`== ${parts.join(", ") || "no test reports found"}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
