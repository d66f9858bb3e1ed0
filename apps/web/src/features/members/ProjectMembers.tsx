import { Button, Group, NativeSelect, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  type Project,
  type ProjectMember,
  projectAllows,
  projectRoleLabels,
  projectRoles,
} from "@rollout/domain";
import { IconFileSpreadsheet, IconUserMinus, IconUsers } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { downloadCsv } from "../../lib/download.ts";
import { isOneOf } from "../../lib/isOneOf.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { OrgRoleBadge, ProjectRoleBadge } from "../../ui/badges.tsx";
import { ConfirmButton } from "../../ui/ConfirmButton.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { LoadingRows } from "../../ui/Loading.tsx";
import { notifyFailure, PersonCell } from "../../ui/PersonCell.tsx";
import { AddMemberForm } from "./AddMemberForm.tsx";
import { projectMemberCsv } from "./memberCsv.ts";
import { useRemoveProjectMember, useUpdateProjectMember } from "./memberMutations.ts";

const roleOptions = projectRoles.map((r) => ({ value: r, label: projectRoleLabels[r] }));

function MemberRow({
  member,
  projectId,
  canManage,
  isMe,
}: {
  member: ProjectMember;
  projectId: string;
  canManage: boolean;
  isMe: boolean;
}) {
  const update = useUpdateProjectMember(projectId);
  const remove = useRemoveProjectMember(projectId);

  return (
    <Table.Tr>
      <PersonCell name={member.name} email={member.email} isMe={isMe} />
      <Table.Td>
        {canManage ? (
          <NativeSelect
            aria-label={`Role of ${member.name}`}
            data={roleOptions}
            value={member.role}
            size="xs"
            w={190}
            disabled={update.isPending}
            onChange={(e) => {
              const role = e.currentTarget.value;
              if (!isOneOf(projectRoles, role) || role === member.role) return;
              update.mutate(
                { projectId, memberId: member.id, role, version: member.version },
                {
                  onSuccess: () =>
                    notifications.show({
                      color: "green",
                      title: "Role changed",
                      message: `${member.name} is now ${projectRoleLabels[role]}.`,
                    }),
                  onError: notifyFailure("Could not change the role"),
                },
              );
            }}
          />
        ) : (
          <ProjectRoleBadge role={member.role} />
        )}
      </Table.Td>
      <Table.Td>
        <OrgRoleBadge role={member.orgRole} />
      </Table.Td>
      {canManage ? (
        <Table.Td ta="right">
          <ConfirmButton
            variant="subtle"
            size="xs"
            leftSection={<IconUserMinus size={14} aria-hidden />}
            loading={remove.isPending}
            aria-label={`Remove ${member.name} from the project`}
            title={`Remove ${member.name}?`}
            message={`${member.name} loses access to this project (unless they are an organisation admin). They stay in the organisation.`}
            confirmLabel="Remove"
            onConfirm={() =>
              remove.mutate(
                { projectId, memberId: member.id },
                {
                  onSuccess: () =>
                    notifications.show({
                      color: "green",
                      title: "Member removed",
                      message: `${member.name} is no longer on this project.`,
                    }),
                  onError: notifyFailure("Could not remove the member"),
                },
              )
            }
          >
            Remove
          </ConfirmButton>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

/** Who is on the project and in which role; managers add, change and remove. */
export function ProjectMembers({ project }: { project: Project }) {
  const trpc = useTRPC();
  const members = useQuery(trpc.project.members.list.queryOptions({ projectId: project.id }));
  const session = useQuery(trpc.session.get.queryOptions());
  const canManage = projectAllows("project.members.manage", project.myRole);
  const me = session.data?.user.id;

  return (
    <Stack gap="lg">
      {canManage && members.data ? (
        <AddMemberForm projectId={project.id} members={members.data} />
      ) : null}
      <Paper withBorder radius="md" p="lg">
        <Group justify="space-between" mb="md">
          <Title order={2} fz="h4">
            People on this project
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
                  aria-label="Export CSV of the project team"
                  onClick={() =>
                    downloadCsv(`${project.key}-team.csv`, projectMemberCsv(members.data))
                  }
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
        ) : members.data.length === 0 ? (
          <EmptyState
            icon={<IconUsers size={28} aria-hidden />}
            title="Nobody is on this project yet"
            description={
              canManage ? "Add the PM, the IPM and the people who do the work." : undefined
            }
          />
        ) : (
          <Table.ScrollContainer minWidth={560} type="native">
            <Table verticalSpacing="sm" aria-label="Project members">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Person</Table.Th>
                  <Table.Th scope="col">Project role</Table.Th>
                  <Table.Th scope="col">Organisation role</Table.Th>
                  {canManage ? (
                    <Table.Th scope="col" ta="right">
                      <span className="visually-hidden">Actions</span>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.data.map((member) => (
                  <MemberRow
                    key={member.id}
                    member={member}
                    projectId={project.id}
                    canManage={canManage}
                    isMe={member.userId === me}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
