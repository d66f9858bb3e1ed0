import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useRef } from "react";
import { applyLiveEvent } from "./liveUpdates.ts";
import { useTRPC } from "./trpc.ts";

/** How long to wait before opening the stream again after the server ended it or it failed. */
const RESTART_MS = 1500;

/**
 * Keeps every open page current: the server announces each committed change the person may
 * see, and the queries it may have moved refetch. When the stream is lost (the server restarted,
 * the network dropped) it is opened again, and everything on screen refetches once, since
 * changes made meanwhile were not heard.
 */
export function useLiveUpdates(enabled: boolean) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const wasDown = useRef(false);
  const live = useSubscription(
    trpc.live.changes.subscriptionOptions(undefined, {
      enabled,
      onData: (envelope) => applyLiveEvent(queryClient, envelope.data),
      onConnectionStateChange: (state) => {
        if (state.state === "connecting" && state.error) wasDown.current = true;
        if (state.state === "pending" && wasDown.current) {
          wasDown.current = false;
          void queryClient.invalidateQueries();
        }
      },
    }),
  );
  // A stream the server ended (it shuts its streams when it stops) or that failed for good.
  const { status, reset } = live;
  useEffect(() => {
    if (!enabled || (status !== "idle" && status !== "error")) return;
    const timer = setTimeout(() => {
      wasDown.current = true;
      reset();
    }, RESTART_MS);
    return () => clearTimeout(timer);
  }, [enabled, status, reset]);
}
