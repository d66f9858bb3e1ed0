import { Button, Menu, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { OrgSummary } from "@rollout/domain";
import { orgRoleLabels } from "@rollout/domain";
import { IconBuilding, IconCheck, IconChevronDown, IconPlus } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import { errorInfo } from "../../lib/trpc.ts";
import { CoverOverlay } from "../../ui/CoverOverlay.tsx";
import { useSwitchOrg } from "./useSwitchOrg.ts";

interface OrgSwitcherProps {
  orgs: OrgSummary[];
  active: OrgSummary | null;
}

/** The organisation in the header: shows the active one, switches to another, or creates one. */
export function OrgSwitcher({ orgs, active }: OrgSwitcherProps) {
  const navigate = useNavigate();
  const switchOrg = useSwitchOrg();
  return (
    <>
      <CoverOverlay visible={switchOrg.switching} label="Switching organisation" />
      <Menu position="bottom-start" width={280} shadow="md">
        <Menu.Target>
          <Button
            variant="subtle"
            color="gray"
            leftSection={<IconBuilding size={16} aria-hidden />}
            rightSection={<IconChevronDown size={14} aria-hidden />}
            loading={switchOrg.switching}
            aria-label={`Organisation: ${active?.name ?? "none"}. Switch organisation`}
            maw={320}
          >
            <Text span truncate fw={600} size="sm">
              {active?.name ?? "Choose organisation"}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Your organisations</Menu.Label>
          {orgs.map((org) => (
            <Menu.Item
              key={org.id}
              leftSection={
                org.id === active?.id ? (
                  <IconCheck size={16} aria-label="Current" />
                ) : (
                  <IconBuilding size={16} aria-hidden />
                )
              }
              rightSection={
                <Text size="xs" c="dimmed">
                  {orgRoleLabels[org.role]}
                </Text>
              }
              onClick={() => {
                if (org.id === active?.id) return;
                switchOrg.mutate(
                  { orgId: org.id },
                  {
                    onError: (error) =>
                      notifications.show({
                        color: "red",
                        title: "Could not switch organisation",
                        message: errorInfo(error).message,
                      }),
                  },
                );
              }}
            >
              {org.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => void navigate({ to: "/orgs/new" })}
          >
            Create organisation
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </>
  );
}
