import { createHash } from "node:crypto";

/**
 * Failed sign-ins per account, wherever they come from (the per-client rate limit cannot see a
 * spread-out guessing attack). After `max` failures within `windowMs` the account's sign-ins are
 * refused until the oldest of them leaves the window: never longer than the window, so the real
 * owner is never locked out for good. Attempts while refused are not counted.
 */
export class SignInGuard {
  readonly #failures = new Map<string, number[]>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
    readonly capacity = 100_000,
  ) {}

  /** A stable, non-reversible name for an account in logs. */
  static label(email: string): string {
    return createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 12);
  }

  #recent(email: string, now: number): number[] {
    const key = email.trim().toLowerCase();
    const kept = (this.#failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (kept.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, kept);
    return kept;
  }

  /** Milliseconds until the account may try again, or 0 when it may try now. */
  retryAfter(email: string, now = Date.now()): number {
    const recent = this.#recent(email, now);
    if (recent.length < this.max) return 0;
    const oldest = recent[recent.length - this.max] as number;
    return Math.max(1, oldest + this.windowMs - now);
  }

  failed(email: string, now = Date.now()): void {
    const key = email.trim().toLowerCase();
    const recent = this.#recent(key, now);
    recent.push(now);
    this.#failures.delete(key);
    this.#failures.set(key, recent);
    // Bounded memory: the longest-quiet accounts go first.
    while (this.#failures.size > this.capacity) {
      const first = this.#failures.keys().next().value;
      if (first === undefined) break;
      this.#failures.delete(first);
    }
  }

  succeeded(email: string): void {
    this.#failures.delete(email.trim().toLowerCase());
  }
}
