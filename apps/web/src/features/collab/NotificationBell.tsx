import { ActionIcon, Indicator, Popover } from "@mantine/core";
import { IconBell } from "@tabler/icons-react";
import { lazy, Suspense, useId, useState } from "react";
import { LoadingRows } from "../../ui/Loading.tsx";
import { bellLabel, unreadLabel } from "./bell.ts";
import { useUnreadCount } from "./collabData.ts";
import "./collab.css";

// The list opens on demand: its code loads the first time the bell is opened.
const BellPanel = lazy(() => import("./BellPanel.tsx"));

/**
 * The bell in the header: unread count (live: a new notification rings it at once), the latest
 * notifications, and each one leads to its thing and is marked read on the way.
 */
export function NotificationBell() {
  const [opened, setOpened] = useState(false);
  const unread = useUnreadCount(true);
  const count = unread.data?.unread ?? 0;
  const label = bellLabel(count);
  const titleId = useId();
  return (
    <Indicator
      label={unreadLabel(count)}
      size={17}
      color="red"
      offset={6}
      disabled={count === 0}
      withBorder
      zIndex={2}
      styles={{ indicator: { fontSize: 10, fontWeight: 700, padding: "0 4px" } }}
    >
      <Popover
        opened={opened}
        onChange={setOpened}
        position="bottom-end"
        width={380}
        shadow="md"
        trapFocus
        returnFocus
      >
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            radius="xl"
            aria-label={label}
            title={label}
            onClick={() => setOpened((o) => !o)}
          >
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p={0} aria-labelledby={titleId}>
          {opened ? (
            <Suspense fallback={<LoadingRows rows={3} />}>
              <BellPanel titleId={titleId} unread={count} onClose={() => setOpened(false)} />
            </Suspense>
          ) : null}
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
