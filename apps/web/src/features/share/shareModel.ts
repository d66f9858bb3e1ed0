import { addDays, type shareLinkOutput } from "@rollout/domain";
import type * as z from "zod";

export type ShareLink = z.infer<typeof shareLinkOutput>;

/** How long a new link lives unless the person chooses otherwise. */
export const DEFAULT_SHARE_DAYS = 30;

export function defaultExpiry(today: string): string {
  return addDays(today, DEFAULT_SHARE_DAYS);
}

export type ShareState = "active" | "revoked" | "expired";

export function shareState(link: ShareLink): ShareState {
  if (link.active) return "active";
  return link.revokedAt ? "revoked" : "expired";
}

/**
 * The last calendar day a link works: it is stored as the end of that day in UTC, so the date
 * part is the day that was chosen (a local conversion would move it a day east of UTC).
 */
export function lastValidDay(link: Pick<ShareLink, "expiresAt">): string {
  return link.expiresAt.slice(0, 10);
}
