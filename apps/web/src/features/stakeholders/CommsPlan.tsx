import { Badge, Button, Group, Paper, Stack, Table, Text, UnstyledButton } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type CommItem, commFrequencyLabels, commOwnerRoleLabels } from "@rollout/domain";
import { IconAlertTriangle, IconCheck, IconClock, IconSpeakerphone } from "@tabler/icons-react";
import { errorInfo } from "../../lib/trpc.ts";
import { DateText } from "../../ui/DateText.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { formatDate, relativeDays } from "../../ui/format.ts";
import { LoadingRows } from "../../ui/Loading.tsx";
import { QuadrantBadge } from "./stakeholderBadges.tsx";
import { useComms, useCommWrites } from "./stakeholderData.ts";
import { audienceText, dueState } from "./stakeholderModel.ts";

/** The next due date, with "Overdue" or "Due today" in words and an icon (never colour alone). */
export function NextDueCell({
  nextDue,
  today,
  perMilestone,
}: {
  nextDue: string | null;
  today: string;
  perMilestone: boolean;
}) {
  const state = dueState(nextDue, today);
  if (!nextDue) {
    return (
      <Text size="sm" c="dimmed">
        {perMilestone ? "No milestone ahead" : "—"}
      </Text>
    );
  }
  return (
    <Stack gap={0} style={{ whiteSpace: "nowrap" }}>
      <Group gap={4} wrap="nowrap">
        {state === "overdue" ? (
          <IconAlertTriangle size={14} color="var(--mantine-color-red-filled)" aria-hidden />
        ) : state === "today" ? (
          <IconClock size={14} color="var(--mantine-color-orange-filled)" aria-hidden />
        ) : null}
        <DateText
          value={nextDue}
          size="sm"
          fw={state === "overdue" ? 600 : undefined}
          c={state === "overdue" ? "red" : undefined}
        />
      </Group>
      <Text size="xs" c={state === "overdue" ? "red" : "dimmed"}>
        {state === "overdue"
          ? `Overdue · ${relativeDays(nextDue, today)}`
          : state === "today"
            ? "Due today"
            : relativeDays(nextDue, today)}
      </Text>
    </Stack>
  );
}

const ownerShort: Record<CommItem["ownerRole"], string> = { ipm: "IPM", pm: "PM" };

function Audience({ comm }: { comm: CommItem }) {
  if (comm.audience.quadrant) {
    return (
      <span title={audienceText(comm.audience)}>
        <span className="visually-hidden">Everyone in </span>
        <QuadrantBadge quadrant={comm.audience.quadrant} />
      </span>
    );
  }
  return (
    <Text size="sm" lineClamp={2} title={audienceText(comm.audience)}>
      {audienceText(comm.audience)}
    </Text>
  );
}

/**
 * The communication plan: who hears what, how, how often and from whom; the next due date, and
 * "Done" to move it on by its frequency (or to the next milestone).
 */
