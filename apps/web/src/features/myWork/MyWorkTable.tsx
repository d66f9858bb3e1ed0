import { Badge, Group, NativeSelect, Table, Text } from "@mantine/core";
import {
  type MyWorkItem,
  type Task,
  taskCategoryLabels,
  taskStatuses,
  taskStatusLabels,
} from "@rollout/domain";
import { useEffect, useRef } from "react";
import { formatDate, relativeDays } from "../../ui/format.ts";
import { AnchorLink } from "../../ui/links.tsx";
import { type MyWorkGroup, reasonLabels } from "./myWorkGroups.ts";

const reasonColors: Record<MyWorkItem["reasons"][number], string> = {
  assignee: "gray",
  responsible: "teal",
  accountable: "blue",
};

const statusOptions = taskStatuses.map((s) => ({ value: s, label: taskStatusLabels[s] }));

/**
 * One group's rows. `focusRow` (set by "Show more") moves the keyboard focus to that row's
 * project link once it is there, so someone paging by keyboard goes on from the new rows.
 */
export function MyWorkTable({
  group,
  labelledBy,
  items,
  today,
  canChange,
  onStatus,
  pendingTaskId,
  focusRow,
}: {
  group: MyWorkGroup;
  labelledBy: string;
  items: MyWorkItem[];
  today: string;
  canChange: (item: MyWorkItem) => boolean;
  onStatus: (item: MyWorkItem, status: Task["status"]) => void;
  pendingTaskId: string | undefined;
  focusRow: number | null;
}) {
  const body = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    if (focusRow === null || focusRow >= items.length) return;
    body.current?.querySelector<HTMLElement>(`tr[data-row="${focusRow}"] a`)?.focus();
  }, [focusRow, items.length]);
  const overdue = group === "overdue";
  return (
    <Table.ScrollContainer minWidth={760} type="native">
      <Table verticalSpacing="xs" aria-labelledby={labelledBy}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>Project</Table.Th>
            <Table.Th>Task</Table.Th>
            <Table.Th w={170}>Status</Table.Th>
            <Table.Th w={150}>Due</Table.Th>
            <Table.Th w={270}>Why it is yours</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody ref={body}>
          {items.map((item, index) => (
            <Table.Tr key={item.task.id} data-row={index}>
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
                      c={overdue ? "red" : undefined}
                      fw={overdue ? 600 : undefined}
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
  );
}
