import { notifications } from "@mantine/notifications";
import { type Project, projectAllows, type StatusReport } from "@rollout/domain";
import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef } from "react";
import { errorInfo, useTRPC } from "../../lib/trpc.ts";
import type { ReportFile } from "./reportFiles.ts";

/**
 * Status reports' reads and writes, and what each write makes stale:
 * - creating, editing or deleting a draft changes the list and that report;
 * - publishing also adds a point to the milestone trend and to the stakeholder view.
 */

export function useReportList(projectId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.report.list.queryOptions({ projectId }));
}

export function useReport(projectId: string, reportId: string | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.report.get.queryOptions(reportId ? { projectId, reportId } : skipToken));
}

export function useReportTrend(projectId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.report.trend.queryOptions({ projectId }));
}

/** What the signed-in person may do with this project's reports (the API checks it again). */
export interface ReportRights {
  edit: boolean;
  publish: boolean;
  share: boolean;
}

export function reportRights(project: Project): ReportRights {
  const writable = project.canEdit && !project.archivedAt;
  return {
    edit: writable && projectAllows("report.edit", project.myRole),
    publish: writable && projectAllows("report.publish", project.myRole),
    share: !project.archivedAt && projectAllows("share.manage", project.myRole),
  };
}

function useReportsChanged(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    async (published = false) => {
      if (published) {
        void queryClient.invalidateQueries(trpc.report.trend.queryFilter({ projectId }));
        void queryClient.invalidateQueries(trpc.report.stakeholderView.queryFilter({ projectId }));
      }
      await Promise.all([
        queryClient.invalidateQueries(trpc.report.list.queryFilter({ projectId })),
        queryClient.invalidateQueries(trpc.report.get.queryFilter({ projectId })),
      ]);
    },
    [trpc, queryClient, projectId],
  );
}

export function useReportWrites(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const changed = useReportsChanged(projectId);
  return {
    create: useMutation(trpc.report.create.mutationOptions({ onSuccess: () => changed() })),
    update: useMutation(trpc.report.update.mutationOptions({ onSuccess: () => changed() })),
    // The open draft's own query is only marked stale: refetching it would flash "not here"
    // before the page goes back to the list.
    remove: useMutation(
      trpc.report.delete.mutationOptions({
        onSuccess: () =>
          Promise.all([
            queryClient.invalidateQueries(trpc.report.list.queryFilter({ projectId })),
            queryClient.invalidateQueries({
              ...trpc.report.get.queryFilter({ projectId }),
              refetchType: "none",
            }),
          ]),
      }),
    ),
    publish: useMutation(trpc.report.publish.mutationOptions({ onSuccess: () => changed(true) })),
    changed,
  };
}

/**
 * Fetches a report again and hands it back as it is now (after a CONFLICT): null when it is gone.
 * A failure to load (network) is shown and also answers null; `failed()` tells the two apart.
 */
export function useFreshReport(projectId: string, reportId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const failure = useRef(false);
  const load = useCallback(async (): Promise<StatusReport | null> => {
    failure.current = false;
    void queryClient.invalidateQueries(trpc.report.list.queryFilter({ projectId }));
    try {
      return await queryClient.fetchQuery({
        ...trpc.report.get.queryOptions({ projectId, reportId }),
        staleTime: 0,
      });
    } catch (error) {
      const info = errorInfo(error);
      if (info.code !== "NOT_FOUND") {
        failure.current = true;
        notifications.show({
          color: "red",
          title: "Their version could not be loaded",
          message: info.message,
        });
      }
      return null;
    }
  }, [trpc, queryClient, projectId, reportId]);
  const failed = useCallback(() => failure.current, []);
  return { load, failed };
}

/**
 * The PDF or Markdown of a report, fetched when asked for and not kept: a PDF is large, and a
 * draft's file must show its latest text.
 */
export function useReportFile(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    (kind: "pdf" | "markdown", reportId: string): Promise<ReportFile> => {
      const procedure = kind === "pdf" ? trpc.report.pdf : trpc.report.markdown;
      return queryClient.fetchQuery({
        ...procedure.queryOptions({ projectId, reportId }),
        staleTime: 0,
        gcTime: 0,
      });
    },
    [trpc, queryClient, projectId],
  );
}
