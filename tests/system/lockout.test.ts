/**
 * Failed sign-ins per account (issue 8): the 11th failure for one account within the window is
 * refused with 429 wherever it comes from, the refusal is logged, other accounts are unaffected,
 * and the real owner gets in again once the window has passed — never later.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, startServer, type TestServer } from "./helpers.ts";

let server: TestServer;
const WINDOW_SECONDS = 3;

beforeAll(async () => {
  // The per-client limit is raised so only the per-account guard is in play.
  server = await startServer({
    AUTH_RATE_LIMIT_PER_MINUTE: "1000",
    ACCOUNT_FAILED_SIGN_INS: "10",
    ACCOUNT_LOCK_SECONDS: String(WINDOW_SECONDS),
  });
  await new Client(server).signUp("victim@lockout.test");
  await new Client(server).signUp("bystander@lockout.test");
});
afterAll(() => server.close());

describe("failed sign-ins per account", () => {
  it("refuses the 11th failure with 429, logs it, and lets the owner in after the window", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      // A new client each time: the attack is spread out, the account is the same.
      const response = await new Client(server).signIn("Victim@Lockout.test", `guess number ${i}`);
      statuses.push(response.status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
    console.log(`lockout: failures 1–10 → 401, the 11th → ${statuses[10]}`);

    // Locked for the window: even the right password waits, and says for how long.
    const owner = new Client(server);
    const locked = await owner.signIn("victim@lockout.test");
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(((await locked.json()) as { message: string }).message).toMatch(
      /Too many failed sign-ins for this account\. Try again in \d+ seconds\./,
    );
    expect(server.logs.some((l) => l.includes("too many failed sign-ins for this account"))).toBe(
      true,
    );
    // The log names the account by a hash, not its address.
    expect(server.logs.some((l) => l.includes("victim@lockout.test"))).toBe(false);

    // Someone else is not affected.
    expect((await new Client(server).signIn("bystander@lockout.test")).status).toBe(200);

    // Once the window has passed since the failures (as Retry-After said), the owner gets in.
    const retryAfter = Number(locked.headers.get("retry-after"));
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    await new Promise((r) => setTimeout(r, retryAfter * 1000 + 100));
    const back = await owner.signIn("victim@lockout.test");
    expect(back.status).toBe(200);
  });
});
