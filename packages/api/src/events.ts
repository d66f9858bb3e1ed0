import { EventEmitter, on } from "node:events";

/** One committed change, as announced to open pages (never the data itself: they refetch). */
export interface Change {
  orgId: string;
  /** Null for an organisation-wide change (members, holidays, thresholds). */
  projectId: string | null;
  entityType: string;
  /** The rows changed (at most MAX_IDS; more means "many"). */
  entityIds: string[];
  action: string;
  at: string;
}

export const MAX_IDS = 200;

/**
 * Announces committed changes to whoever listens (live pages, caches). Revisions count changes
 * per project and per organisation, so a cache can tell whether what it holds is still current.
 * One per process; ids are random, so databases side by side (tests) never collide.
 */
class ChangeBus {
  readonly #emitter = new EventEmitter();
  readonly #projectRevision = new Map<string, number>();
  readonly #orgRevision = new Map<string, number>();

  constructor() {
    // Every open page holds a listener: there is no meaningful limit.
    this.#emitter.setMaxListeners(0);
  }

  publish(change: Change): void {
    if (change.projectId) {
      this.#projectRevision.set(change.projectId, this.projectRevision(change.projectId) + 1);
    } else {
      this.#orgRevision.set(change.orgId, this.orgRevision(change.orgId) + 1);
    }
    this.#emitter.emit(change.orgId, change);
  }

  projectRevision(projectId: string): number {
    return this.#projectRevision.get(projectId) ?? 0;
  }

  orgRevision(orgId: string): number {
    return this.#orgRevision.get(orgId) ?? 0;
  }

  /** A cache key that changes whenever the project or its organisation changes. */
  revisionOf(orgId: string, projectId: string): string {
    return `${this.orgRevision(orgId)}.${this.projectRevision(projectId)}`;
  }

  #closing = new AbortController();

  /** The organisation's changes as an async stream, until `signal` aborts or streams close. */
  async *stream(orgId: string, signal?: AbortSignal): AsyncGenerator<Change> {
    const until = signal ? AbortSignal.any([signal, this.#closing.signal]) : this.#closing.signal;
    try {
      for await (const [change] of on(this.#emitter, orgId, { signal: until })) {
        yield change as Change;
      }
    } catch (error) {
      if (until.aborted) return;
      throw error;
    }
  }

  /**
   * Ends every open stream (the server is shutting down: open pages reconnect to the next
   * one instead of holding the old one up). Streams opened afterwards work as usual.
   */
  closeStreams(): void {
    this.#closing.abort();
    this.#closing = new AbortController();
  }

  listeners(orgId: string): number {
    return this.#emitter.listenerCount(orgId);
  }
}

export const changes = new ChangeBus();
