import { ActionIcon, Button, Group, Stack, Text, TextInput, Tooltip } from "@mantine/core";
import type { TemplateBody } from "@rollout/domain";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { formatNumber } from "../../ui/format.ts";
import type { DraftIssues } from "./templateDraft.ts";

/** The template's phases in order: renamed in place, added at the end, removed once empty. */
export function TemplatePhases({
  body,
  issues,
  editable,
  onRename,
  onAdd,
  onRemove,
  onAddTask,
}: {
  body: TemplateBody;
  issues: DraftIssues;
  editable: boolean;
  onRename: (key: string, name: string) => void;
  onAdd: () => void;
  onRemove: (key: string) => void;
  onAddTask: (phaseKey: string) => void;
}) {
  const counts = new Map<string, number>();
  for (const t of body.tasks) counts.set(t.phaseKey, (counts.get(t.phaseKey) ?? 0) + 1);
  return (
    <Stack gap={6}>
      <ol className="template-phases">
        {body.phases.map((p, i) => {
          const tasks = counts.get(p.key) ?? 0;
          const problems = issues.rows.phases.get(i) ?? [];
          const label = p.name.trim() || `Phase ${i + 1}`;
          return (
            <li key={p.key}>
              <Group gap="xs" wrap="wrap" align="center">
                {editable ? (
                  <TextInput
                    size="xs"
                    w={260}
                    aria-label={`Name of phase ${i + 1}`}
                    value={p.name}
                    maxLength={120}
                    onChange={(e) => onRename(p.key, e.currentTarget.value)}
                    error={problems[0]}
                  />
                ) : (
                  <Text size="sm" fw={500}>
                    {p.name}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {formatNumber(tasks)} task{tasks === 1 ? "" : "s"}
                </Text>
                {editable ? (
                  <>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      leftSection={<IconPlus size={12} aria-hidden />}
                      onClick={() => onAddTask(p.key)}
                      aria-label={`Add a task to ${label}`}
                    >
                      Task
                    </Button>
                    <Tooltip
                      label={tasks > 0 ? "Move or remove its tasks first" : `Remove ${label}`}
                    >
                      <ActionIcon
                        size="sm"
                        variant="subtle"
                        color="red"
                        aria-label={`Remove phase ${label}`}
                        disabled={tasks > 0}
                        onClick={() => onRemove(p.key)}
                      >
                        <IconTrash size={14} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </>
                ) : null}
              </Group>
            </li>
          );
        })}
      </ol>
      {editable ? (
        <Group>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={onAdd}
          >
            Add phase
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
