import { describe, expect, it } from "vitest";
import {
  DEFAULT_SHARE_DAYS,
  defaultExpiry,
  lastValidDay,
  type ShareLink,
  shareState,
} from "./shareModel.ts";

const link = (patch: Partial<ShareLink>): ShareLink => ({
  id: "s1",
  label: "Steering committee",
  expiresAt: "2026-12-15T23:59:59.999Z",
  createdByName: "Pat PM",
  createdAt: "2026-11-15T10:00:00.000Z",
  revokedAt: null,
  lastUsedAt: null,
  active: true,
  ...patch,
});

describe("share links", () => {
  it("expire 30 days out by default", () => {
    expect(DEFAULT_SHARE_DAYS).toBe(30);
    expect(defaultExpiry("2026-11-15")).toBe("2026-12-15");
    expect(defaultExpiry("2026-12-20")).toBe("2027-01-19");
  });

  it("tell active, revoked and expired apart", () => {
    expect(shareState(link({}))).toBe("active");
    expect(shareState(link({ active: false, revokedAt: "2026-11-20T08:00:00.000Z" }))).toBe(
      "revoked",
    );
    expect(shareState(link({ active: false }))).toBe("expired");
  });

  it("show the day chosen as the last valid day, whatever the reader's zone", () => {
    expect(lastValidDay(link({}))).toBe("2026-12-15");
  });
});
