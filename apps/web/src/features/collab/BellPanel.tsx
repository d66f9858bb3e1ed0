import {
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from "@mantine/core";
import { notifications as toasts } from "@mantine/notifications";
import type { Notification } from "@rollout/domain";
import { IconBellOff, IconChecks, IconSettings } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import { type KeyboardEvent, useRef } from "react";
import { errorInfo } from "../../lib/trpc.ts";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { formatTimestamp } from "../../ui/format.ts";
import { LoadingRows } from "../../ui/Loading.tsx";
import { useNotificationPages, useNotificationWrites } from "./collabData.ts";
import { timeAgo } from "./collabTime.ts";
import { useOpenTarget } from "./TargetLink.tsx";
import "./collab.css";

/** Arrow keys move between the notifications (Tab still reaches everything). */
function moveFocus(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>("[data-notification]")];
  if (items.length === 0) return;
  event.preventDefault();
  const at = items.indexOf(document.activeElement as HTMLElement);
  const next =
    event.key === "ArrowDown"
      ? items[(at + 1) % items.length]
      : items[(at - 1 + items.length) % items.length];
  next?.focus();
}

export default function BellPanel({
  titleId,
  unread,
  onClose,
}: {
  titleId: string;
  unread: number;
  onClose: () => void;
}) {
  const pages = useNotificationPages(true);
  const writes = useNotificationWrites();
  const open = useOpenTarget();
  const navigate = useNavigate();
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const panel = useRef<HTMLDivElement>(null);
  const now = Date.now();

  function go(n: Notification) {
    if (!n.readAt) writes.markRead.mutate({ ids: [n.id] });
    onClose();
    if (n.projectId) open(n.projectId, n.targetType, n.targetId);
  }

  function markAll() {
    writes.markAllRead.mutate(undefined, {
      // The button turns off: focus moves to the list, so Escape and the arrows still work.
      onSuccess: () =>
        panel.current?.querySelector<HTMLElement>("[data-notification]")?.focus() ??
        panel.current?.focus(),
      onError: (e) =>
        toasts.show({ color: "red", title: "Not marked", message: errorInfo(e).message }),
    });
  }

  return (
    <Stack gap={0} ref={panel} tabIndex={-1} style={{ outline: "none" }}>
      <Group justify="space-between" px="md" py="sm" wrap="nowrap">
        <Group gap={8}>
          <Text fw={650} size="sm" id={titleId}>
            Notifications
          </Text>
          {unread > 0 ? (
            <Badge size="sm" color="red" variant="light" tt="none">
              {unread} unread
            </Badge>
          ) : null}
        </Group>
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconChecks size={14} aria-hidden />}
          disabled={unread === 0}
          loading={writes.markAllRead.isPending}
          onClick={markAll}
        >
          Mark all read
        </Button>
      </Group>
      <Box style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}>
        {pages.isPending ? (
          <Box p="md">
            <LoadingRows rows={3} label="Loading notifications" />
          </Box>
        ) : pages.isError ? (
          <Box p="sm">
            <ErrorAlert
              error={pages.error}
              title="Notifications could not be loaded"
              onRetry={() => void pages.refetch()}
            />
          </Box>
        ) : items.length === 0 ? (
          <Stack align="center" gap={6} p="xl">
            <IconBellOff size={26} aria-hidden color="var(--mantine-color-dimmed)" />
            <Text size="sm" fw={600}>
              Nothing new
            </Text>
            <Text size="xs" c="dimmed" ta="center">
              Mentions, assignments, sign-off requests and reminders about your tasks show up here.
            </Text>
          </Stack>
        ) : (
          <ScrollArea.Autosize mah="min(60vh, 460px)" type="auto">
            <ul className="bell-list" aria-label="Latest notifications" onKeyDown={moveFocus}>
              {items.map((n) => (
                <li key={n.id}>
                  <UnstyledButton
                    className="bell-item"
                    data-notification
                    data-unread={n.readAt ? undefined : true}
                    onClick={() => go(n)}
                    aria-label={`${n.readAt ? "" : "Unread: "}${n.message}${n.projectKey ? ` (${n.projectKey})` : ""}, ${formatTimestamp(n.createdAt)}`}
                  >
                    <span className="bell-dot" data-read={n.readAt ? true : undefined} />
                    <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                      <Text size="sm" fw={n.readAt ? 400 : 500} lineClamp={3}>
                        {n.message}
                      </Text>
                      <Group gap={6}>
                        {n.projectKey ? (
                          <Badge size="xs" variant="default" tt="none">
                            {n.projectKey}
                          </Badge>
                        ) : null}
                        <Text size="xs" c="dimmed" component="time" dateTime={n.createdAt}>
                          {timeAgo(n.createdAt, now)}
                        </Text>
                      </Group>
                    </Stack>
                  </UnstyledButton>
                </li>
              ))}
            </ul>
            {pages.hasNextPage ? (
              <Group justify="center" p="xs">
                <Button
                  size="compact-sm"
                  variant="subtle"
                  loading={pages.isFetchingNextPage}
                  onClick={() => void pages.fetchNextPage()}
                >
                  Load more
                </Button>
              </Group>
            ) : null}
          </ScrollArea.Autosize>
        )}
      </Box>
      <Box px="md" py={8} style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}>
        <Anchor
          component="button"
          type="button"
          size="xs"
          onClick={() => {
            onClose();
            void navigate({ to: "/settings/notifications" });
          }}
        >
          <Group gap={4} component="span">
            <IconSettings size={13} aria-hidden />
            Notification settings
          </Group>
        </Anchor>
      </Box>
    </Stack>
  );
}
