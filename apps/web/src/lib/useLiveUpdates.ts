import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useRef } from "react";
import { applyLiveEvent } from "./liveUpdates.ts";
import { useTRPC } from "./trpc.ts";

/**
 * Keeps every open page current: the server announces each committed change the person may
 * see, and the queries it may have moved refetch. After a lost connection (a server restart),
 * the stream reconnects on its own and everything on screen refetches once.
 */
export function useLiveUpdates(enabled: boolean) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const wasDown = useRef(false);
  useSubscription(
    trpc.live.changes.subscriptionOptions(undefined, {
      enabled,
      onStarted: () => {
        if (wasDown.current) void queryClient.invalidateQueries();
        wasDown.current = false;
      },
      onData: (envelope) => applyLiveEvent(queryClient, envelope.data),
      onConnectionStateChange: (state) => {
        if (state.state === "connecting" && state.error) wasDown.current = true;
      },
    }),
  );
}
