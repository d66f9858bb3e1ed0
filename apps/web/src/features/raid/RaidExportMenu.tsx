import { Button, Menu } from "@mantine/core";
import { type RaidItem, type RaidKind, raidKindPluralLabels } from "@rollout/domain";
import { IconDownload } from "@tabler/icons-react";
import { formatNumber } from "../../ui/format.ts";
import { effectiveSort, filterItems, hasFilters, sortItems } from "./raidModel.ts";
import type { RaidSearch } from "./raidSearch.ts";

/** CSV of this kind, of the rows a filter shows, or of the whole log (what the reader may see). */
export function RaidExportMenu({
  kind,
  all,
  ofKind,
  search,
  onExport,
}: {
  kind: RaidKind;
  all: readonly RaidItem[];
  ofKind: readonly RaidItem[];
  search: RaidSearch;
  onExport: (rows: readonly RaidItem[], scope: RaidKind | null, filtered?: boolean) => void;
}) {
  const filtered = hasFilters(search);
  return (
    <Menu position="bottom-end" shadow="md" width={260}>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
          Export CSV
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onExport(ofKind, kind)}>
          All {raidKindPluralLabels[kind].toLowerCase()} ({formatNumber(ofKind.length)})
        </Menu.Item>
        {filtered ? (
          <Menu.Item
            onClick={() =>
              onExport(
                sortItems(
                  filterItems(ofKind, search),
                  effectiveSort(search).sort,
                  effectiveSort(search).desc,
                ),
                kind,
                true,
              )
            }
          >
            Only the {raidKindPluralLabels[kind].toLowerCase()} shown
          </Menu.Item>
        ) : null}
        <Menu.Item onClick={() => onExport(all, null)}>
          The whole log ({formatNumber(all.length)})
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
