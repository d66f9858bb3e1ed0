import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./styles.css";

import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import {
  createClient,
  createOptionsProxy,
  errorCode,
  shouldRetry,
  TRPCProvider,
} from "./lib/trpc.ts";
import { type AppRouter, createAppRouter } from "./router.tsx";
import { theme } from "./theme.ts";

let router: AppRouter | undefined;

/**
 * Failures that mean "you cannot be here": a lost session goes to sign-in (coming back after),
 * a session without an organisation goes to create/choose one.
 */
function onGlobalError(error: unknown) {
  if (!router) return;
  const code = errorCode(error);
  const path = router.state.location.pathname;
  if (code === "UNAUTHORIZED") {
    queryClient.setQueryData(trpc.session.get.queryKey(), null);
    if (path !== "/sign-in" && path !== "/sign-up" && !path.startsWith("/invite/")) {
      void router.navigate({ to: "/sign-in", search: { redirect: router.state.location.href } });
    }
  } else if (code === "PRECONDITION_FAILED" && path !== "/orgs/new") {
    void queryClient.invalidateQueries(trpc.session.pathFilter());
    void router.navigate({ to: "/orgs/new" });
  }
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onGlobalError }),
  mutationCache: new MutationCache({ onError: onGlobalError }),
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 15_000 },
    mutations: { retry: false },
  },
});
const trpcClient = createClient();
const trpc = createOptionsProxy(trpcClient, queryClient);
router = createAppRouter({ trpc, queryClient });

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <RouterProvider router={router} />
        </TRPCProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
