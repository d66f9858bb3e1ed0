import type { FastifyReply, FastifyRequest } from "fastify";

/** Our web client adds this header to every tRPC call; a cross-site form cannot. */
export const CSRF_HEADER = "x-rollout-csrf";

function trpcError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply
    .code(status)
    .type("application/json")
    .send({ error: { message, code: -32000, data: { code, httpStatus: status } } });
}

/**
 * tRPC alone would run a mutation posted by a cross-site HTML form (multipart or urlencoded)
 * with the victim's cookie. Refuse, before the body is read: any request the browser marks as
 * cross-site; any POST that is not JSON; any POST without our client's header.
 */
export async function csrfGuard(request: FastifyRequest, reply: FastifyReply) {
  const site = request.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") {
    return trpcError(reply, 403, "FORBIDDEN", "Cross-site requests are not allowed");
  }
  if (request.method === "GET" || request.method === "HEAD") return;
  if (request.method !== "POST") {
    return trpcError(reply, 405, "METHOD_NOT_SUPPORTED", "Use GET or POST");
  }
  const type = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    return trpcError(reply, 415, "UNSUPPORTED_MEDIA_TYPE", "Send JSON (application/json)");
  }
  if (request.headers[CSRF_HEADER] !== "1") {
    return trpcError(reply, 403, "FORBIDDEN", `Missing the ${CSRF_HEADER} header`);
  }
}

/** The CSP the built SPA runs under: scripts and connections only from our own origin. */
export function contentSecurityPolicy(https: boolean) {
  return {
    useDefaults: false,
    directives: {
      "default-src": ["'self'"],
      "script-src": ["'self'"],
      // Mantine writes its theme variables into a <style> tag and sets style attributes.
      "style-src": ["'self'", "'unsafe-inline'"],
      "img-src": ["'self'", "data:"],
      "font-src": ["'self'", "data:"],
      "connect-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'none'"],
      "frame-ancestors": ["'none'"],
      "form-action": ["'self'"],
      // Only behind https: over plain http (a LAN address) it would blank the page.
      ...(https ? { "upgrade-insecure-requests": [] } : {}),
    },
  };
}
