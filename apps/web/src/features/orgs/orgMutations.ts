import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc.ts";

/** Organisation writes and what each makes stale. */

export function useRenameOrg() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.org.update.mutationOptions({
      onSuccess: (org) => {
        queryClient.setQueryData(trpc.org.get.queryKey(), org);
        // The name shows in the header's switcher (session) and the organisation list.
        void queryClient.invalidateQueries(trpc.session.pathFilter());
        void queryClient.invalidateQueries(trpc.org.list.pathFilter());
      },
    }),
  );
}

export function useChangeOrgRole() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.org.changeRole.mutationOptions({
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries(trpc.org.members.pathFilter()),
          queryClient.invalidateQueries(trpc.session.pathFilter()),
          queryClient.invalidateQueries(trpc.project.pathFilter()),
        ]),
    }),
  );
}

export function useRemoveOrgMember() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.org.removeMember.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries(trpc.org.members.pathFilter()),
          queryClient.invalidateQueries(trpc.project.pathFilter()),
        ]),
    }),
  );
}

export function useInvite() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.org.invite.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.org.invitations.pathFilter()),
    }),
  );
}

export function useRevokeInvitation() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.org.revokeInvitation.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.org.invitations.pathFilter()),
    }),
  );
}

/**
 * The risk band table. Every RAID item's band and every heat map follow it; the organisation's
 * version moves on, so the name form saves against the new one.
 */
export function useSetRiskThresholds() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.org.setRiskThresholds.mutationOptions({
      onSuccess: (org) => {
        queryClient.setQueryData(trpc.org.get.queryKey(), org);
        void queryClient.invalidateQueries(trpc.raid.pathFilter());
      },
      onError: () => queryClient.invalidateQueries(trpc.org.get.queryFilter()),
    }),
  );
}

export function useSetHealthThresholds() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.org.setHealthThresholds.mutationOptions({
      onSuccess: (org) => {
        queryClient.setQueryData(trpc.org.get.queryKey(), org);
        // Every project's computed health follows the new limits.
        void queryClient.invalidateQueries(trpc.dashboard.pathFilter());
        void queryClient.invalidateQueries(trpc.report.pathFilter());
      },
      onError: () => queryClient.invalidateQueries(trpc.org.get.queryFilter()),
    }),
  );
}
