import { notifications } from "@mantine/notifications";
import { type Pir, type Project, projectAllows } from "@rollout/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { errorInfo, useTRPC } from "../../lib/trpc.ts";

/**
 * The review's reads and writes, and what each write makes stale: the review (every revision
 * query of the project), its list of revisions, the lessons library (lessons are read across
 * the organisation) and My work (benefits to re-measure).
 */

export function usePir(projectId: string, revision: number | undefined) {
  const trpc = useTRPC();
  return useQuery(
    trpc.pir.get.queryOptions(revision === undefined ? { projectId } : { projectId, revision }),
  );
}

export function usePirRevisions(projectId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.pir.revisions.queryOptions({ projectId }));
}

function usePirChanged(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.pir.get.queryFilter({ projectId })),
        queryClient.invalidateQueries(trpc.pir.revisions.queryFilter({ projectId })),
        queryClient.invalidateQueries(trpc.lesson.pathFilter()),
        queryClient.invalidateQueries(trpc.myWork.benefits.pathFilter()),
      ]),
    [trpc, queryClient, projectId],
  );
}

export function usePirWrites(projectId: string) {
  const trpc = useTRPC();
  const changed = usePirChanged(projectId);
  // Settled, not only succeeded: a refusal (stale version, locked) means the page is behind.
  const after = { onSettled: () => changed() };
  return {
    open: useMutation(trpc.pir.open.mutationOptions(after)),
    update: useMutation(trpc.pir.update.mutationOptions(after)),
    setSigners: useMutation(trpc.pir.setSigners.mutationOptions(after)),
    submit: useMutation(trpc.pir.submit.mutationOptions(after)),
    reopen: useMutation(trpc.pir.reopen.mutationOptions(after)),
    sign: useMutation(trpc.pir.sign.mutationOptions(after)),
    revise: useMutation(trpc.pir.revise.mutationOptions(after)),
    addObjective: useMutation(trpc.pir.objective.add.mutationOptions(after)),
    updateObjective: useMutation(trpc.pir.objective.update.mutationOptions(after)),
    deleteObjective: useMutation(trpc.pir.objective.delete.mutationOptions(after)),
    moveObjective: useMutation(trpc.pir.objective.move.mutationOptions(after)),
    addKpi: useMutation(trpc.pir.kpi.add.mutationOptions(after)),
    updateKpi: useMutation(trpc.pir.kpi.update.mutationOptions(after)),
    deleteKpi: useMutation(trpc.pir.kpi.delete.mutationOptions(after)),
    scheduleRemeasure: useMutation(trpc.pir.kpi.scheduleRemeasure.mutationOptions(after)),
    addLesson: useMutation(trpc.pir.lesson.add.mutationOptions(after)),
    updateLesson: useMutation(trpc.pir.lesson.update.mutationOptions(after)),
    deleteLesson: useMutation(trpc.pir.lesson.delete.mutationOptions(after)),
    record: useMutation(trpc.benefit.record.mutationOptions(after)),
  };
}
export type PirWrites = ReturnType<typeof usePirWrites>;

/** What the signed-in person may do with this review (the API checks it all again). */
export interface PirRights {
  /** Change objectives, KPIs, lessons, summary and signers: a manager, on a draft. */
  edit: boolean;
  /** Send for sign-off, or take back to draft. */
  manage: boolean;
  /** Start a new revision of a signed-off review. */
  revise: boolean;
  /** Named to sign, not yet signed, and the review is out for sign-off. */
  sign: boolean;
  /** Record later measurements of benefits: managers for all, owners for their own. */
  recordAll: boolean;
  userId: string | null;
}

export function pirRights(project: Project, review: Pir | null, userId: string | null): PirRights {
  const writable = !project.archivedAt;
  const latest = review?.latest ?? false;
  const manager = writable && projectAllows("pir.edit", project.myRole);
  const mine = review?.signers.find((s) => s.userId === userId);
  return {
    edit: manager && latest && review?.status === "draft",
    manage: manager && latest && review?.status !== "signed_off",
    revise:
      writable &&
      latest &&
      review?.status === "signed_off" &&
      projectAllows("pir.revise", project.myRole),
    sign: writable && review?.status === "in_review" && Boolean(mine) && !mine?.signedAt,
    recordAll: writable && latest && manager,
    userId,
  };
}

/** A failed write as a notification: a stale version says so plainly (the page has reloaded). */
export function notifyFailure(title: string, error: unknown) {
  const info = errorInfo(error);
  notifications.show({
    color: info.code === "CONFLICT" ? "orange" : "red",
    title,
    message:
      info.code === "CONFLICT"
        ? "Someone changed it meanwhile; the review now shows their version. Try again."
        : info.message,
  });
}

/** Field messages from the server, keyed by the form's own field names ("changes.tags" → "tags"). */
export function formFieldErrors(fieldErrors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fieldErrors)) {
    out[key.replace(/^changes\./, "").split(".")[0] ?? key] ??= message;
  }
  return out;
}
