import { Alert, Button, Group, NativeSelect, Paper, Select, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  type ProjectMember,
  type ProjectRole,
  projectRoleLabels,
  projectRoles,
} from "@rollout/domain";
import { IconUserPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useMemo, useState } from "react";
import { isOneOf } from "../../lib/isOneOf.ts";
import { errorInfo, useTRPC } from "../../lib/trpc.ts";
import { AnchorLink } from "../../ui/links.tsx";
import { useAddProjectMember } from "./memberMutations.ts";

const roleOptions = projectRoles.map((r) => ({ value: r, label: projectRoleLabels[r] }));

/** Adds someone from the organisation to the project. New people are invited from Settings. */
export function AddMemberForm({
  projectId,
  members,
}: {
  projectId: string;
  members: ProjectMember[];
}) {
  const trpc = useTRPC();
  const orgMembers = useQuery(trpc.org.members.queryOptions());
  const add = useAddProjectMember(projectId);
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<ProjectRole>("contributor");
  const [error, setError] = useState<string | null>(null);

  const candidates = useMemo(() => {
    const onProject = new Set(members.map((m) => m.userId));
    return (orgMembers.data ?? [])
      .filter((m) => !onProject.has(m.userId))
      .map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` }));
  }, [orgMembers.data, members]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!userId) {
      setError("Choose a person");
      return;
    }
    setError(null);
    add.mutate(
      { projectId, userId, role },
      {
        onSuccess: () => {
          const who = candidates.find((c) => c.value === userId)?.label ?? "They";
          notifications.show({
            color: "green",
            title: "Member added",
            message: `${who} joined as ${projectRoleLabels[role]}.`,
          });
          setUserId(null);
        },
        onError: (failure) => {
          const info = errorInfo(failure);
          setError(info.fieldErrors.userId ?? info.message);
        },
      },
    );
  }

  return (
    <Paper withBorder radius="md" p="lg">
      <form onSubmit={submit} noValidate aria-label="Add a member">
        <Title order={2} fz="h4" mb={4}>
          Add a member
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          Choose someone from your organisation. People who are not in it yet are invited from{" "}
          <AnchorLink to="/settings">organisation settings</AnchorLink>.
        </Text>
        {orgMembers.isError ? (
          <Alert color="red" variant="light" mb="md">
            {errorInfo(orgMembers.error).message}
          </Alert>
        ) : null}
        <Group align="flex-start" gap="md" wrap="wrap">
          <Select
            label="Person"
            placeholder={
              orgMembers.isPending
                ? "Loading people…"
                : candidates.length
                  ? "Search by name or email"
                  : "Everyone is already on this project"
            }
            data={candidates}
            value={userId}
            onChange={setUserId}
            searchable
            clearable
            nothingFoundMessage="Nobody matches"
            disabled={orgMembers.isPending || candidates.length === 0}
            error={error}
            style={{ flex: "1 1 18rem" }}
          />
          <NativeSelect
            label="Role"
            data={roleOptions}
            value={role}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (isOneOf(projectRoles, value)) setRole(value);
            }}
            w={200}
          />
          <Button
            type="submit"
            mt={25}
            leftSection={<IconUserPlus size={16} aria-hidden />}
            loading={add.isPending}
            disabled={candidates.length === 0}
          >
            Add
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
