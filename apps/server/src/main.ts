import { createDb, DEMO_PASSWORD, demoUsers, hasDemoUsers, isEmpty, seedDemo } from "@rollout/db";
import { hashPassword } from "better-auth/crypto";
import { buildApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";

const commands = ["start", "migrate", "seed"] as const;
type Command = (typeof commands)[number];

function printSignIns(url: string) {
  const width = Math.max(...demoUsers.map((u) => u.email.length));
  console.log(`\nDemo sign-ins (password: ${DEMO_PASSWORD})`);
  for (const u of demoUsers) console.log(`  ${u.email.padEnd(width)}  ${u.describes}`);
  console.log(`\nOpen ${url}\n`);
}

async function main(command: Command) {
  const config = loadConfig();
  const db = createDb(config.databaseFile);
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
  await app.listen({ port: config.port, host: config.host });
  console.log(`\nRollout is running at ${config.publicUrl} (database: ${config.databaseFile})`);
  if (seeded) console.log("First start: seeded the demo organisation Northwind Implementations.");
  if (hasDemoUsers(db)) printSignIns(config.publicUrl);
}

const arg = process.argv[2] ?? "start";
if (!(commands as readonly string[]).includes(arg)) {
  console.error(`Unknown command "${arg}". Use one of: ${commands.join(", ")}.`);
  process.exit(2);
}
main(arg as Command).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  const code = (error as { code?: string }).code;
  if (code === "EADDRINUSE") {
    console.error(`Port is already in use. Set PORT to a free port, e.g. PORT=8081.`);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
