import { Group, Pagination, Text } from "@mantine/core";
import { useState } from "react";
import { formatNumber } from "../../ui/format.ts";
import { pageWindow } from "./raidModel.ts";

export type Page = ReturnType<typeof pageWindow> & { set: (page: number) => void };

/** The page shown; back to the first whenever `resetKey` (filters, sort) changes. */
export function usePage(total: number, resetKey: string): Page {
  const [state, setState] = useState({ key: resetKey, page: 1 });
  const window = pageWindow(total, state.key === resetKey ? state.page : 1);
  return { ...window, set: (page) => setState({ key: resetKey, page }) };
}

export function RaidPager({ page, total }: { page: Page; total: number }) {
  if (page.pages <= 1) return null;
  return (
    <Group justify="space-between" gap="sm" className="no-print">
      <Text size="sm" c="dimmed">
        Rows {formatNumber(page.from + 1)}–{formatNumber(page.to)} of {formatNumber(total)}
      </Text>
      <Pagination
        size="sm"
        total={page.pages}
        value={page.page}
        onChange={page.set}
        aria-label="Pages"
        getControlProps={(control) => ({
          "aria-label":
            control === "previous" ? "Previous page" : control === "next" ? "Next page" : control,
        })}
        getItemProps={(p) => ({ "aria-label": `Page ${p}` })}
      />
    </Group>
  );
}
