import { Button, Group, Paper, Stack, Text } from "@mantine/core";
import {
  type Project,
  type RaidItem,
  type RaidKind,
  raidKindLabels,
  raidKindPluralLabels,
} from "@rollout/domain";
import { IconAlertTriangle, IconFilterOff } from "@tabler/icons-react";
import { useCallback, useMemo } from "react";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { formatNumber } from "../../ui/format.ts";
import { LoadingRows } from "../../ui/Loading.tsx";
import { RaidFilters } from "./RaidFilters.tsx";
import { RaidPager, usePage } from "./RaidPager.tsx";
import { RaidTable } from "./RaidTable.tsx";
import { RiskOverview } from "./RiskOverview.tsx";
import { type RaidRights, useRaidHeatMap } from "./raidData.ts";
import {
  clearedFilters,
  effectiveSort,
  filterItems,
  hasFilters,
  nextSort,
  sortItems,
} from "./raidModel.ts";
import type { OnRaidSearch, RaidSearch, RaidSortColumn } from "./raidSearch.ts";

/**
 * One kind's tab: for risks the heat map and what needs chasing, then the filters, the count,
 * and a page of the sorted table (every row while printing). An empty kind says what it is for.
 */
export function RaidKindView({
  project,
  items,
  ofKind,
  search,
  onSearch,
  rights,
  printing,
  onCreate,
  onImport,
}: {
  project: Project;
  items: readonly RaidItem[];
  ofKind: readonly RaidItem[];
  search: RaidSearch;
  onSearch: OnRaidSearch;
  rights: RaidRights;
  printing: boolean;
  onCreate: () => void;
  onImport: () => void;
}) {
  const kind = search.kind;
  const heat = useRaidHeatMap(project.id);
  const filtered = useMemo(
    () =>
      filterItems(ofKind, {
        kind,
        q: search.q,
        status: search.status,
        band: search.band,
        owner: search.owner,
        overdue: search.overdue,
        cell: search.cell,
        residual: search.residual,
      }),
    [
      ofKind,
      kind,
      search.q,
      search.status,
      search.band,
      search.owner,
      search.overdue,
      search.cell,
      search.residual,
    ],
  );
  const sort = effectiveSort(search);
  const sorted = useMemo(
    () => sortItems(filtered, sort.sort, sort.desc),
    [filtered, sort.sort, sort.desc],
  );
  const page = usePage(
    sorted.length,
    `${kind}|${search.q}|${search.status}|${search.band}|${search.owner}|${search.overdue}|${search.cell}|${search.residual}|${sort.sort}|${sort.desc}`,
  );
  const onSort = useCallback(
    (column: RaidSortColumn) => onSearch(nextSort(sort, column)),
    [onSearch, sort],
  );
  const onOpen = useCallback((itemId: string) => onSearch({ item: itemId }, false), [onSearch]);
  const plural = raidKindPluralLabels[kind].toLowerCase();
  const noun = raidKindLabels[kind].toLowerCase();

  if (ofKind.length === 0) {
    return (
      <Paper withBorder radius="md" p="lg">
        <EmptyState
          icon={<IconAlertTriangle size={28} aria-hidden />}
          title={`No ${plural} yet${rights.edit ? " — add the first" : ""}`}
          description={emptyHints[kind] + (rights.edit ? "" : " The project's managers add them.")}
          action={
            rights.edit ? (
              <Group gap="sm" justify="center">
                <Button onClick={onCreate}>Add a {noun}</Button>
                <Button variant="default" onClick={onImport}>
                  Import from CSV
                </Button>
              </Group>
            ) : undefined
          }
        />
      </Paper>
    );
  }

  const shown = printing ? sorted : sorted.slice(page.from, page.to);
  return (
    <Stack gap="sm">
      {kind === "risk" ? (
        heat.isError ? (
          <ErrorAlert
            error={heat.error}
            title="The heat map could not be loaded"
            onRetry={() => void heat.refetch()}
          />
        ) : heat.data ? (
          <RiskOverview
            heat={heat.data}
            risks={ofKind}
            search={search}
            onSearch={onSearch}
            onOpen={onOpen}
          />
        ) : (
          <LoadingRows rows={4} label="Loading the heat map" />
        )
      ) : null}
      <RaidFilters
        items={items}
        search={search}
        onSearch={onSearch}
        overdueCount={ofKind.filter((i) => i.overdue).length}
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {sorted.length === ofKind.length
          ? `${formatNumber(ofKind.length)} ${ofKind.length === 1 ? noun : plural}`
          : `Showing ${formatNumber(sorted.length)} of ${formatNumber(ofKind.length)} ${plural}`}
      </Text>
      {sorted.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <EmptyState
            icon={<IconFilterOff size={28} aria-hidden />}
            title={`No ${plural} match these filters`}
            description="Try another search, or clear the filters to see them all."
            action={
              hasFilters(search) ? (
                <Button variant="light" onClick={() => onSearch(clearedFilters)}>
                  Clear filters
                </Button>
              ) : undefined
            }
          />
        </Paper>
      ) : (
        <Paper withBorder radius="md">
          <RaidTable
            kind={kind}
            label={`${raidKindPluralLabels[kind]} of ${project.key}`}
            items={shown}
            sort={sort}
            onSort={onSort}
            selectedId={search.item}
            onOpen={onOpen}
          />
        </Paper>
      )}
      {printing ? null : <RaidPager page={page} total={sorted.length} />}
    </Stack>
  );
}

const emptyHints: Record<RaidKind, string> = {
  risk: "A risk is something that may happen and hurt (or help) the rollout: rate its probability and impact to see it on the heat map.",
  assumption:
    "An assumption is something the plan takes as true without proof yet: note it, and when it will be checked.",
  issue: "An issue is a problem happening now: give it a severity, an owner and a due date.",
  dependency:
    "A dependency is something the rollout waits for from outside the team: a delivery, an approval, another project.",
  decision: "A decision records what was agreed, by whom, and when — so nobody has to ask twice.",
};
