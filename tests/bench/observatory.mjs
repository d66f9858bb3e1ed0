// The Mozilla HTTP Observatory (issue 8 #13), by hand, not in CI: it installs the scanner from
// the npm registry, starts the built server as a site would run it — https on 443 with the
// plain-http redirect on 80 — and scans https://localhost. Prints every test and the grade;
// exits 1 below A. Needs root (ports 80 and 443) and `pnpm build` first.
//
// The certificate is the test one in tests/system/fixtures, trusted by the scanner through
// NODE_EXTRA_CA_CERTS, the way a real site's certificate is trusted through its CA.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const SCANNER = "@mdn/mdn-http-observatory@1.4.8";
const root = resolve(import.meta.dirname, "../..");
const fixtures = join(root, "tests/system/fixtures");
const cache = join(tmpdir(), "rollout-observatory");
const scanner = join(cache, "node_modules/@mdn/mdn-http-observatory");
const GRADES = ["A+", "A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D+", "D", "D-", "F"];

if (process.getuid?.() !== 0) {
  console.error("observatory: needs root to listen on ports 80 and 443 (the scanner uses those)");
  process.exit(2);
}
if (!existsSync(join(root, "apps/web/dist/index.html"))) {
  console.error("observatory: build the web app first (pnpm build)");
  process.exit(2);
}
if (!existsSync(join(scanner, "src/scan.js"))) {
  mkdirSync(cache, { recursive: true });
  console.log(`observatory: installing ${SCANNER} into ${cache}`);
  // Its install script downloads the HSTS preload list from the web; we skip it (below).
  execFileSync(
    "npm",
    ["install", "--prefix", cache, "--ignore-scripts", "--no-audit", "--no-fund", SCANNER],
    { stdio: "inherit" },
  );
}
const preload = join(scanner, "conf/hsts-preload.json");
if (!existsSync(preload)) {
  mkdirSync(join(scanner, "conf"), { recursive: true });
  writeFileSync(preload, "{}"); // localhost is on no preload list
}

const dir = mkdtempSync(join(tmpdir(), "rollout-observatory-db-"));
const server = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "start"], {
  cwd: join(root, "apps/server"),
  env: {
    ...process.env,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    DATABASE_FILE: join(dir, "rollout.db"),
    HOST: "::",
    PORT: "443",
    HTTP_REDIRECT_PORT: "80",
    PUBLIC_URL: "https://localhost",
    TLS_CERT_FILE: join(fixtures, "tls-test-cert.pem"),
    TLS_KEY_FILE: join(fixtures, "tls-test-key.pem"),
  },
  stdio: ["ignore", "pipe", "inherit"],
});
let output = "";
server.stdout.on("data", (d) => {
  output += d;
});
const stop = () => {
  server.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
};
const until = Date.now() + 60_000;
while (!output.includes("Plain http on port 80")) {
  if (Date.now() > until || server.exitCode !== null) {
    stop();
    console.error(`observatory: the server did not start\n${output}`);
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 100));
}

let result;
try {
  const json = execFileSync(process.execPath, [join(scanner, "src/scan.js"), "localhost"], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: join(fixtures, "tls-test-cert.pem") },
    encoding: "utf8",
  });
  result = JSON.parse(json);
} finally {
  stop();
}
if (result.error) {
  console.error(`observatory: the scan failed: ${result.error}`);
  process.exit(1);
}
console.log("\nMozilla HTTP Observatory, https://localhost (Rollout's production server)\n");
for (const [name, test] of Object.entries(result.tests)) {
  const mark = test.pass ? "pass" : "FAIL";
  const modifier = test.scoreModifier > 0 ? `+${test.scoreModifier}` : String(test.scoreModifier);
  console.log(`  ${mark}  ${name.padEnd(34)} ${String(test.result).padEnd(56)} ${modifier}`);
}
const { grade, score, testsPassed, testsQuantity } = result.scan;
console.log(`\ngrade ${grade}, score ${score}, ${testsPassed}/${testsQuantity} tests passed`);
process.exit(GRADES.indexOf(grade) <= GRADES.indexOf("A") ? 0 : 1);
