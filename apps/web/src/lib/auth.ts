/**
 * Sign-up, sign-in and sign-out go to better-auth's JSON endpoints (not tRPC). The session is an
 * http-only cookie; `session.get` (tRPC) is how the app learns who is signed in.
 */

export class AuthError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
  ) {
    super(message);
    this.name = "AuthError";
  }
}

async function post(path: string, body: unknown): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/auth/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify(body),
    });
  } catch {
    throw new AuthError(
      "Could not reach the server. Check your connection and try again.",
      0,
      null,
    );
  }
  if (response.ok) return;
  let code: string | null = null;
  let message = `The server answered ${response.status}`;
  try {
    const parsed: unknown = await response.json();
    if (typeof parsed === "object" && parsed !== null) {
      const p = parsed as { code?: unknown; message?: unknown };
      if (typeof p.code === "string") code = p.code;
      if (typeof p.message === "string" && p.message) message = p.message;
    }
  } catch {
    // Not JSON (a proxy's error page): keep the status message.
  }
  throw new AuthError(friendlier(message, response.status, code), response.status, code);
}

/** better-auth's messages are fine; a few read better with the next step in them. */
function friendlier(message: string, status: number, code: string | null): string {
  if (code === "INVALID_EMAIL_OR_PASSWORD") return "That email and password do not match.";
  if (status === 422 && /exist/i.test(message)) {
    return "An account with this email already exists. Sign in instead.";
  }
  return message;
}

export interface SignUp {
  name: string;
  email: string;
  password: string;
}

export function signUp(input: SignUp) {
  return post("sign-up/email", input);
}

export function signIn(input: { email: string; password: string }) {
  return post("sign-in/email", input);
}

export function signOut() {
  return post("sign-out", {});
}

/** Only same-site paths are followed after sign-in, so a link cannot bounce people elsewhere. */
export function safeRedirect(target: string | undefined): string | null {
  if (!target) return null;
  if (!target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return null;
  return target;
}