export function CommsPlan({
  projectId,
  canEdit,
  onAdd,
  onEdit,
}: {
  projectId: string;
  canEdit: boolean;
  onAdd: () => void;
  onEdit: (comm: CommItem) => void;
}) {
  const comms = useComms(projectId);
  const writes = useCommWrites(projectId);

  if (comms.isPending) return <LoadingRows rows={4} label="Loading the communication plan" />;
  if (comms.isError) {
    return (
      <ErrorAlert
        error={comms.error}
        title="The communication plan could not be loaded"
        onRetry={() => void comms.refetch()}
      />
    );
  }
  const { items, today } = comms.data;
  if (items.length === 0) {
    return (
      <Paper withBorder radius="md" p="lg">
        <EmptyState
          icon={<IconSpeakerphone size={28} aria-hidden />}
          title="No communication plan yet"
          description={
            canEdit
              ? "Add the first, e.g. a weekly status email to everyone in Manage closely: it shows up in the owner's My work when it is due."
              : "The project's managers have not planned any communications yet."
          }
          action={canEdit ? <Button onClick={onAdd}>Add a communication</Button> : undefined}
        />
      </Paper>
    );
  }

  function markDone(comm: CommItem) {
    writes.markDone.mutate(
      { projectId, commId: comm.id, version: comm.version },
      {
        onSuccess: ({ nextDue }) =>
          notifications.show({
            color: "green",
            title: "Marked done",
            message: nextDue
              ? `“${comm.purpose}” is next due ${formatDate(nextDue)} (${relativeDays(nextDue, today)}).`
              : `“${comm.purpose}” has no next date: no milestone is ahead.`,
          }),
        onError: (error) => {
          const info = errorInfo(error);
          notifications.show({
            color: info.code === "CONFLICT" ? "orange" : "red",
            title: "Not marked done",
            message:
              info.code === "CONFLICT"
                ? "Someone changed it meanwhile; the plan is reloaded. Check it and try again."
                : info.message,
          });
        },
      },
    );
  }

  const overdue = items.filter((c) => c.overdue).length;
  const pendingId = writes.markDone.isPending ? writes.markDone.variables?.commId : undefined;

  return (
    <Stack gap="xs">
      <Text size="sm" c={overdue > 0 ? "red" : "dimmed"} fw={overdue > 0 ? 500 : undefined}>
        {items.length} {items.length === 1 ? "communication" : "communications"}
        {overdue > 0 ? ` · ${overdue} overdue` : ""}
      </Text>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={1080} type="native" className="scroll-box">
          <Table verticalSpacing={6} highlightOnHover aria-label="Communication plan">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" miw={240}>
                  Purpose
                </Table.Th>
                <Table.Th scope="col" w={180}>
                  Audience
                </Table.Th>
                <Table.Th scope="col" w={150} style={{ whiteSpace: "nowrap" }}>
                  Channel · frequency
                </Table.Th>
                <Table.Th scope="col" w={76}>
                  Owner
                </Table.Th>
                <Table.Th scope="col" w={150}>
                  Next due
                </Table.Th>
                <Table.Th scope="col" w={130}>
                  Last done
                </Table.Th>
                {canEdit ? (
                  <Table.Th scope="col" w={96}>
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id} className="comm-row" data-overdue={c.overdue || undefined}>
                  <Table.Td>
                    {canEdit ? (
                      <UnstyledButton
                        className="stakeholder-open"
                        onClick={() => onEdit(c)}
                        aria-label={`Edit “${c.purpose}”`}
                      >
                        <Text size="sm" fw={600} lineClamp={2}>
                          {c.purpose}
                        </Text>
                      </UnstyledButton>
                    ) : (
                      <Text size="sm" fw={600} lineClamp={2}>
                        {c.purpose}
                      </Text>
                    )}
                    {c.notes ? (
                      <Text size="xs" c="dimmed" lineClamp={1} title={c.notes}>
                        {c.notes}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Audience comm={c} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.channel}</Text>
                    <Text size="xs" c="dimmed">
                      {commFrequencyLabels[c.frequency]}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      variant="outline"
                      color="blue"
                      title={commOwnerRoleLabels[c.ownerRole]}
                      style={{ minWidth: "max-content" }}
                    >
                      {ownerShort[c.ownerRole]}
                      <span className="visually-hidden"> ({commOwnerRoleLabels[c.ownerRole]})</span>
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <NextDueCell
                      nextDue={c.nextDue}
                      today={today}
                      perMilestone={c.frequency === "per_milestone"}
                    />
                  </Table.Td>
                  <Table.Td>
                    <DateText value={c.lastDoneOn} size="sm" />
                    {c.lastDoneBy ? (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {c.lastDoneBy}
                      </Text>
                    ) : null}
                  </Table.Td>
                  {canEdit ? (
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="light"
                        color={c.overdue ? "red" : undefined}
                        leftSection={<IconCheck size={14} aria-hidden />}
                        loading={pendingId === c.id}
                        aria-label={`Mark “${c.purpose}” done`}
                        onClick={() => markDone(c)}
                      >
                        Done
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
