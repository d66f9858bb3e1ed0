import { Button, Group, NativeSelect, Paper, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  canAssignOrgRole,
  type OrgMember,
  type OrgRole,
  orgRoleLabels,
  orgRoles,
} from "@rollout/domain";
import { IconFileSpreadsheet, IconUserMinus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { downloadCsv } from "../../lib/download.ts";
import { isOneOf } from "../../lib/isOneOf.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { OrgRoleBadge } from "../../ui/badges.tsx";
import { ConfirmButton } from "../../ui/ConfirmButton.tsx";
import { DateText } from "../../ui/DateText.tsx";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { LoadingRows } from "../../ui/Loading.tsx";
import { notifyFailure, PersonCell } from "../../ui/PersonCell.tsx";
import { orgMemberCsv } from "../members/memberCsv.ts";
import { useChangeOrgRole, useRemoveOrgMember } from "./orgMutations.ts";

function MemberRow({
  member,
  myRole,
  myUserId,
}: {
  member: OrgMember;
  myRole: OrgRole;
  myUserId: string | undefined;
}) {
  const change = useChangeOrgRole();
  const remove = useRemoveOrgMember();
  const isMe = member.userId === myUserId;
  // Owners manage everyone; admins everyone but owners. Nobody demotes or removes themselves here.
  const manageable = !isMe && canAssignOrgRole(myRole, member.role);
  const options = orgRoles
    .filter((r) => canAssignOrgRole(myRole, r) || r === member.role)
    .map((r) => ({ value: r, label: orgRoleLabels[r] }));

  return (
    <Table.Tr>
      <PersonCell name={member.name} email={member.email} isMe={isMe} />
      <Table.Td>
        {manageable ? (
          <NativeSelect
            aria-label={`Organisation role of ${member.name}`}
            data={options}
            value={member.role}
            size="xs"
            w={140}
            disabled={change.isPending}
            onChange={(e) => {
              const role = e.currentTarget.value;
              if (!isOneOf(orgRoles, role) || role === member.role) return;
              change.mutate(
                { memberId: member.id, role, version: member.version },
                {
                  onSuccess: () =>
                    notifications.show({
                      color: "green",
                      title: "Role changed",
                      message: `${member.name} is now ${orgRoleLabels[role]}.`,
                    }),
                  onError: notifyFailure("Could not change the role"),
                },
              );
            }}
          />
        ) : (
          <OrgRoleBadge role={member.role} />
        )}
      </Table.Td>
      <Table.Td>
        <DateText value={member.createdAt} size="sm" />
      </Table.Td>
      <Table.Td ta="right">
        {manageable ? (
          <ConfirmButton
            variant="subtle"
            size="xs"
            leftSection={<IconUserMinus size={14} aria-hidden />}
            loading={remove.isPending}
            aria-label={`Remove ${member.name} from the organisation`}
            title={`Remove ${member.name} from the organisation?`}
            message={`${member.name} loses access to every project of this organisation at once. You can invite them again later.`}
            confirmLabel="Remove"
            onConfirm={() =>
              remove.mutate(
                { memberId: member.id },
                {
                  onSuccess: () =>
                    notifications.show({
                      color: "green",
                      title: "Member removed",
                      message: `${member.name} is no longer in the organisation.`,
                    }),
                  onError: notifyFailure("Could not remove the member"),
                },
              )
            }
          >
            Remove
          </ConfirmButton>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

/** Everyone in the organisation; owners and admins change roles and remove people. */
export function OrgMembersTable({
  orgSlug,
  myRole,
  myUserId,
}: {
  /** Names the CSV export. */
  orgSlug: string;
  myRole: OrgRole;
  myUserId: string | undefined;
}) {
  const trpc = useTRPC();
  const members = useQuery(trpc.org.members.queryOptions());
  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" mb="md">
        <Title order={2} fz="h4">
          Members
        </Title>
        {members.data ? (
          <Group gap="sm">
            <Text size="sm" c="dimmed">
              {members.data.length} {members.data.length === 1 ? "person" : "people"}
            </Text>
            {members.data.length > 0 ? (
              <Button
                variant="default"
                className="no-print"
                leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
                aria-label="Export CSV of the organisation members"
                onClick={() => downloadCsv(`${orgSlug}-members.csv`, orgMemberCsv(members.data))}
              >
                Export CSV
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Group>
      {members.isPending ? (
        <LoadingRows rows={3} label="Loading members" />
      ) : members.isError ? (
        <ErrorAlert
          error={members.error}
          title="Members could not be loaded"
          onRetry={() => void members.refetch()}
        />
      ) : (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table verticalSpacing="sm" aria-label="Organisation members">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Person</Table.Th>
                <Table.Th scope="col">Role</Table.Th>
                <Table.Th scope="col">Joined</Table.Th>
                <Table.Th scope="col" ta="right">
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.map((member) => (
                <MemberRow key={member.id} member={member} myRole={myRole} myUserId={myUserId} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
