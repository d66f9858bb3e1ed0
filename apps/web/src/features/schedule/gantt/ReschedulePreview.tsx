import { Alert, Button, Group, List, Loader, ScrollArea, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "../../../lib/trpc.ts";
import { formatDate } from "../../../ui/format.ts";
import { describeDays } from "../scheduleBadges.tsx";
import type { RescheduleChange } from "./reschedule.ts";

type Preview = NonNullable<ReturnType<typeof usePreview>["data"]>;

function usePreview(projectId: string, change: RescheduleChange) {
  const trpc = useTRPC();
  return useQuery(
    trpc.schedule.preview.queryOptions(
      { projectId, taskId: change.taskId, ...change.input },
      { staleTime: 0, gcTime: 30_000 },
    ),
  );
}

/** "Moves 4 tasks; Go-live +2 working days". */
export function previewHeadline(preview: Preview): string {
  const tasks = preview.tasks.length;
  const parts = [
    tasks === 0 ? "Moves no task" : `Moves ${tasks} ${tasks === 1 ? "task" : "tasks"}`,
  ];
  for (const m of preview.milestones) parts.push(`${m.name} ${describeDays(m.days)}`);
  return parts.join("; ");
}

function Moves({ preview }: { preview: Preview }) {
  const finishMoves = preview.finish.from !== preview.finish.to;
  return (
    <Stack gap={6}>
      {preview.milestones.length > 0 ? (
        <div>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed">
            Milestones
          </Text>
          <List size="sm" spacing={2} aria-label="Milestones that move">
            {preview.milestones.map((m) => (
              <List.Item key={m.milestoneId}>
                <b>{m.name}</b> {describeDays(m.days)} ({formatDate(m.from)} → {formatDate(m.to)})
              </List.Item>
            ))}
          </List>
        </div>
      ) : null}
      {preview.tasks.length > 0 ? (
        <div>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed">
            Tasks (finish)
          </Text>
          <ScrollArea.Autosize mah={150} type="auto" offsetScrollbars>
            <List size="sm" spacing={2} aria-label="Tasks that move">
              {preview.tasks.map((t) => (
                <List.Item key={t.taskId}>
                  {t.title}{" "}
                  <Text
                    span
                    c={t.days > 0 ? "red" : "green"}
                    size="sm"
                    style={{ whiteSpace: "nowrap" }}
                  >
                    {describeDays(t.days)}
                  </Text>
                </List.Item>
              ))}
            </List>
          </ScrollArea.Autosize>
        </div>
      ) : null}
      {finishMoves ? (
        <Text size="sm">
          Project finish: {formatDate(preview.finish.from)} → <b>{formatDate(preview.finish.to)}</b>
        </Text>
      ) : null}
    </Stack>
  );
}

/**
 * What a proposed change would move, from the server's own schedule engine (nothing saved), with
 * Save and Cancel. Used by the drag popover and by the keyboard reschedule form.
 */
export function ReschedulePreview({
  projectId,
  change,
  saving,
  failure,
  onSave,
  onCancel,
}: {
  projectId: string;
  change: RescheduleChange;
  saving: boolean;
  failure: string | null;
  onSave: () => void;
  onCancel: () => void;
}) {
  const preview = usePreview(projectId, change);
  return (
    <Stack gap="xs">
      <Text size="sm">
        <b>{change.title}</b>: {formatDate(change.newStart)} → {formatDate(change.newFinish)}
      </Text>
      {preview.isPending ? (
        <Group gap="xs" role="status">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            Working out what moves…
          </Text>
        </Group>
      ) : preview.isError ? (
        <Alert color="red" variant="light" role="alert">
          {errorInfo(preview.error).message}
        </Alert>
      ) : (
        <>
          <Text size="sm" fw={600} role="status">
            {previewHeadline(preview.data)}
          </Text>
          <Moves preview={preview.data} />
        </>
      )}
      {failure ? (
        <Alert color="orange" variant="light" role="alert">
          {failure}
        </Alert>
      ) : null}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" size="xs" onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
        <Button
          size="xs"
          onClick={onSave}
          loading={saving}
          disabled={preview.isError}
          data-autofocus
        >
          Save
        </Button>
      </Group>
    </Stack>
  );
}
