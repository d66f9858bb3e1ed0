import type { CommentTarget } from "@rollout/domain";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "../../lib/trpc.ts";

/**
 * The queries and writes of comments, notifications and activity, with what each write makes
 * stale. Nothing is optimistic: a write waits for the server, then the lists refetch.
 */

export interface CommentTargetRef {
  projectId: string;
  targetType: CommentTarget;
  targetId: string;
}

export function useComments(target: CommentTargetRef) {
  const trpc = useTRPC();
  return useQuery(trpc.comment.list.queryOptions(target));
}

/** How many comments one thing has (from the per-kind counts, shared by every drawer). */
export function useCommentCount({ projectId, targetType, targetId }: CommentTargetRef) {
  const trpc = useTRPC();
  const counts = useQuery(trpc.comment.counts.queryOptions({ projectId, targetType }));
  return counts.data?.[targetId] ?? 0;
}

/** The signed-in person (from the session the app frame already holds). */
export function useMyUserId(): string | null {
  const trpc = useTRPC();
  return useQuery(trpc.session.get.queryOptions()).data?.user.id ?? null;
}

/** The people a comment on this thing may mention (those who can see it). */
export function useMentionable(target: CommentTargetRef, enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.comment.mentionable.queryOptions(target),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** After a comment changed: the threads, the counts and the activity (sentences tell comments). */
function useCommentsChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.comment.list.pathFilter()),
        queryClient.invalidateQueries(trpc.comment.counts.pathFilter()),
        queryClient.invalidateQueries(trpc.activity.pathFilter()),
      ]),
    [trpc, queryClient],
  );
}

export function useCommentWrites() {
  const trpc = useTRPC();
  const changed = useCommentsChanged();
  return {
    create: useMutation(trpc.comment.create.mutationOptions({ onSuccess: changed })),
    update: useMutation(trpc.comment.update.mutationOptions({ onSuccess: changed })),
    remove: useMutation(trpc.comment.delete.mutationOptions({ onSuccess: changed })),
    changed,
  };
}

// ── Notifications ──────────────────────────────────────────────────────────────────────────

export const BELL_PAGE = 10;

export function useUnreadCount(enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.notification.unreadCount.queryOptions(), enabled });
}

export function useNotificationPages(enabled: boolean) {
  const trpc = useTRPC();
  return useInfiniteQuery({
    ...trpc.notification.list.infiniteQueryOptions(
      { limit: BELL_PAGE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
    enabled,
  });
}

function useNotificationsChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries(trpc.notification.pathFilter()),
    [trpc, queryClient],
  );
}

export function useNotificationWrites() {
  const trpc = useTRPC();
  const changed = useNotificationsChanged();
  return {
    markRead: useMutation(trpc.notification.markRead.mutationOptions({ onSuccess: changed })),
    markAllRead: useMutation(trpc.notification.markAllRead.mutationOptions({ onSuccess: changed })),
  };
}

export function useNotificationPrefs() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const prefs = useQuery(trpc.notification.prefs.queryOptions());
  const save = useMutation(
    trpc.notification.setPrefs.mutationOptions({
      // The answer is the saved preferences: shown at once, no second request.
      onSuccess: (saved) => queryClient.setQueryData(trpc.notification.prefs.queryKey(), saved),
    }),
  );
  return { prefs, save };
}

// ── Activity ───────────────────────────────────────────────────────────────────────────────

export function useActivity(
  projectId: string,
  entity: { type: string; id: string } | null,
  limit: number,
) {
  const trpc = useTRPC();
  return useInfiniteQuery(
    trpc.activity.list.infiniteQueryOptions(
      { projectId, entity, limit },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
}
