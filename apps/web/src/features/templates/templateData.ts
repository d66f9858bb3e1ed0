import type { TemplateView } from "@rollout/domain";
import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "../../lib/trpc.ts";

/**
 * Templates' reads and writes, and what each write makes stale: the list, and the template
 * itself (replaced in place from the answer). A project made from a template is a new project:
 * the portfolio and dashboards refetch.
 */

export function useTemplateList(enabled = true) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.template.list.queryOptions(), enabled });
}

export function useTemplate(templateId: string | null) {
  const trpc = useTRPC();
  return useQuery(trpc.template.get.queryOptions(templateId ? { templateId } : skipToken));
}

function useTemplateSaved() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    (saved: TemplateView) => {
      queryClient.setQueryData(trpc.template.get.queryKey({ templateId: saved.id }), saved);
      void queryClient.invalidateQueries(trpc.template.list.pathFilter());
    },
    [trpc, queryClient],
  );
}

export function useTemplateWrites() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const saved = useTemplateSaved();
  const listChanged = () => void queryClient.invalidateQueries(trpc.template.list.pathFilter());
  return {
    create: useMutation(trpc.template.create.mutationOptions({ onSuccess: saved })),
    update: useMutation(trpc.template.update.mutationOptions({ onSuccess: saved })),
    duplicate: useMutation(trpc.template.duplicate.mutationOptions({ onSuccess: saved })),
    remove: useMutation(
      trpc.template.delete.mutationOptions({
        onSuccess: (_ok, input) => {
          queryClient.removeQueries(
            trpc.template.get.queryFilter({ templateId: input.templateId }),
          );
          listChanged();
        },
      }),
    ),
  };
}

export function useSaveAsTemplate() {
  const trpc = useTRPC();
  const saved = useTemplateSaved();
  return useMutation(trpc.template.saveFromProject.mutationOptions({ onSuccess: saved }));
}

export function useCreateFromTemplate() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.template.createProject.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries(trpc.project.list.pathFilter());
        void queryClient.invalidateQueries(trpc.dashboard.portfolio.pathFilter());
      },
    }),
  );
}

/** The organisation's holidays, which move a template's dates. */
export function useHolidays() {
  const trpc = useTRPC();
  return useQuery(trpc.org.holidays.queryOptions());
}
