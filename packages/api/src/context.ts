import type { Db } from "@rollout/db";

/** The signed-in person behind a request, as read from their session. */
export interface Actor {
  userId: string;
  sessionId: string;
  name: string;
  email: string;
  /** The organisation the session works in; membership is re-checked on every request. */
  activeOrgId: string | null;
}

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface Context {
  db: Db;
  actor: Actor | null;
  requestId: string;
  log: Logger;
  /** Public base URL of the app, used to build links shown to people (invitations). */
  appUrl: string;
  /** Production hides internal error messages and stacks. */
  isProduction: boolean;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
