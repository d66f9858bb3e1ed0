import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "../../lib/trpc.ts";

/** A project's share links (PM and admin), and what creating or revoking one makes stale. */

export function useShareLinks(projectId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.share.list.queryOptions({ projectId }));
}

export function useShareWrites(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const changed = useCallback(
    () => queryClient.invalidateQueries(trpc.share.list.queryFilter({ projectId })),
    [trpc, queryClient, projectId],
  );
  return {
    create: useMutation(trpc.share.create.mutationOptions({ onSuccess: changed })),
    revoke: useMutation(trpc.share.revoke.mutationOptions({ onSuccess: changed })),
  };
}

/** The public view behind a link; never retried (a dead link stays dead). */
export function useSharedView(token: string) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.share.view.queryOptions({ token }), retry: false });
}
