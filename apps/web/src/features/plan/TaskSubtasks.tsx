import { Anchor, Button, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { type Plan, type Task, taskStatusLabels } from "@rollout/domain";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { errorInfo } from "../../lib/trpc.ts";
import { useCreateTask } from "./planMutations.ts";

/** A task's subtasks (one level deep), and adding one. */
export function TaskSubtasks({
  projectId,
  task,
  plan,
  canEdit,
  onOpenTask,
}: {
  projectId: string;
  task: Task;
  plan: Plan;
  canEdit: boolean;
  onOpenTask: (taskId: string) => void;
}) {
  const create = useCreateTask(projectId);
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const children = plan.tasks
    .filter((t) => t.parentId === task.id)
    .sort((a, b) => a.sortOrder - b.sortOrder);
  if (task.parentId) return null;

  async function add() {
    const text = title.trim();
    if (!text) return;
    setBusy(true);
    setError(null);
    try {
      await create({
        phaseId: task.phaseId,
        parentId: task.id,
        title: text,
        category: task.category,
      });
      setTitle("");
    } catch (e) {
      setError(errorInfo(e).fieldErrors.title ?? errorInfo(e).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap={6}>
      <Title order={3} fz="sm">
        Subtasks
      </Title>
      {children.length === 0 ? (
        <Text size="sm" c="dimmed">
          None.
        </Text>
      ) : (
        <ul className="subtask-list">
          {children.map((c) => (
            <li key={c.id}>
              <Anchor component="button" type="button" size="sm" onClick={() => onOpenTask(c.id)}>
                {c.title}
              </Anchor>
              <Text span size="xs" c="dimmed">
                {" "}
                · {taskStatusLabels[c.status]} · {c.percentComplete}%
              </Text>
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <form
          aria-label="Add a subtask"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <Group gap="xs" align="flex-start">
            <TextInput
              aria-label="New subtask"
              placeholder="Add a subtask"
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={error}
              maxLength={300}
              style={{ flex: 1 }}
            />
            <Button
              type="submit"
              variant="light"
              loading={busy}
              disabled={!title.trim()}
              leftSection={<IconPlus size={14} aria-hidden />}
            >
              Add
            </Button>
          </Group>
        </form>
      ) : null}
    </Stack>
  );
}
