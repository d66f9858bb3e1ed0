import { describe, expect, it } from "vitest";
import { SignInGuard } from "./signInGuard.ts";

describe("failed sign-ins per account", () => {
  it("refuses after max failures in the window, for at most the window", () => {
    const guard = new SignInGuard(3, 1000);
    for (const t of [0, 100, 200]) {
      expect(guard.retryAfter("a@x.test", t)).toBe(0);
      guard.failed("a@x.test", t);
    }
    expect(guard.retryAfter("A@X.test ", 250)).toBe(750); // until the first failure leaves
    expect(guard.retryAfter("a@x.test", 999)).toBe(1);
    expect(guard.retryAfter("a@x.test", 1000)).toBe(0);
    expect(guard.retryAfter("b@x.test", 250)).toBe(0);
  });

  it("forgets failures after a success, and keeps memory bounded", () => {
    const guard = new SignInGuard(2, 1000, 2);
    guard.failed("a@x.test", 0);
    guard.failed("a@x.test", 1);
    guard.succeeded("a@x.test");
    expect(guard.retryAfter("a@x.test", 2)).toBe(0);
    guard.failed("b@x.test", 0);
    guard.failed("b@x.test", 1);
    guard.failed("c@x.test", 2);
    guard.failed("d@x.test", 3); // b is the longest quiet: dropped
    expect(guard.retryAfter("b@x.test", 4)).toBe(0);
    expect(SignInGuard.label("A@x.test")).toBe(SignInGuard.label("a@x.test "));
    expect(SignInGuard.label("a@x.test")).not.toContain("@");
  });
});
