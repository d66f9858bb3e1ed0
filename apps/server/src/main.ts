import { dirname, join, resolve } from "node:path";
import { hashPassword } from "@rollout/api";
import {
  backupDatabase,
  claimDatabase,
  createDb,
  DEMO_PASSWORD,
  demoUsers,
  hasDemoUsers,
  isEmpty,
  restoreDatabase,
  seedDemo,
  seedScaleOrganisation,
} from "@rollout/db";
import { buildApp, buildRedirectServer } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";

const commands = ["start", "migrate", "seed", "seed-scale", "backup", "restore"] as const;
type Command = (typeof commands)[number];

function printSignIns(url: string) {
  const width = Math.max(...demoUsers.map((u) => u.email.length));
  console.log(`\nDemo sign-ins (password: ${DEMO_PASSWORD})`);
  for (const u of demoUsers) console.log(`  ${u.email.padEnd(width)}  ${u.describes}`);
  console.log(`\nOpen ${url}\n`);
}

/**
 * The demo organisation plus a portfolio at scale (issue 9), deterministic for a seed. Size 1:
 * 1,000 projects (one of 5,000 tasks), about 100,000 tasks with dependencies and letters,
 * 20,000 RAID items, 5,000 stakeholders, 2,000 milestones, 500 published status reports and
 * 20,000 lessons. `--size 0.1` builds a tenth of it.
 */
async function seedScale(db: ReturnType<typeof createDb>, file: string, args: string[]) {
  const size = Number(option(args, "size") ?? 1);
  const seed = Number(option(args, "seed") ?? 42);
  if (!(size > 0 && size <= 10) || !Number.isInteger(seed)) {
    console.error("--size is a number above 0 and at most 10; --seed a whole number");
    process.exit(2);
  }
  if (!isEmpty(db)) {
    console.error(`${file} already has data: seed the scale data into an empty database.`);
    process.exit(2);
  }
  const result = await seedScaleOrganisation(db, { size, seed, hashPassword });
  console.log(`Seeded ${file} in ${result.seconds.toFixed(1)} s: ${JSON.stringify(result.counts)}`);
}

/** `--name value` from the command line, or undefined. */
function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main(command: Command, args: string[]) {
  const config = loadConfig();
  if (command === "backup") {
    const folder = resolve(option(args, "to") ?? join(dirname(config.databaseFile), "backups"));
    const keep = Number(option(args, "keep") ?? 7);
    if (!Number.isInteger(keep) || keep < 1) {
      console.error("--keep must be a whole number of at least 1");
      process.exit(2);
    }
    const result = backupDatabase(config.databaseFile, folder, keep);
    console.log(
      `Backed up ${config.databaseFile} to ${result.file} (${result.bytes} bytes, integrity ${result.integrity}, ${result.milliseconds} ms).`,
    );
    if (result.removed.length > 0)
      console.log(`Removed older backups: ${result.removed.join(", ")}`);
    return;
  }
  if (command === "restore") {
    const file = args.find((a) => !a.startsWith("--"));
    if (!file) {
      console.error("Name the backup to restore: restore <file>");
      process.exit(2);
    }
    const result = restoreDatabase(resolve(file), config.databaseFile);
    console.log(`Restored ${result.restored} into ${config.databaseFile}.`);
    if (result.previous) console.log(`The database it replaced is kept as ${result.previous}.`);
    return;
  }
  const db = createDb(config.databaseFile);
  if (command === "seed-scale") {
    await seedScale(db, config.databaseFile, args);
    db.$client.close();
    return;
  }
  if (command === "migrate") {
    console.log(`Database ${config.databaseFile} is up to date.`);
    db.$client.close();
    return;
  }
  if (command === "seed") {
    if (!isEmpty(db)) {
      console.log("The database already has data; not seeding.");
    } else {
      await seedDemo(db, hashPassword);
      console.log(`Seeded the demo organisation into ${config.databaseFile}.`);
    }
    db.$client.close();
    return;
  }

  let seeded = false;
  if (config.seedDemo && isEmpty(db)) {
    await seedDemo(db, hashPassword);
    seeded = true;
  }
  const app = await buildApp({ config, db });
  // Tells `restore` a server is using this database (removed on a clean shutdown).
  const release = claimDatabase(config.databaseFile);
  app.addHook("onClose", async () => release());
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down: finishing requests, then closing the database");
    const timer = setTimeout(() => {
      app.log.error("shutdown took over 10 s; exiting");
      process.exit(1);
    }, 10_000);
    timer.unref();
    // In-flight requests finish; sockets still open after 5 s (idle keep-alives) are cut.
    setTimeout(() => app.server.closeAllConnections(), 5_000).unref();
    await app.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  const redirect = config.httpRedirectPort === null ? null : buildRedirectServer(config);
  if (redirect) {
    app.addHook("onClose", async () => {
      redirect.closeAllConnections();
      await new Promise((done) => redirect.close(done));
    });
  }
  await app.listen({ port: config.port, host: config.host });
  if (redirect) {
    await new Promise<void>((done, fail) => {
      redirect.once("error", fail);
      redirect.listen(config.httpRedirectPort ?? 0, config.host, () => done());
    });
  }
  console.log(`\nRollout is running at ${config.publicUrl} (database: ${config.databaseFile})`);
  if (redirect) {
    console.log(`Plain http on port ${config.httpRedirectPort} redirects to ${config.publicUrl}`);
  }
  if (seeded) console.log("First start: seeded the demo organisation Northwind Implementations.");
  if (hasDemoUsers(db)) printSignIns(config.publicUrl);
}

const arg = process.argv[2] ?? "start";
if (!(commands as readonly string[]).includes(arg)) {
  console.error(`Unknown command "${arg}". Use one of: ${commands.join(", ")}.`);
  process.exit(2);
}
main(arg as Command, process.argv.slice(3)).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  const code = (error as { code?: string }).code;
  if (code === "EADDRINUSE") {
    console.error(`Port is already in use. Set PORT to a free port, e.g. PORT=8081.`);
    process.exit(1);
  }
  console.error(
    error instanceof Error && ["backup", "restore"].includes(arg) ? error.message : error,
  );
  process.exit(1);
});
