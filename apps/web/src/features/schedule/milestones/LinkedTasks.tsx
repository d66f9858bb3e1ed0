import { ActionIcon, Group, List, Select, Text, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Milestone, Task } from "@rollout/domain";
import { IconUnlink } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { errorInfo } from "../../../lib/trpc.ts";
import { DateText } from "../../../ui/DateText.tsx";
import { usePlanChanged, useSchedulePlan, useTaskScheduleWrite } from "../scheduleData.ts";

/**
 * Which tasks a milestone waits for. Linking writes the task (with its version), one at a time,
 * as the API takes it; a task belongs to at most one milestone.
 */
export function LinkedTasks({ projectId, milestone }: { projectId: string; milestone: Milestone }) {
  const plan = useSchedulePlan(projectId);
  const write = useTaskScheduleWrite(projectId);
  const planChanged = usePlanChanged(projectId);
  const [busy, setBusy] = useState<string | null>(null);
  const tasks = plan.data?.tasks;
  const linked = useMemo(
    () => (tasks ?? []).filter((t) => t.milestoneId === milestone.id),
    [tasks, milestone.id],
  );
  const options = useMemo(
    () =>
      (tasks ?? [])
        .filter((t) => t.milestoneId !== milestone.id && t.status !== "cancelled")
        .map((t) => ({ value: t.id, label: t.title })),
    [tasks, milestone.id],
  );

  function link(task: Task, milestoneId: string | null) {
    setBusy(task.id);
    write.mutate(
      { projectId, taskId: task.id, version: task.version, changes: { milestoneId } },
      {
        onSettled: () => setBusy(null),
        onError: (error) => {
          const info = errorInfo(error);
          notifications.show({
            color: info.code === "CONFLICT" ? "orange" : "red",
            title: `“${task.title}” was not changed`,
            message:
              info.code === "CONFLICT"
                ? "Someone changed this task meanwhile. The plan has been reloaded; try again."
                : info.message,
          });
          if (info.code === "CONFLICT") void planChanged();
        },
      },
    );
  }

  if (plan.isPending) return <Text size="sm">Loading tasks…</Text>;
  if (plan.isError) return <Text size="sm">{errorInfo(plan.error).message}</Text>;
  return (
    <>
      {linked.length === 0 ? (
        <Text size="sm" c="dimmed">
          No tasks linked yet: its forecast is empty until some are.
        </Text>
      ) : (
        <List spacing={4} size="sm" listStyleType="none" aria-label="Linked tasks">
          {linked.map((t) => (
            <List.Item key={t.id}>
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <Text size="sm" truncate>
                  {t.title}
                </Text>
                <Group gap={6} wrap="nowrap">
                  <DateText value={t.dueDate} size="xs" c="dimmed" />
                  <Tooltip label="Unlink">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      loading={busy === t.id}
                      aria-label={`Unlink ${t.title}`}
                      onClick={() => link(t, null)}
                    >
                      <IconUnlink size={14} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <Select
        label="Link a task"
        placeholder="Search tasks"
        searchable
        limit={50}
        data={options}
        value={null}
        nothingFoundMessage="No task matches"
        disabled={busy !== null}
        onChange={(id) => {
          const task = tasks?.find((t) => t.id === id);
          if (task) link(task, milestone.id);
        }}
      />
    </>
  );
}
