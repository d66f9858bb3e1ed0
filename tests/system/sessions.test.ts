import { eq, session } from "@rollout/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, startServer, type TestServer } from "./helpers.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    SESSION_IDLE_HOURS: "2",
    SESSION_ABSOLUTE_DAYS: "1",
    // Many sign-ups from one address here: the per-client limit has its own test.
    AUTH_RATE_LIMIT_PER_MINUTE: "100",
  });
});
afterAll(() => server.close());

async function whoAmI(client: Client) {
  const body = await (await client.query("session.get")).json();
  return body.result.data as { user: { email: string }; activeOrg: { id: string } | null } | null;
}

describe("sessions", () => {
  it("sets an HttpOnly, SameSite=Lax cookie that lasts the idle window, not Secure over http", async () => {
    const client = new Client(server);
    const response = await client.signUp("cookie@example.test");
    const cookie = response.headers
      .getSetCookie()
      .find((c) => c.startsWith("rollout.session_token="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Max-Age=7200/);
    expect(cookie).not.toMatch(/Secure/i);
    expect((await whoAmI(client))?.user.email).toBe("cookie@example.test");
  });

  it("refuses a password shorter than 8 characters", async () => {
    const client = new Client(server);
    const response = await client.authPost("sign-up/email", {
      email: "short@example.test",
      password: "short",
      name: "Short",
    });
    expect(response.status).toBe(400);
    expect(client.cookie).toBe("");
  });

  it("refuses passwords over 128 characters and common ones, and stores argon2id", async () => {
    const tooLong = await new Client(server).authPost("sign-up/email", {
      email: "long@example.test",
      password: "x".repeat(129),
      name: "Long",
    });
    expect(tooLong.status).toBe(400);
    for (const common of ["password", "Password1", "12345678", "qwertyuiop"]) {
      const response = await new Client(server).authPost("sign-up/email", {
        email: `common-${common.length}@example.test`,
        password: common,
        name: "Common",
      });
      expect(response.status, common).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(/common or leaked/);
    }
    const ok = new Client(server);
    await ok.signUp("strong@example.test", "x".repeat(128));
    const stored = server.db.$client
      .prepare("select a.password from account a join user u on u.id = a.user_id where u.email = ?")
      .get("strong@example.test") as { password: string };
    // argon2id at the OWASP cost: 19 MiB, 2 iterations, 1 lane; a fresh salt each time.
    expect(stored.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored.password).not.toContain("x".repeat(16));
    expect((await new Client(server).signIn("strong@example.test", "x".repeat(128))).status).toBe(
      200,
    );
    expect((await new Client(server).signIn("strong@example.test", "x".repeat(127))).status).toBe(
      401,
    );
  });

  it("ends the account's other sessions when its password changes", async () => {
    const here = new Client(server);
    await here.signUp("changer@example.test");
    const elsewhere = new Client(server);
    expect((await elsewhere.signIn("changer@example.test")).status).toBe(200);
    expect((await whoAmI(elsewhere))?.user.email).toBe("changer@example.test");
    const changed = await here.authPost("change-password", {
      currentPassword: "correct horse battery",
      newPassword: "a much better secret 2026",
    });
    expect(changed.status).toBe(200);
    expect(await whoAmI(elsewhere)).toBeNull();
    expect(
      (await new Client(server).signIn("changer@example.test", "a much better secret 2026")).status,
    ).toBe(200);
    const weak = await here.authPost("change-password", {
      currentPassword: "a much better secret 2026",
      newPassword: "password1",
    });
    expect(weak.status).toBe(400);
  });

  it("issues a new session id at each sign-in and ends the session on the server at sign-out", async () => {
    const first = new Client(server);
    await first.signUp("twice@example.test");
    const second = new Client(server);
    expect((await second.signIn("twice@example.test")).status).toBe(200);
    expect(second.cookie).not.toBe(first.cookie);

    const signOut = await first.authPost("sign-out", {});
    expect(signOut.status).toBe(200);
    // The old cookie, replayed, no longer works: the session row is gone.
    const replay = new Client(server);
    replay.cookie = first.cookie;
    expect(await whoAmI(replay)).toBeNull();
    expect(await whoAmI(second)).not.toBeNull();
  });

  it("ends a session past its absolute lifetime even while in use", async () => {
    const client = new Client(server);
    await client.signUp("old@example.test");
    const me = await whoAmI(client);
    expect(me).not.toBeNull();
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    const rows = server.db.select().from(session).all();
    const mine = rows.at(-1);
    server.db.update(session).set({ createdAt: twoDaysAgo }).where(eq(session.id, mine!.id)).run();
    expect(await whoAmI(client)).toBeNull();
    expect(server.db.select().from(session).where(eq(session.id, mine!.id)).all()).toEqual([]);
  });

  it("stops a removed member's access to the organisation at once", async () => {
    const owner = new Client(server);
    await owner.signUp("boss@example.test");
    await owner.mutate("org.create", { name: "Boss Co", slug: "boss-co" });
    const invite = await (
      await owner.mutate("org.invite", {
        email: "temp@example.test",
        role: "member",
        projectId: null,
        projectRole: null,
      })
    ).json();
    const token = String(invite.result.data.link).split("/invite/")[1];

    const temp = new Client(server);
    await temp.signUp("temp@example.test");
    expect((await temp.mutate("invitation.accept", { token })).status).toBe(200);
    expect((await temp.query("org.members")).status).toBe(200);

    const members = (await (await owner.query("org.members")).json()).result.data as Array<{
      id: string;
      email: string;
    }>;
    const tempMember = members.find((m) => m.email === "temp@example.test");
    expect((await owner.mutate("org.removeMember", { memberId: tempMember?.id })).status).toBe(200);
    const after = await temp.query("org.members");
    expect([403, 412]).toContain(after.status);
  });
});

describe("secure cookies behind https", () => {
  it("marks the session cookie Secure when the public URL is https", async () => {
    const https = await startServer({ PUBLIC_URL: "https://rollout.example.test" });
    try {
      const client = new Client(https);
      const response = await client.authPost(
        "sign-up/email",
        { email: "tls@example.test", password: "correct horse battery", name: "TLS" },
        { origin: "https://rollout.example.test" },
      );
      expect(response.status).toBe(200);
      const cookie = response.headers.getSetCookie().find((c) => c.includes("session_token="));
      expect(cookie).toMatch(/^__Secure-rollout\.session_token=/);
      expect(cookie).toMatch(/; Secure/i);
      expect(response.headers.get("strict-transport-security")).toMatch(/max-age=31536000/);
    } finally {
      await https.close();
    }
  });
});
