import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCamera, IconGitCompare } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { errorInfo } from "../../../lib/trpc.ts";
import { EmptyState } from "../../../ui/EmptyState.tsx";
import { ErrorAlert } from "../../../ui/ErrorAlert.tsx";
import { formatTimestamp } from "../../../ui/format.ts";
import { LoadingRows } from "../../../ui/Loading.tsx";
import { useBaselines, useCreateBaseline } from "../scheduleData.ts";
import { BaselineCompare } from "./BaselineCompare.tsx";

/**
 * Named, immutable snapshots of the schedule: save one, list them, compare one with now. The
 * baseline being compared is in the URL.
 */
export function BaselinesPanel({
  projectId,
  canEdit,
  selectedId,
  onSelect,
}: {
  projectId: string;
  canEdit: boolean;
  selectedId: string | undefined;
  onSelect: (id: string | undefined) => void;
}) {
  const baselines = useBaselines(projectId);
  const selected = baselines.data?.find((b) => b.id === selectedId);

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="baselines-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Title order={2} fz="h4" id="baselines-title">
              Baselines
            </Title>
            <Text size="sm" c="dimmed">
              Snapshots of every task's and milestone's dates. They never change: compare any of
              them with today's schedule.
            </Text>
          </Stack>
          {canEdit ? <SaveBaseline projectId={projectId} onSaved={onSelect} /> : null}
        </Group>

        {baselines.isPending ? (
          <LoadingRows rows={2} label="Loading baselines" />
        ) : baselines.isError ? (
          <ErrorAlert
            error={baselines.error}
            title="Baselines could not be loaded"
            onRetry={() => void baselines.refetch()}
          />
        ) : baselines.data.length === 0 ? (
          <EmptyState
            icon={<IconCamera size={28} aria-hidden />}
            title="No baselines yet"
            description={
              canEdit
                ? "Save the first, e.g. “Contract plan”, to see later how far the schedule moved."
                : "The project's managers save baselines to track how far the schedule moves."
            }
          />
        ) : (
          <Table.ScrollContainer minWidth={620}>
            <Table verticalSpacing={6} aria-label="Baselines" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Saved</Table.Th>
                  <Table.Th>Tasks</Table.Th>
                  <Table.Th>Milestones</Table.Th>
                  <Table.Th>{""}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {baselines.data.map((b) => {
                  const active = b.id === selectedId;
                  return (
                    <Table.Tr key={b.id} data-selected={active || undefined}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {b.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatTimestamp(b.createdAt)}</Text>
                        <Text size="xs" c="dimmed">
                          {b.createdByName ?? "—"}
                        </Text>
                      </Table.Td>
                      <Table.Td>{b.tasks}</Table.Td>
                      <Table.Td>{b.milestones}</Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant={active ? "filled" : "light"}
                          leftSection={<IconGitCompare size={14} aria-hidden />}
                          aria-pressed={active}
                          aria-label={`Compare with ${b.name}`}
                          onClick={() => onSelect(active ? undefined : b.id)}
                        >
                          {active ? "Comparing" : "Compare"}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}

        {selected ? <BaselineCompare projectId={projectId} baselineId={selected.id} /> : null}
      </Stack>
    </Paper>
  );
}

function SaveBaseline({
  projectId,
  onSaved,
}: {
  projectId: string;
  onSaved: (id: string) => void;
}) {
  const create = useCreateBaseline();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setError("Name it, e.g. “Re-plan after UAT”");
      return;
    }
    setError(null);
    create.mutate(
      { projectId, name: name.trim() },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: "green",
            title: "Baseline saved",
            message: `${name.trim()}: ${saved.tasks} tasks and ${saved.milestones} milestones.`,
          });
          setName("");
          onSaved(saved.id);
        },
        onError: (failure) => {
          const info = errorInfo(failure);
          setError(info.fieldErrors.name ?? info.message);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Save a baseline" className="no-print">
      <Group align="flex-start" gap="xs">
        <TextInput
          aria-label="Baseline name"
          placeholder="Baseline name"
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={error}
          w={220}
        />
        <Button
          type="submit"
          variant="light"
          leftSection={<IconCamera size={16} aria-hidden />}
          loading={create.isPending}
        >
          Save baseline
        </Button>
      </Group>
    </form>
  );
}
