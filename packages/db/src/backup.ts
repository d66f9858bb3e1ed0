import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";

/** What `PRAGMA integrity_check` says of a database file: "ok" or the problems it found. */
export function integrityOf(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma("integrity_check") as Array<{ integrity_check: string }>;
    return rows.map((r) => r.integrity_check).join("; ");
  } finally {
    db.close();
  }
}

export interface BackupResult {
  file: string;
  bytes: number;
  integrity: string;
  milliseconds: number;
  removed: string[];
}

const BACKUP_NAME = /^rollout-\d{8}-\d{6}-\d{3}\.db$/;

function stamp(date: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}-${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}-${p(date.getUTCMilliseconds(), 3)}`;
}

/**
 * An online, consistent copy of the database while the server keeps writing: `VACUUM INTO`
 * reads one snapshot (a read transaction, which never blocks writers in WAL mode) into a new
 * compact file. The copy is checked with `integrity_check` (a bad copy is deleted and the backup
 * fails), then only the newest `keep` backups in the folder are kept.
 */
export function backupDatabase(databaseFile: string, folder: string, keep = 7): BackupResult {
  if (!Number.isInteger(keep) || keep < 1)
    throw new Error("keep must be a whole number of at least 1");
  if (!existsSync(databaseFile)) throw new Error(`There is no database at ${databaseFile}`);
  const started = performance.now();
  mkdirSync(folder, { recursive: true });
  const target = join(folder, `rollout-${stamp(new Date())}.db`);
  const partial = `${target}.partial`;
  const source = new Database(databaseFile, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    source.prepare("VACUUM INTO ?").run(partial);
  } finally {
    source.close();
  }
  const integrity = integrityOf(partial);
  if (integrity !== "ok") {
    rmSync(partial, { force: true });
    throw new Error(`The copy failed its integrity check (${integrity}); no backup was kept`);
  }
  const fd = openSync(partial, "r+");
  fsyncSync(fd);
  closeSync(fd);
  renameSync(partial, target);
  const backups = readdirSync(folder)
    .filter((name) => BACKUP_NAME.test(name))
    .sort()
    .reverse();
  const removed: string[] = [];
  for (const old of backups.slice(keep)) {
    rmSync(join(folder, old), { force: true });
    removed.push(old);
  }
  return {
    file: target,
    bytes: statSync(target).size,
    integrity,
    milliseconds: Math.round(performance.now() - started),
    removed,
  };
}

/** The file a running server writes its process id to, beside the database. */
export function pidFileOf(databaseFile: string): string {
  return `${resolve(databaseFile)}.pid`;
}

function runningServer(databaseFile: string): number | null {
  const file = pidFileOf(databaseFile);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null; // left behind by a crash
  }
}

/** Marks the database as in use by this process until `release` is called. */
export function claimDatabase(databaseFile: string): () => void {
  const file = pidFileOf(databaseFile);
  writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (readFileSync(file, "utf8").trim() === String(process.pid)) rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
}

export interface RestoreResult {
  restored: string;
  /** Where the database that was replaced now is. */
  previous: string | null;
}

/**
 * Puts a backup back as the database. Refused while a server uses the database, or if the
 * backup fails its integrity check. The database it replaces is kept beside it, renamed, so a
 * restore can itself be undone; the next start applies any newer migrations to the copy.
 */
export function restoreDatabase(backupFile: string, databaseFile: string): RestoreResult {
  if (!existsSync(backupFile)) throw new Error(`There is no backup at ${backupFile}`);
  const pid = runningServer(databaseFile);
  if (pid !== null) {
    throw new Error(`A server (process ${pid}) is using ${databaseFile}: stop it before restoring`);
  }
  const integrity = integrityOf(backupFile);
  if (integrity !== "ok") throw new Error(`The backup failed its integrity check: ${integrity}`);
  mkdirSync(dirname(resolve(databaseFile)), { recursive: true });
  const incoming = `${databaseFile}.restoring`;
  copyFileSync(backupFile, incoming);
  const fd = openSync(incoming, "r+");
  fsyncSync(fd);
  closeSync(fd);
  let previous: string | null = null;
  if (existsSync(databaseFile)) {
    // Fold the old database's write-ahead log into it first, so the kept copy is whole.
    const old = new Database(databaseFile);
    old.pragma("wal_checkpoint(TRUNCATE)");
    old.close();
    previous = `${databaseFile}.before-restore-${stamp(new Date())}`;
    renameSync(databaseFile, previous);
  }
  for (const suffix of ["-wal", "-shm"]) rmSync(`${databaseFile}${suffix}`, { force: true });
  renameSync(incoming, databaseFile);
  return { restored: basename(backupFile), previous };
}
