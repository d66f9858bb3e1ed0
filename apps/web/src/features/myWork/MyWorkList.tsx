import { Button, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { MyWorkItem, ProjectAccessRole, Task } from "@rollout/domain";
import { taskStatusLabels } from "@rollout/domain";
import { IconChecklist } from "@tabler/icons-react";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorInfo, useTRPC } from "../../lib/trpc.ts";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { formatNumber, todayLocal } from "../../ui/format.ts";
import { LoadingRows } from "../../ui/Loading.tsx";
import { showUndo } from "../../ui/undo.tsx";
import { BenefitsDue } from "../pir/BenefitsDue.tsx";
import { CommunicationsDue } from "./CommunicationsDue.tsx";
import { MyWorkTable } from "./MyWorkTable.tsx";
import { myWorkGroupInput, myWorkNextPage, totalOf } from "./myWorkData.ts";
import { groupLabels, groupOrder, type MyWorkGroup } from "./myWorkGroups.ts";

/** Whether the status can be changed here: managers on the project, or the assignee. */
function canChange(role: ProjectAccessRole | undefined, item: MyWorkItem): boolean {
  if (role === "admin" || role === "pm" || role === "ipm") return true;
  return role === "contributor" && item.reasons.includes("assignee");
}

/** What is mine across projects: communications due, then open tasks. */
export function MyWorkList() {
  return (
    <Stack gap="lg">
      <CommunicationsDue />
      <BenefitsDue />
      <TaskList />
    </Stack>
  );
}

/** The first page of each group (one batched request), and more of a group on demand. */
function useGroupPages(today: string) {
  const trpc = useTRPC();
  const pagesOf = (group: MyWorkGroup) =>
    trpc.myWork.list.infiniteQueryOptions(myWorkGroupInput(group, today), myWorkNextPage);
  return {
    overdue: useInfiniteQuery(pagesOf("overdue")),
    thisWeek: useInfiniteQuery(pagesOf("thisWeek")),
    later: useInfiniteQuery(pagesOf("later")),
    noDate: useInfiniteQuery(pagesOf("noDate")),
  };
}
type GroupPages = ReturnType<typeof useGroupPages>[MyWorkGroup];

/** The signed-in person's open tasks across projects: overdue, this week, later, undated. */
function TaskList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const today = todayLocal();
  const groups = useGroupPages(today);
  const projects = useQuery(trpc.project.list.queryOptions({ includeArchived: false }));
  const update = useMutation(trpc.plan.task.update.mutationOptions());
  const roles = new Map(projects.data?.map((p) => [p.id, p.myRole]));

  function setStatus(item: MyWorkItem, status: Task["status"], undoable = true) {
    const before = item.task.status;
    update.mutate(
      {
        projectId: item.projectId,
        taskId: item.task.id,
        version: item.task.version,
        changes: { status },
      },
      {
        onSuccess: (saved) => {
          void queryClient.invalidateQueries(trpc.myWork.list.pathFilter());
          void queryClient.invalidateQueries(
            trpc.plan.get.queryFilter({ projectId: item.projectId }),
          );
          if (!undoable) return;
          const closed = status === "done" || status === "cancelled";
          const message = `“${saved.title}” is ${taskStatusLabels[status].toLowerCase()}${closed ? " and leaves this list" : ""}.`;
          showUndo({
            title: item.projectKey,
            message,
            onUndo: () => setStatus({ ...item, task: saved }, before, false),
          });
        },
        onError: (error) => {
          const info = errorInfo(error);
          void queryClient.invalidateQueries(trpc.myWork.list.pathFilter());
          notifications.show({
            color: info.code === "CONFLICT" ? "orange" : "red",
            title: "Status not changed",
            message:
              info.code === "CONFLICT"
                ? "Someone changed this task meanwhile; the list is reloaded. Try again."
                : info.message,
          });
        },
      },
    );
  }

  const all = groupOrder.map((g) => groups[g]);
  const failed = all.find((q) => q.isError);
  if (failed) {
    return (
      <ErrorAlert
        error={failed.error}
        title="Your work could not be loaded"
        onRetry={() => {
          for (const q of all) if (q.isError) void q.refetch();
        }}
      />
    );
  }
  if (all.some((q) => q.isPending)) return <LoadingRows rows={6} label="Loading your work" />;
  const counts = groups.overdue.data?.pages.at(-1)?.counts;
  if (!counts || totalOf(counts) === 0) {
    return (
      <Paper withBorder radius="md" p="lg">
        <EmptyState
          icon={<IconChecklist size={28} aria-hidden />}
          title="Nothing on your list"
          description="Open tasks assigned to you, or where your project role is responsible (R) or accountable (A), show up here."
        />
      </Paper>
    );
  }

  return (
    <Stack gap="lg">
      {groupOrder.map((g) => (
        <WorkGroup
          key={g}
          group={g}
          pages={groups[g]}
          today={today}
          canChange={(item) => canChange(roles.get(item.projectId), item)}
          onStatus={(item, status) => setStatus(item, status)}
          pendingTaskId={update.isPending ? update.variables?.taskId : undefined}
        />
      ))}
    </Stack>
  );
}

/**
 * One group: its count in the heading, the rows loaded so far, and "Show more" for the next
 * page. A group with nothing in it is left out.
 */
function WorkGroup({
  group,
  pages,
  today,
  canChange,
  onStatus,
  pendingTaskId,
}: {
  group: MyWorkGroup;
  pages: GroupPages;
  today: string;
  canChange: (item: MyWorkItem) => boolean;
  onStatus: (item: MyWorkItem, status: Task["status"]) => void;
  pendingTaskId: string | undefined;
}) {
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const loaded = pages.data?.pages ?? [];
  const count = loaded.at(-1)?.counts[group] ?? 0;
  // A task moved between two page loads could come twice: shown once.
  const byId = new Map(loaded.flatMap((p) => p.items).map((item) => [item.task.id, item]));
  const items = [...byId.values()];
  if (count === 0 && items.length === 0) return null;

  const id = `my-work-${group}`;
  const label = groupLabels[group];
  const fetchingMore = pages.isFetchingNextPage;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Title order={2} fz="h4" id={id} mb="sm" c={group === "overdue" ? "red" : undefined}>
        {label}{" "}
        <Text span inherit c="dimmed" fw={500}>
          · {formatNumber(count)}
        </Text>
      </Title>
      <MyWorkTable
        group={group}
        labelledBy={id}
        items={items}
        today={today}
        canChange={canChange}
        onStatus={onStatus}
        pendingTaskId={pendingTaskId}
        focusRow={focusRow}
      />
      {pages.hasNextPage || items.length < count ? (
        <Group justify="space-between" mt="sm" gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            Showing {formatNumber(items.length)} of {formatNumber(count)}
          </Text>
          {pages.hasNextPage ? (
            <Button
              variant="default"
              size="xs"
              className="no-print"
              aria-label={`Show more: ${label.toLowerCase()}`}
              aria-busy={fetchingMore || undefined}
              leftSection={fetchingMore ? <Loader size={12} aria-hidden /> : undefined}
              // Not disabled while loading: the focus stays on it until the new rows are in.
              onClick={() => {
                if (fetchingMore) return;
                setFocusRow(items.length);
                void pages.fetchNextPage();
              }}
            >
              Show more
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Paper>
  );
}
