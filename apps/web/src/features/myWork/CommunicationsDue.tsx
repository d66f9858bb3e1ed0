import { Badge, Button, Group, Paper, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconCheck, IconClock, IconFileSpreadsheet } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { downloadCsv } from "../../lib/download.ts";
import { errorInfo, useTRPC } from "../../lib/trpc.ts";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { formatDate, relativeDays, todayLocal } from "../../ui/format.ts";
import { AnchorLink } from "../../ui/links.tsx";
import { myWorkCommunicationsCsv } from "./myWorkCsv.ts";

type DueComm = {
  commId: string;
  projectId: string;
  projectKey: string;
  projectName: string;
  purpose: string;
  channel: string;
  nextDue: string;
  overdue: boolean;
  version: number;
};

/**
 * Communications due today or overdue on projects where I hold their owner role (IPM or PM),
 * with "Done" to move each on by its frequency. Nothing shows when nothing is due, so people
 * who own no communications never see an empty section.
 */
export function CommunicationsDue() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const due = useQuery(trpc.myWork.communications.queryOptions());
  const markDone = useMutation(
    trpc.comms.markDone.mutationOptions({
      onSettled: (_data, _error, input) =>
        Promise.all([
          queryClient.invalidateQueries(trpc.myWork.communications.pathFilter()),
          queryClient.invalidateQueries(
            trpc.comms.list.queryFilter({ projectId: input.projectId }),
          ),
        ]),
    }),
  );

  if (due.isPending) return null;
  if (due.isError) {
    return (
      <ErrorAlert
        error={due.error}
        title="Communications due could not be loaded"
        onRetry={() => void due.refetch()}
      />
    );
  }
  if (due.data.length === 0) return null;

  const today = todayLocal();
  const id = "my-work-communications";

  function done(item: DueComm) {
    markDone.mutate(
      { projectId: item.projectId, commId: item.commId, version: item.version },
      {
        onSuccess: ({ nextDue }) =>
          notifications.show({
            color: "green",
            title: `${item.projectKey}: marked done`,
            message: nextDue
              ? `“${item.purpose}” is next due ${formatDate(nextDue)} (${relativeDays(nextDue, today)}).`
              : `“${item.purpose}” has no next date: no milestone is ahead.`,
          }),
        onError: (error) => {
          const info = errorInfo(error);
          notifications.show({
            color: info.code === "CONFLICT" ? "orange" : "red",
            title: "Not marked done",
            message:
              info.code === "CONFLICT"
                ? "Someone changed it meanwhile; the list is reloaded. Try again."
                : info.message,
          });
        },
      },
    );
  }

  const pendingId = markDone.isPending ? markDone.variables?.commId : undefined;
  return (
    // Not a landmark region: the task groups below are the page's regions, this sits above them.
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" gap="sm" mb="sm">
        <Group gap={8}>
          <Title order={2} fz="h4" id={id}>
            Communications due
          </Title>
          <Badge variant="light" color={due.data.some((c) => c.overdue) ? "red" : "orange"}>
            {due.data.length}
          </Badge>
        </Group>
        <Button
          variant="default"
          className="no-print"
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          aria-label="Export CSV of the communications due"
          onClick={() =>
            downloadCsv("my-work-communications.csv", myWorkCommunicationsCsv(due.data))
          }
        >
          Export CSV
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={760} type="native" style={{ position: "relative" }}>
        <Table verticalSpacing="xs" aria-labelledby={id}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>Project</Table.Th>
              <Table.Th>Purpose</Table.Th>
              <Table.Th w={150}>Channel</Table.Th>
              <Table.Th w={170}>Due</Table.Th>
              <Table.Th w={100}>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {due.data.map((item) => (
              <Table.Tr key={item.commId}>
                <Table.Td>
                  <AnchorLink
                    to="/projects/$projectId/stakeholders"
                    params={{ projectId: item.projectId }}
                    search={{ section: "comms" }}
                    fw={600}
                    size="sm"
                    title={`${item.projectName}: communication plan`}
                  >
                    {item.projectKey}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {item.purpose}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{item.channel}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {item.overdue ? (
                      <IconAlertTriangle
                        size={14}
                        color="var(--mantine-color-red-filled)"
                        aria-hidden
                      />
                    ) : (
                      <IconClock size={14} color="var(--mantine-color-orange-filled)" aria-hidden />
                    )}
                    <Text
                      size="sm"
                      component="time"
                      dateTime={item.nextDue}
                      c={item.overdue ? "red" : undefined}
                      fw={item.overdue ? 600 : undefined}
                    >
                      {formatDate(item.nextDue)}
                    </Text>
                  </Group>
                  <Text size="xs" c={item.overdue ? "red" : "dimmed"}>
                    {item.overdue ? `Overdue · ${relativeDays(item.nextDue, today)}` : "Due today"}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<IconCheck size={14} aria-hidden />}
                    loading={pendingId === item.commId}
                    aria-label={`Mark “${item.purpose}” done`}
                    onClick={() => done(item)}
                  >
                    Done
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
