import { Button, Group, Loader, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFileSpreadsheet } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { downloadCsv } from "../../lib/download.ts";
import { errorInfo, useTRPC, useTRPCClient } from "../../lib/trpc.ts";
import { formatNumber, todayLocal } from "../../ui/format.ts";
import { myWorkTasksCsv } from "./myWorkCsv.ts";
import {
  fetchAllMyWork,
  MY_WORK_EXPORT_PAGE,
  myWorkGroupInput,
  myWorkNextPage,
  totalOf,
} from "./myWorkData.ts";

/**
 * Exports ALL my open tasks (not only the rows loaded on the page): walks the list page by page
 * through the client when pressed, showing how far it is, and can be cancelled. Not rendered
 * until the list has loaded, nor when it is empty.
 */
export function ExportMyTasksButton() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const today = todayLocal();
  // The list's own first query (same key): only its counts are read here.
  const first = useInfiniteQuery(
    trpc.myWork.list.infiniteQueryOptions(myWorkGroupInput("overdue", today), myWorkNextPage),
  );
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);
  // The button pressed gives way to Cancel and back: the keyboard focus follows it.
  const exportButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const busy = progress !== null;
  const hadFocus = useRef(false);
  useEffect(() => {
    if (!hadFocus.current) return;
    if (busy) cancelButton.current?.focus();
    // Back on Export only if the focus went with the Cancel button (not if moved elsewhere).
    else if (document.activeElement === document.body) exportButton.current?.focus();
  }, [busy]);

  const counts = first.data?.pages.at(-1)?.counts;
  if (!counts || totalOf(counts) === 0) return null;

  async function exportAll() {
    if (running.current) return;
    hadFocus.current = document.activeElement === exportButton.current;
    const controller = new AbortController();
    running.current = controller;
    setProgress({ done: 0, total: counts ? totalOf(counts) : 0 });
    try {
      const items = await fetchAllMyWork(
        (cursor, signal) =>
          client.myWork.list.query({ today, cursor, limit: MY_WORK_EXPORT_PAGE }, { signal }),
        (done, total) => setProgress({ done, total }),
        controller.signal,
      );
      downloadCsv("my-work-tasks.csv", myWorkTasksCsv(items, today));
    } catch (error) {
      if (!controller.signal.aborted) {
        notifications.show({
          color: "red",
          title: "Export failed",
          message: errorInfo(error).message,
        });
      }
    } finally {
      running.current = null;
      setProgress(null);
    }
  }

  if (progress) {
    const percent = progress.total ? Math.floor((progress.done / progress.total) * 100) : 0;
    return (
      <Group gap="xs" wrap="nowrap">
        <Text
          size="sm"
          c="dimmed"
          role="status"
          aria-live="polite"
          style={{ fontVariantNumeric: "tabular-nums" }}
        >
          <Loader size={12} mr={6} aria-hidden />
          Exporting {formatNumber(progress.done)} of {formatNumber(progress.total)} ({percent}%)
        </Text>
        <Button ref={cancelButton} variant="default" onClick={() => running.current?.abort()}>
          Cancel export
        </Button>
      </Group>
    );
  }
  return (
    <Button
      ref={exportButton}
      variant="default"
      leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
      aria-label="Export CSV of my tasks"
      onClick={() => void exportAll()}
    >
      Export CSV
    </Button>
  );
}
