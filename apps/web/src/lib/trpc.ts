import type { AppRouter } from "@rollout/api";
import type { QueryClient } from "@tanstack/react-query";
import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
} from "@trpc/client";
import { createTRPCContext, createTRPCOptionsProxy } from "@trpc/tanstack-react-query";

/** The server refuses tRPC calls without this header (a cross-site form cannot add it). */
const CSRF_HEADERS = { "x-rollout-csrf": "1" } as const;

export function createClient() {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        // Live updates arrive as server-sent events (EventSource reconnects on its own).
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({ url: "/trpc" }),
        // maxItems matches the server's MAX_BATCH_SIZE default (20).
        false: httpBatchLink({ url: "/trpc", maxItems: 20, headers: CSRF_HEADERS }),
      }),
    ],
  });
}

export type Client = ReturnType<typeof createClient>;

/** Options proxy for loaders (outside React); components use `useTRPC()`. Same keys. */
export function createOptionsProxy(client: Client, queryClient: QueryClient) {
  return createTRPCOptionsProxy<AppRouter>({ client, queryClient });
}

export type Trpc = ReturnType<typeof createOptionsProxy>;

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** What the UI needs from any failure: a code, a message to show, and per-field messages. */
export interface ErrorInfo {
  code: string | null;
  message: string;
  fieldErrors: Record<string, string>;
  requestId: string | null;
}

function readData(data: unknown): {
  code?: unknown;
  fieldErrors?: unknown;
  requestId?: unknown;
  httpStatus?: unknown;
} {
  return typeof data === "object" && data !== null ? data : {};
}

export function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof TRPCClientError) {
    const data = readData(error.data);
    const fields =
      typeof data.fieldErrors === "object" && data.fieldErrors !== null
        ? Object.fromEntries(
            Object.entries(data.fieldErrors).filter(
              (entry): entry is [string, string] => typeof entry[1] === "string",
            ),
          )
        : {};
    const networkFailure = error.cause instanceof TypeError || !error.data;
    return {
      code: typeof data.code === "string" ? data.code : null,
      message:
        networkFailure && !error.message
          ? "Could not reach the server. Check your connection and try again."
          : error.message,
      fieldErrors: fields,
      requestId: typeof data.requestId === "string" ? data.requestId : null,
    };
  }
  if (error instanceof Error) {
    return { code: null, message: error.message, fieldErrors: {}, requestId: null };
  }
  return { code: null, message: "Something went wrong", fieldErrors: {}, requestId: null };
}

export function errorCode(error: unknown): string | null {
  return errorInfo(error).code;
}

/** Errors the user can fix or that will not change on retry: never retried automatically. */
const final = new Set([
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PRECONDITION_FAILED",
  "TOO_MANY_REQUESTS",
  "UNPROCESSABLE_CONTENT",
]);

export function shouldRetry(failureCount: number, error: unknown): boolean {
  const code = errorCode(error);
  if (code && final.has(code)) return false;
  return failureCount < 2;
}
