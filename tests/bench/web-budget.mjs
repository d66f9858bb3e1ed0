// The web budget (issue 9): the JavaScript a first visit must load — the entry script and every
// module it preloads, as named by the built index.html — at most 250 KB gzipped. Run after the
// build (it is part of `pnpm test`); prints the size and fails above the budget.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_KB = Number(process.env.WEB_BUDGET_KB ?? 250);
const dist = resolve(import.meta.dirname, "../../apps/web/dist");
const html = readFileSync(join(dist, "index.html"), "utf8");
const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
if (files.length === 0) {
  console.error("web budget: no scripts found in apps/web/dist/index.html (build first)");
  process.exit(1);
}
let raw = 0;
let gzipped = 0;
for (const file of new Set(files)) {
  const bytes = readFileSync(join(dist, file));
  raw += bytes.length;
  gzipped += gzipSync(bytes, { level: 9 }).length;
}
const kb = (n) => (n / 1024).toFixed(1);
const ok = gzipped <= BUDGET_KB * 1024;
console.log(
  `web budget: initial JavaScript ${kb(gzipped)} KB gzipped (${kb(raw)} KB raw, ${new Set(files).size} files); budget ${BUDGET_KB} KB — ${ok ? "within" : "OVER"}`,
);
process.exit(ok ? 0 : 1);
