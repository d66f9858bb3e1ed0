import { Paper, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { orgRoleLabels, projectRoleLabels } from "@rollout/domain";
import { IconMailOff, IconTrash } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "../../lib/trpc.ts";
import { ConfirmButton } from "../../ui/ConfirmButton.tsx";
import { DateText } from "../../ui/DateText.tsx";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { LoadingRows } from "../../ui/Loading.tsx";
import { useRevokeInvitation } from "./orgMutations.ts";

/** Invitations not yet accepted; revoking one makes its link stop working. */
export function InvitationsList() {
  const trpc = useTRPC();
  const invitations = useQuery(trpc.org.invitations.queryOptions());
  const revoke = useRevokeInvitation();

  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} fz="h4" mb="md">
        Pending invitations
      </Title>
      {invitations.isPending ? (
        <LoadingRows rows={2} label="Loading invitations" />
      ) : invitations.isError ? (
        <ErrorAlert
          error={invitations.error}
          title="Invitations could not be loaded"
          onRetry={() => void invitations.refetch()}
        />
      ) : invitations.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No pending invitations. New ones appear here until they are accepted.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640} type="native">
          <Table verticalSpacing="sm" aria-label="Pending invitations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Email</Table.Th>
                <Table.Th scope="col">Role</Table.Th>
                <Table.Th scope="col">Project</Table.Th>
                <Table.Th scope="col">Invited by</Table.Th>
                <Table.Th scope="col">Expires</Table.Th>
                <Table.Th scope="col" ta="right">
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.data.map((inv) => (
                <Table.Tr key={inv.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {inv.email}
                    </Text>
                    {inv.status === "expired" ? (
                      <Text size="xs" c="red">
                        Expired
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{orgRoleLabels[inv.role]}</Text>
                  </Table.Td>
                  <Table.Td>
                    {inv.projectName ? (
                      <Text size="sm">
                        {inv.projectName}
                        {inv.projectRole ? (
                          <Text span size="xs" c="dimmed">
                            {" "}
                            as {projectRoleLabels[inv.projectRole]}
                          </Text>
                        ) : null}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{inv.invitedBy}</Text>
                  </Table.Td>
                  <Table.Td>
                    <DateText value={inv.expiresAt} size="sm" />
                  </Table.Td>
                  <Table.Td ta="right">
                    <ConfirmButton
                      variant="subtle"
                      size="xs"
                      leftSection={<IconTrash size={14} aria-hidden />}
                      aria-label={`Revoke the invitation for ${inv.email}`}
                      title={`Revoke the invitation for ${inv.email}?`}
                      message="The link stops working at once. You can invite them again later."
                      confirmLabel="Revoke"
                      onConfirm={() =>
                        revoke.mutate(
                          { invitationId: inv.id },
                          {
                            onSuccess: () =>
                              notifications.show({
                                color: "green",
                                icon: <IconMailOff size={16} aria-hidden />,
                                title: "Invitation revoked",
                                message: inv.email,
                              }),
                            onError: (error) =>
                              notifications.show({
                                color: "red",
                                title: "Could not revoke",
                                message: errorInfo(error).message,
                              }),
                          },
                        )
                      }
                    >
                      Revoke
                    </ConfirmButton>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
