import { type Project, projectAllows, type RaidItemDetail } from "@rollout/domain";
import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { useTRPC } from "../../lib/trpc.ts";

/**
 * The RAID log's reads and writes, and what each write makes stale: the log itself, the heat
 * map, open item details, and the stakeholder register (it counts the open items each owns).
 * A risk that occurs adds an issue, so it is the same set. Imports add many items at once.
 */

export function useRaidList(projectId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.raid.list.queryOptions({ projectId }));
}

export function useRaidHeatMap(projectId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.raid.heatMap.queryOptions({ projectId }));
}

export function useRaidItem(projectId: string, itemId: string | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.raid.get.queryOptions(itemId ? { projectId, itemId } : skipToken));
}

/** What the signed-in person may do here (the API checks it again). */
export interface RaidRights {
  edit: boolean;
  /** Whether the stakeholder register can be read (owners may be stakeholders). */
  readStakeholders: boolean;
}

export function useRaidRights(project: Project): RaidRights {
  return {
    edit: project.canEdit && !project.archivedAt && projectAllows("raid.edit", project.myRole),
    readStakeholders: projectAllows("stakeholder.read", project.myRole),
  };
}

function useRaidChanged(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    void queryClient.invalidateQueries(trpc.stakeholder.list.queryFilter({ projectId }));
    await Promise.all([
      queryClient.invalidateQueries(trpc.raid.list.queryFilter({ projectId })),
      queryClient.invalidateQueries(trpc.raid.heatMap.queryFilter({ projectId })),
      queryClient.invalidateQueries(trpc.raid.get.pathFilter()),
    ]);
  }, [trpc, queryClient, projectId]);
}

export function useRaidWrites(projectId: string) {
  const trpc = useTRPC();
  const changed = useRaidChanged(projectId);
  return {
    create: useMutation(trpc.raid.create.mutationOptions({ onSuccess: changed })),
    // Fields then links are two writes: the caller refreshes once both are done (`changed`).
    update: useMutation(trpc.raid.update.mutationOptions()),
    setLinks: useMutation(trpc.raid.setLinks.mutationOptions()),
    remove: useMutation(trpc.raid.delete.mutationOptions({ onSuccess: changed })),
    occur: useMutation(trpc.raid.occur.mutationOptions({ onSuccess: changed })),
    changed,
  };
}

/** A dry run never writes, so only a real import refreshes the log. */
export function useRaidImport(projectId: string) {
  const trpc = useTRPC();
  const changed = useRaidChanged(projectId);
  return useMutation(
    trpc.raid.import.mutationOptions({
      onSuccess: (result, input) => {
        if (!input.dryRun && result.created > 0) void changed();
      },
    }),
  );
}

/** Fetches one item again and hands it back as it is now (after a CONFLICT). */
export function useFreshRaidItem(projectId: string, itemId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [loading, setLoading] = useState(false);
  const load = useCallback(async (): Promise<RaidItemDetail | null> => {
    setLoading(true);
    try {
      void queryClient.invalidateQueries(trpc.raid.list.queryFilter({ projectId }));
      return await queryClient.fetchQuery({
        ...trpc.raid.get.queryOptions({ projectId, itemId }),
        staleTime: 0,
      });
    } catch {
      return null;
    } finally {
      setLoading(false);
    }
  }, [trpc, queryClient, projectId, itemId]);
  return { loading, load };
}

export interface OwnerGroup {
  group: string;
  items: { value: string; label: string }[];
}

/**
 * Who can own an item: project members, and the stakeholders in the register for those who may
 * read it. The current owner is always offered, even when not in either list any more.
 */
export function useOwnerChoices(
  projectId: string,
  rights: RaidRights,
  current: { value: string; label: string } | null,
): { groups: OwnerGroup[]; loading: boolean } {
  const trpc = useTRPC();
  const members = useQuery(trpc.project.members.list.queryOptions({ projectId }));
  const stakeholders = useQuery(
    trpc.stakeholder.list.queryOptions(rights.readStakeholders ? { projectId } : skipToken),
  );
  const groups = useMemo(() => {
    const out: OwnerGroup[] = [];
    const people = (members.data ?? [])
      .map((m) => ({ value: `user:${m.userId}`, label: m.name }))
      .sort((a, b) => a.label.localeCompare(b.label));
    if (people.length > 0) out.push({ group: "Project members", items: people });
    const register = (stakeholders.data ?? [])
      .map((s) => ({
        value: `stakeholder:${s.id}`,
        label: s.title ? `${s.name} (${s.title})` : s.name,
      }))
      .sort((a, b) => a.label.localeCompare(b.label));
    if (register.length > 0) out.push({ group: "Stakeholders", items: register });
    if (current && !out.some((g) => g.items.some((i) => i.value === current.value))) {
      out.push({ group: "Current owner", items: [current] });
    }
    return out;
  }, [members.data, stakeholders.data, current]);
  return { groups, loading: members.isPending };
}

/** Tasks (grouped by phase) and milestones an item can be linked to. */
export function useLinkChoices(projectId: string, enabled: boolean) {
  const trpc = useTRPC();
  const plan = useQuery(trpc.plan.get.queryOptions(enabled ? { projectId } : skipToken));
  const schedule = useQuery(trpc.schedule.get.queryOptions(enabled ? { projectId } : skipToken));
  const tasks = useMemo(() => {
    if (!plan.data) return [];
    const byPhase = new Map<string, { value: string; label: string }[]>();
    for (const t of plan.data.tasks) {
      const list = byPhase.get(t.phaseId) ?? [];
      list.push({ value: t.id, label: t.title });
      byPhase.set(t.phaseId, list);
    }
    return [...plan.data.phases]
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .flatMap((p) => {
        const items = byPhase.get(p.id);
        return items ? [{ group: p.name, items }] : [];
      });
  }, [plan.data]);
  const milestones = useMemo(
    () => (schedule.data?.milestones ?? []).map((m) => ({ value: m.id, label: m.name })),
    [schedule.data],
  );
  return {
    tasks,
    milestones,
    loading: plan.isPending || schedule.isPending,
    error: plan.error ?? schedule.error,
  };
}
