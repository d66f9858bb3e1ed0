import { randomUUID } from "node:crypto";

export function newId(): string {
  return randomUUID();
}

export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}
