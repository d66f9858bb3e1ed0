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
  /**
   * A personal change (a notification): only these people hear of it, and it moves no
   * revision (it changes nothing anyone's figures are made of).
   */
  recipients?: string[];
}

export const MAX_IDS = 200;

/**
 * Kinds of change that cannot move a project's plan figures (tasks, dates, progress, milestones,
 * budget): caches of those figures survive them. Anything not named here counts as a plan
 * change, so a new kind of change is safe by default.
 */
const OFF_PLAN = new Set([
  "raid_item",
  "stakeholder",
  "comm_item",
  "status_report",
  "share_link",
  "gate_criterion",
  "gate_signer",
  "invitation",
  "playbook_entry",
  "comment",
  "pir",
  "pir_objective",
  "pir_kpi",
  "pir_measurement",
  "pir_signer",
  "lesson",
]);

/**
 * Announces committed changes to whoever listens (live pages, caches). Revisions count changes
 * per project and per organisation, so a cache can tell whether what it holds is still current.
 * One per process; ids are random, so databases side by side (tests) never collide.
 */
class ChangeBus {
  readonly #emitter = new EventEmitter();
  readonly #projectRevision = new Map<string, number>();
  readonly #orgRevision = new Map<string, number>();
  readonly #planRevision = new Map<string, number>();
  readonly #activity = new Map<string, number>();

  constructor() {
    // Every open page holds a listener: there is no meaningful limit.
    this.#emitter.setMaxListeners(0);
  }

  publish(change: Change): void {
    if (change.recipients) {
      this.#emitter.emit(change.orgId, change);
      return;
    }
    this.#activity.set(change.orgId, this.activity(change.orgId) + 1);
    if (change.projectId) {
      this.#projectRevision.set(change.projectId, this.projectRevision(change.projectId) + 1);
      if (!OFF_PLAN.has(change.entityType)) {
        this.#planRevision.set(
          change.projectId,
          (this.#planRevision.get(change.projectId) ?? 0) + 1,
        );
      }
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

  /** Counts every change in the organisation, to any project or to the organisation itself. */
  activity(orgId: string): number {
    return this.#activity.get(orgId) ?? 0;
  }

  /** A cache key that changes whenever the project's plan (or its organisation) changes. */
  planRevisionOf(orgId: string, projectId: string): string {
    return `${this.orgRevision(orgId)}.${this.#planRevision.get(projectId) ?? 0}`;
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
