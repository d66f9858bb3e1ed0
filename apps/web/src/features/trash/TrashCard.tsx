import { Badge, Button, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { TRASH_DAYS, type TrashItem, trashKindLabels } from "@rollout/domain";
import { IconRestore, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "../../lib/trpc.ts";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { formatDate, formatTimestamp } from "../../ui/format.ts";

/** Whole-word badges: they never truncate. */
const whole = { minWidth: "max-content" } as const;

/**
 * The project's trash: what was deleted in the last 30 days, who deleted it, when it goes for
 * good, and a Restore that brings it back with its links.
 */
export function TrashCard({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const trash = useQuery(trpc.trash.list.queryOptions({ projectId }));
  const restore = useMutation(
    trpc.trash.restore.mutationOptions({
      onSuccess: (_result, input) => {
        // What comes back can be anything in the project: refresh all of it.
        void queryClient.invalidateQueries();
        const item = trash.data?.find((t) => t.id === input.id);
        notifications.show({
          color: "green",
          title: "Restored",
          message: item ? item.label : "It is back where it was.",
        });
      },
      onError: (error) =>
        notifications.show({
          color: "red",
          title: "Not restored",
          message: errorInfo(error).message,
        }),
    }),
  );

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} fz="h4">
            Trash
          </Title>
          <Text size="sm" c="dimmed">
            Everything deleted from this project in the last {TRASH_DAYS} days. Restoring brings it
            back as it was, with its links, responsibilities and history; after {TRASH_DAYS} days it
            is deleted for good.
          </Text>
        </Stack>
        {trash.isError ? <ErrorAlert error={trash.error} /> : null}
        {trash.data && trash.data.length === 0 ? (
          <EmptyState
            icon={<IconTrash size={28} aria-hidden />}
            title="The trash is empty"
            description={`Deleted tasks, milestones, RAID items, stakeholders, communications, draft reports and lessons wait here for ${TRASH_DAYS} days.`}
          />
        ) : null}
        {trash.data && trash.data.length > 0 ? (
          <Table.ScrollContainer minWidth={640} type="native">
            <Table verticalSpacing={6} fz="sm" aria-label="Deleted items">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>What</Table.Th>
                  <Table.Th>Deleted</Table.Th>
                  <Table.Th>Gone for good on</Table.Th>
                  <Table.Th aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {trash.data.map((item: TrashItem) => (
                  <Table.Tr key={`${item.kind}:${item.id}`}>
                    <Table.Td>
                      <Badge variant="light" color="gray" size="sm" style={whole} mr="xs">
                        {trashKindLabels[item.kind]}
                      </Badge>
                      <Text span size="sm">
                        {item.label}
                      </Text>
                    </Table.Td>
                    <Table.Td className="nowrap">
                      {formatTimestamp(item.deletedAt)}
                      {item.deletedBy ? (
                        <Text size="xs" c="dimmed">
                          by {item.deletedBy}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td className="nowrap">{formatDate(item.purgeOn)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconRestore size={14} aria-hidden />}
                        loading={restore.isPending && restore.variables?.id === item.id}
                        onClick={() => restore.mutate({ projectId, kind: item.kind, id: item.id })}
                        aria-label={`Restore ${trashKindLabels[item.kind].toLowerCase()} ${item.label}`}
                      >
                        Restore
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </Paper>
  );
}
