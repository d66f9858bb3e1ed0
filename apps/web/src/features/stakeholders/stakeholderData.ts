import {
  type CommItem,
  type Project,
  projectAllows,
  quadrantOf,
  type Stakeholder,
} from "@rollout/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { errorInfo, useTRPC } from "../../lib/trpc.ts";
import type { GridPosition } from "./stakeholderModel.ts";

/**
 * The stakeholder page's reads and writes, and what each write makes stale.
 * - A stakeholder write changes the register; the communication plan names people in its
 *   audience and the RAID log names owners, so both are refetched; linking a sign-in user adds
 *   them to the project's members.
 * - A communication write changes the plan and people's "communications due" lists.
 */

export function useStakeholders(projectId: string, enabled = true) {
  const trpc = useTRPC();
  return useQuery(trpc.stakeholder.list.queryOptions({ projectId }, { enabled }));
}

export function useComms(projectId: string, enabled = true) {
  const trpc = useTRPC();
  return useQuery(trpc.comms.list.queryOptions({ projectId }, { enabled }));
}

export function useRaidItems(projectId: string, enabled = true) {
  const trpc = useTRPC();
  return useQuery(trpc.raid.list.queryOptions({ projectId }, { enabled }));
}

/** What the signed-in person may do here (the API checks it again). */
export interface StakeholderRights {
  read: boolean;
  edit: boolean;
}

export function stakeholderRights(project: Project): StakeholderRights {
  return {
    read: projectAllows("stakeholder.read", project.myRole),
    edit:
      project.canEdit && !project.archivedAt && projectAllows("stakeholder.edit", project.myRole),
  };
}

function useRegisterChanged(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.stakeholder.list.queryFilter({ projectId })),
        queryClient.invalidateQueries(trpc.comms.list.queryFilter({ projectId })),
        queryClient.invalidateQueries(trpc.raid.list.queryFilter({ projectId })),
        queryClient.invalidateQueries(trpc.project.members.list.queryFilter({ projectId })),
      ]),
    [trpc, queryClient, projectId],
  );
}

export function useStakeholderWrites(projectId: string) {
  const trpc = useTRPC();
  const changed = useRegisterChanged(projectId);
  return {
    create: useMutation(trpc.stakeholder.create.mutationOptions({ onSuccess: changed })),
    update: useMutation(trpc.stakeholder.update.mutationOptions({ onSuccess: changed })),
    remove: useMutation(trpc.stakeholder.delete.mutationOptions({ onSuccess: changed })),
  };
}

/** Fetches the register again and hands back one person as they are now (after a CONFLICT). */
export function useFreshStakeholder(projectId: string, stakeholderId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async (): Promise<Stakeholder | null> => {
    try {
      const list = await queryClient.fetchQuery({
        ...trpc.stakeholder.list.queryOptions({ projectId }),
        staleTime: 0,
      });
      return list.find((s) => s.id === stakeholderId) ?? null;
    } catch {
      return null;
    }
  }, [trpc, queryClient, projectId, stakeholderId]);
}

/** The same for one communication. */
export function useFreshComm(projectId: string, commId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async (): Promise<CommItem | null> => {
    try {
      const list = await queryClient.fetchQuery({
        ...trpc.comms.list.queryOptions({ projectId }),
        staleTime: 0,
      });
      return list.items.find((c) => c.id === commId) ?? null;
    } catch {
      return null;
    }
  }, [trpc, queryClient, projectId, commId]);
}

export type MoveResult = { ok: true } | { ok: false; conflict: boolean; message: string };

/**
 * Moves a person on the power/interest grid: shown at once in the cached register, put back
 * when the server refuses. The server adds one to the version on a write, so the cached row
 * keeps a version the next move can use before the refetch lands.
 */
export function useGridMove(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const changed = useRegisterChanged(projectId);
  const { mutateAsync } = useMutation(trpc.stakeholder.update.mutationOptions());
  return useCallback(
    /** `shown` runs once the move is in the cache (the caller drops its own preview then). */
    async (person: Stakeholder, to: GridPosition, shown?: () => void): Promise<MoveResult> => {
      const key = trpc.stakeholder.list.queryKey({ projectId });
      // Cancelling a refetch puts back the data it started from: cancel first, then show.
      await queryClient.cancelQueries({ queryKey: key });
      const patch = (fields: Partial<Stakeholder>) =>
        queryClient.setQueryData(key, (list) =>
          list?.map((s) => (s.id === person.id ? { ...s, ...fields } : s)),
        );
      patch({ ...to, quadrant: quadrantOf(to.power, to.interest) });
      shown?.();
      try {
        await mutateAsync({
          projectId,
          stakeholderId: person.id,
          version: person.version,
          changes: to,
        });
        patch({ version: person.version + 1 });
        void changed();
        return { ok: true };
      } catch (error) {
        patch({ power: person.power, interest: person.interest, quadrant: person.quadrant });
        const info = errorInfo(error);
        if (info.code === "CONFLICT") void changed();
        return { ok: false, conflict: info.code === "CONFLICT", message: info.message };
      }
    },
    [trpc, queryClient, mutateAsync, projectId, changed],
  );
}

function useCommsChanged(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.comms.list.queryFilter({ projectId })),
        queryClient.invalidateQueries(trpc.myWork.communications.pathFilter()),
      ]),
    [trpc, queryClient, projectId],
  );
}

export function useCommWrites(projectId: string) {
  const trpc = useTRPC();
  const changed = useCommsChanged(projectId);
  return {
    create: useMutation(trpc.comms.create.mutationOptions({ onSuccess: changed })),
    update: useMutation(trpc.comms.update.mutationOptions({ onSuccess: changed })),
    remove: useMutation(trpc.comms.delete.mutationOptions({ onSuccess: changed })),
    // A refusal (someone marked it first) also leaves the list stale.
    markDone: useMutation(trpc.comms.markDone.mutationOptions({ onSettled: changed })),
  };
}
