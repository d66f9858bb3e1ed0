import {
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  type ProjectAccessRole,
  type Task,
  taskCategoryLabels,
  taskStatuses,
  taskStatusLabels,
} from "@rollout/domain";
import { IconChecklist, IconFileSpreadsheet } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { downloadCsv } from "../../lib/download.ts";
import { errorInfo, useTRPC } from "../../lib/trpc.ts";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { formatDate, relativeDays, todayLocal } from "../../ui/format.ts";
import { LoadingRows } from "../../ui/Loading.tsx";
import { AnchorLink } from "../../ui/links.tsx";
import { showUndo } from "../../ui/undo.tsx";
import { BenefitsDue } from "../pir/BenefitsDue.tsx";
import { CommunicationsDue } from "./CommunicationsDue.tsx";
import { myWorkTasksCsv } from "./myWorkCsv.ts";
import {
  groupItems,
  groupLabels,
  groupOrder,
  type MyWorkGroup,
  type MyWorkReason,
  reasonLabels,
} from "./myWorkGroups.ts";

type Item = {
  task: Task;
  projectId: string;
  projectKey: string;
  projectName: string;
  reasons: MyWorkReason[];
};

const reasonColors: Record<Item["reasons"][number], string> = {
  assignee: "gray",
  responsible: "teal",
  accountable: "blue",
};

const statusOptions = taskStatuses.map((s) => ({ value: s, label: taskStatusLabels[s] }));

/** Whether the status can be changed here: managers on the project, or the assignee. */
function canChange(role: ProjectAccessRole | undefined, item: Item): boolean {
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

/**
 * Exports the task list as shown, from the list's own query (no extra fetch). Not rendered until
 * the list has loaded, nor when it is empty.
 */
export function ExportMyTasksButton() {
  const trpc = useTRPC();
  const work = useQuery(trpc.myWork.list.queryOptions());
  if (!work.data || work.data.length === 0) return null;
  const items = work.data;
  return (
    <Button
      variant="default"
      leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
      aria-label="Export CSV of my tasks"
      onClick={() => downloadCsv("my-work-tasks.csv", myWorkTasksCsv(items, todayLocal()))}
    >
      Export CSV
    </Button>
  );
}

/** The signed-in person's open tasks across projects: overdue, this week, later, undated. */
function TaskList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const work = useQuery(trpc.myWork.list.queryOptions());
  const projects = useQuery(trpc.project.list.queryOptions({ includeArchived: false }));
  const update = useMutation(trpc.plan.task.update.mutationOptions());
  const roles = new Map(projects.data?.map((p) => [p.id, p.myRole]));
  const today = todayLocal();

  function setStatus(item: Item, status: Task["status"], undoable = true) {
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

  if (work.isPending) return <LoadingRows rows={6} label="Loading your work" />;
  if (work.isError) {
    return (
      <ErrorAlert
        error={work.error}
        title="Your work could not be loaded"
        onRetry={() => void work.refetch()}
      />
    );
  }
  if (work.data.length === 0) {
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

  const groups = groupItems(work.data, today);
  return (
    <Stack gap="lg">
      {groupOrder
        .filter((g) => groups[g].length > 0)
        .map((g) => (
          <WorkGroup
            key={g}
            group={g}
            items={groups[g]}
            today={today}
            canChange={(item) => canChange(roles.get(item.projectId), item)}
            onStatus={(item, status) => setStatus(item, status)}
            pendingTaskId={update.isPending ? update.variables?.taskId : undefined}
          />
        ))}
    </Stack>
  );
}

function WorkGroup({
  group,
  items,
  today,
  canChange,
  onStatus,
  pendingTaskId,
}: {
  group: MyWorkGroup;
  items: Item[];
  today: string;
  canChange: (item: Item) => boolean;
  onStatus: (item: Item, status: Task["status"]) => void;
  pendingTaskId: string | undefined;
}) {
  const id = `my-work-${group}`;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Group gap={8} mb="sm">
        <Title order={2} fz="h4" id={id} c={group === "overdue" ? "red" : undefined}>
          {groupLabels[group]}
        </Title>
        <Badge variant="light" color={group === "overdue" ? "red" : "gray"}>
          {items.length}
        </Badge>
      </Group>
      <Table.ScrollContainer minWidth={760} type="native">
        <Table verticalSpacing="xs" aria-labelledby={id}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>Project</Table.Th>
              <Table.Th>Task</Table.Th>
              <Table.Th w={170}>Status</Table.Th>
              <Table.Th w={150}>Due</Table.Th>
              <Table.Th w={270}>Why it is yours</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.task.id}>
                <Table.Td>
                  <AnchorLink
                    to="/projects/$projectId/plan"
                    params={{ projectId: item.projectId }}
                    search={{ task: item.task.id }}
                    fw={600}
                    size="sm"
                    title={item.projectName}
                  >
                    {item.projectKey}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {item.task.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {taskCategoryLabels[item.task.category]}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {canChange(item) ? (
                    <NativeSelect
                      size="xs"
                      aria-label={`Status of ${item.task.title}`}
                      data={statusOptions}
                      value={item.task.status}
                      disabled={pendingTaskId === item.task.id}
                      onChange={(e) => onStatus(item, e.currentTarget.value as Task["status"])}
                    />
                  ) : (
                    <Text size="sm">{taskStatusLabels[item.task.status]}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {item.task.dueDate ? (
                    <>
                      <Text
                        size="sm"
                        component="time"
                        dateTime={item.task.dueDate}
                        c={group === "overdue" ? "red" : undefined}
                        fw={group === "overdue" ? 600 : undefined}
                      >
                        {formatDate(item.task.dueDate)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {relativeDays(item.task.dueDate, today)}
                      </Text>
                    </>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {item.reasons.map((r) => (
                      <Badge key={r} size="sm" variant="light" color={reasonColors[r]} tt="none">
                        {reasonLabels[r]}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
