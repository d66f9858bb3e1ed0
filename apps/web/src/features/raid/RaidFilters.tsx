import { Button, Chip, Group, NativeSelect, Pill } from "@mantine/core";
import {
  type RaidItem,
  type RaidStatus,
  raidKindPluralLabels,
  raidStatusesByKind,
  raidStatusLabels,
  riskBandLabels,
  riskBands,
} from "@rollout/domain";
import { IconFilterOff } from "@tabler/icons-react";
import { useMemo } from "react";
import { isOneOf } from "../../lib/isOneOf.ts";
import { SearchBox } from "../plan/PlanFilters.tsx";
import {
  clearedFilters,
  hasFilters,
  ownerOptions,
  parseCell,
  statusFilterFits,
} from "./raidModel.ts";
import { ACTIVE_STATUS, type RaidSearch } from "./raidSearch.ts";

/** Text, status, band (risks), owner and overdue; the heat-map cell shows as a removable pill. */
export function RaidFilters({
  items,
  search,
  onSearch,
  overdueCount,
}: {
  items: readonly RaidItem[];
  search: RaidSearch;
  onSearch: (patch: Partial<RaidSearch>) => void;
  overdueCount: number;
}) {
  const kind = search.kind;
  const statusOptions = useMemo(
    () => [
      { value: "", label: "All statuses" },
      { value: ACTIVE_STATUS, label: "Still open (any)" },
      ...raidStatusesByKind[kind].map((s) => ({ value: s, label: raidStatusLabels[s] })),
    ],
    [kind],
  );
  const owners = useMemo(
    () => [{ value: "", label: "Anyone" }, ...ownerOptions(items, kind)],
    [items, kind],
  );
  const cell = kind === "risk" ? parseCell(search.cell) : null;
  const dated = kind === "risk" || kind === "assumption" ? "Review overdue" : "Overdue";

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" className="no-print">
      <SearchBox
        value={search.q}
        onChange={(q) => onSearch({ q })}
        label={`Search ${raidKindPluralLabels[kind].toLowerCase()}`}
        placeholder="Ref, title, owner, text"
      />
      <NativeSelect
        label="Status"
        data={statusOptions}
        value={statusFilterFits(kind, search.status) ? (search.status ?? "") : ""}
        onChange={(e) => {
          const v = e.currentTarget.value;
          onSearch({
            status:
              v === ACTIVE_STATUS || isOneOf(raidStatusesByKind[kind] as RaidStatus[], v)
                ? (v as RaidSearch["status"])
                : undefined,
          });
        }}
        w={{ base: "48%", sm: 160 }}
      />
      {kind === "risk" ? (
        <NativeSelect
          label="Band"
          data={[
            { value: "", label: "All bands" },
            ...riskBands.map((b) => ({ value: b, label: riskBandLabels[b] })),
          ]}
          value={search.band ?? ""}
          onChange={(e) => {
            const v = e.currentTarget.value;
            onSearch({ band: isOneOf(riskBands, v) ? v : undefined });
          }}
          w={{ base: "48%", sm: 130 }}
        />
      ) : null}
      <NativeSelect
        label="Owner"
        data={owners}
        value={search.owner ?? ""}
        onChange={(e) => onSearch({ owner: e.currentTarget.value || undefined })}
        w={{ base: "48%", sm: 170 }}
      />
      <Group gap={6} mb={4} wrap="nowrap">
        <Chip
          size="sm"
          color="red"
          checked={search.overdue}
          onChange={(on) => onSearch({ overdue: on })}
        >
          {dated} only ({overdueCount})
        </Chip>
        {cell ? (
          <Pill
            size="md"
            withRemoveButton
            onRemove={() => onSearch({ cell: undefined })}
            removeButtonProps={{ "aria-label": "Clear the heat-map cell" }}
          >
            {search.residual ? "Residual " : ""}P{cell.probability} × I{cell.impact}
          </Pill>
        ) : null}
        {hasFilters(search) ? (
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconFilterOff size={14} aria-hidden />}
            onClick={() => onSearch(clearedFilters)}
          >
            Clear filters
          </Button>
        ) : null}
      </Group>
    </Group>
  );
}
