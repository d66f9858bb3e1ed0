import {
  AppShell,
  Avatar,
  Box,
  Burger,
  Group,
  LoadingOverlay,
  Menu,
  Stack,
  Text,
  UnstyledButton,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconBell,
  IconChecklist,
  IconChevronDown,
  IconLayoutDashboard,
  IconLogout,
  IconSettings,
} from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link, Outlet, useNavigate } from "@tanstack/react-router";
import { lazy, Suspense } from "react";
import { useSignOut } from "../features/auth/useSignOut.ts";
import { LessonsNavLink } from "../features/lessons/LessonsNavLink.tsx";
import { OrgSwitcher } from "../features/orgs/OrgSwitcher.tsx";
import { useTRPC } from "../lib/trpc.ts";
import { useLiveUpdates } from "../lib/useLiveUpdates.ts";
import { Logo } from "../ui/Logo.tsx";
import { NavLinkLink } from "../ui/links.tsx";

// The bell (and all it brings) loads after the first paint: it is not on the critical path.
const NotificationBell = lazy(() =>
  import("../features/collab/NotificationBell.tsx").then((m) => ({ default: m.NotificationBell })),
);

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts.at(-1)] : [parts[0]];
  return letters
    .map((p) => p?.[0] ?? "")
    .join("")
    .toUpperCase();
}

/** The signed-in frame: header (organisation, person) and the main navigation. */
export function AppLayout() {
  const trpc = useTRPC();
  const session = useQuery(trpc.session.get.queryOptions());
  const [navOpen, nav] = useDisclosure(false);
  const { signOut, pending: signingOut } = useSignOut();
  const navigate = useNavigate();
  const data = session.data;
  const hasOrg = Boolean(data?.activeOrg);
  useLiveUpdates(hasOrg);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: "sm", collapsed: { mobile: !navOpen } }}
      padding="lg"
    >
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <LoadingOverlay visible={signingOut} zIndex={1000} overlayProps={{ blur: 1 }} />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={navOpen}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpen ? "Close navigation" : "Open navigation"}
            />
            <Link
              to="/projects"
              aria-label="Rollout home"
              style={{ display: "flex", textDecoration: "none" }}
            >
              <Logo />
            </Link>
            {data ? <OrgSwitcher orgs={data.orgs} active={data.activeOrg} /> : null}
          </Group>
          {data ? (
            <Group gap="xs" wrap="nowrap">
              {hasOrg ? (
                <Suspense fallback={<Box w={34} h={34} aria-hidden />}>
                  <NotificationBell />
                </Suspense>
              ) : null}
              <Menu position="bottom-end" width={240} shadow="md">
                <Menu.Target>
                  <UnstyledButton aria-label={`Account menu for ${data.user.name}`}>
                    <Group gap={8} wrap="nowrap">
                      <Avatar size={30} radius="xl" color="blue">
                        {initials(data.user.name)}
                      </Avatar>
                      <Text size="sm" fw={500} visibleFrom="sm" truncate maw={180}>
                        {data.user.name}
                      </Text>
                      <IconChevronDown size={14} aria-hidden />
                    </Group>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>
                    <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
                      {data.user.name}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      {data.user.email}
                    </Text>
                  </Menu.Label>
                  <Menu.Divider />
                  {hasOrg ? (
                    <Menu.Item
                      leftSection={<IconSettings size={16} aria-hidden />}
                      onClick={() => void navigate({ to: "/settings" })}
                    >
                      Organisation settings
                    </Menu.Item>
                  ) : null}
                  {hasOrg ? (
                    <Menu.Item
                      leftSection={<IconBell size={16} aria-hidden />}
                      onClick={() => void navigate({ to: "/settings/notifications" })}
                    >
                      Notification settings
                    </Menu.Item>
                  ) : null}
                  <Menu.Item
                    leftSection={<IconLogout size={16} aria-hidden />}
                    onClick={() => void signOut()}
                  >
                    Sign out
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          ) : null}
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <Stack gap={4}>
          {hasOrg ? (
            <>
              <NavLinkLink
                to="/projects"
                label="Portfolio"
                leftSection={<IconLayoutDashboard size={18} aria-hidden />}
                activeProps={{ active: true, "aria-current": "page" }}
                activeOptions={{ includeSearch: false }}
                onClick={nav.close}
              />
              <NavLinkLink
                to="/my-work"
                label="My work"
                leftSection={<IconChecklist size={18} aria-hidden />}
                activeProps={{ active: true, "aria-current": "page" }}
                onClick={nav.close}
              />
              <LessonsNavLink onClick={nav.close} />
              <NavLinkLink
                to="/settings"
                label="Settings"
                leftSection={<IconSettings size={18} aria-hidden />}
                activeProps={{ active: true, "aria-current": "page" }}
                onClick={nav.close}
              />
            </>
          ) : (
            <Text size="sm" c="dimmed" p="sm">
              Create or choose an organisation to start.
            </Text>
          )}
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1}>
        <Box maw={1440} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
