import { Button, Divider, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { orgRoleLabels } from "@rollout/domain";
import { IconBuilding } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { createLazyRoute } from "@tanstack/react-router";
import { CreateOrgForm } from "../features/orgs/CreateOrgForm.tsx";
import { useSwitchOrg } from "../features/orgs/useSwitchOrg.ts";
import { errorInfo, useTRPC } from "../lib/trpc.ts";

export const Route = createLazyRoute("/_authed/orgs/new")({ component: CreateOrgPage });

function CreateOrgPage() {
  const trpc = useTRPC();
  const session = useQuery(trpc.session.get.queryOptions());
  const switchOrg = useSwitchOrg();
  const orgs = session.data?.orgs ?? [];
  const first = orgs.length === 0;

  return (
    <Stack maw={520} mx="auto" py="lg" gap="lg">
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {first ? "Set up your organisation" : "Create an organisation"}
        </Title>
        <Text c="dimmed">
          {first
            ? "Projects, people and invitations belong to an organisation. You will be its owner."
            : "A separate space with its own projects and members. You will be its owner."}
        </Text>
      </Stack>
      <Paper withBorder p="lg" radius="md">
        <CreateOrgForm />
      </Paper>
      {orgs.length > 0 ? (
        <Stack gap="sm">
          <Divider label="or continue in" labelPosition="center" />
          {orgs.map((org) => (
            <Paper key={org.id} withBorder p="sm" radius="md">
              <Group justify="space-between" wrap="nowrap">
                <Group gap="sm" wrap="nowrap">
                  <IconBuilding size={18} aria-hidden />
                  <div>
                    <Text fw={600} size="sm">
                      {org.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {orgRoleLabels[org.role]}
                    </Text>
                  </div>
                </Group>
                <Button
                  variant="light"
                  size="xs"
                  loading={switchOrg.switching && switchOrg.variables?.orgId === org.id}
                  onClick={() =>
                    switchOrg.mutate(
                      { orgId: org.id },
                      {
                        onError: (error) =>
                          notifications.show({
                            color: "red",
                            title: "Could not open organisation",
                            message: errorInfo(error).message,
                          }),
                      },
                    )
                  }
                  aria-label={`Open ${org.name}`}
                >
                  Open
                </Button>
              </Group>
            </Paper>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
