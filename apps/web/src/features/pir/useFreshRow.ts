import type { Pir } from "@rollout/domain";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "../../lib/trpc.ts";

/**
 * Fetches the current review again and picks one row of it (after a CONFLICT): null when the
 * row is gone, or the review could not be read.
 */
export function useFreshRow<T>(projectId: string, pick: (review: Pir) => T | undefined) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async (): Promise<T | null> => {
    try {
      const fresh = await queryClient.fetchQuery({
        ...trpc.pir.get.queryOptions({ projectId }),
        staleTime: 0,
      });
      return fresh.review ? (pick(fresh.review) ?? null) : null;
    } catch {
      return null;
    }
  }, [trpc, queryClient, projectId, pick]);
}
