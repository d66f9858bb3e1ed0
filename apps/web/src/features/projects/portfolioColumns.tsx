import { Stack, Text } from "@mantine/core";
import { type ProjectListItem, projectStatuses, stageIndex } from "@rollout/domain";
import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_equalsString,
  filterFn_includesString,
  globalFilteringFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_text,
  tableFeatures,
} from "@tanstack/react-table";
import { roleLabel, StageBadge, StatusBadge } from "../../ui/badges.tsx";
import { daysFromToday, formatDate, relativeDays } from "../../ui/format.ts";
import { AnchorLink } from "../../ui/links.tsx";

/**
 * The portfolio table's features: client-side sort and filter (a portfolio is at most a few
 * hundred rows, all loaded), with state owned by the URL (see PortfolioTable).
 */
export const portfolioFeatures = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text },
  filterFns: { includesString: filterFn_includesString, equalsString: filterFn_equalsString },
});

const helper = createColumnHelper<typeof portfolioFeatures, ProjectListItem>();

/** Searchable by the free-text box. */
export const searchableColumns = new Set(["key", "name", "customer", "ipmName", "pmName"]);

function TargetCell({ project }: { project: ProjectListItem }) {
  if (project.actualGoLive) {
    return (
      <Stack gap={0}>
        <Text size="sm" component="time" dateTime={project.targetGoLive}>
          {formatDate(project.targetGoLive)}
        </Text>
        <Text size="xs" c="teal">
          Live since {formatDate(project.actualGoLive)}
        </Text>
      </Stack>
    );
  }
  const days = daysFromToday(project.targetGoLive);
  const open = project.status === "active" || project.status === "on_hold";
  const overdue = open && days !== null && days < 0;
  return (
    <Stack gap={0}>
      <Text size="sm" component="time" dateTime={project.targetGoLive}>
        {formatDate(project.targetGoLive)}
      </Text>
      {open ? (
        <Text size="xs" c={overdue ? "red" : "dimmed"}>
          {overdue
            ? `Overdue, due ${relativeDays(project.targetGoLive)}`
            : relativeDays(project.targetGoLive)}
        </Text>
      ) : null}
    </Stack>
  );
}

function person(name: string | null) {
  return name ? (
    <Text size="sm" style={{ whiteSpace: "nowrap" }}>
      {name}
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      —
    </Text>
  );
}

export const portfolioColumns = helper.columns([
  helper.accessor("key", {
    header: "Key",
    sortFn: "alphanumeric",
    filterFn: "includesString",
    cell: (info) => (
      <AnchorLink
        to="/projects/$projectId"
        params={{ projectId: info.row.original.id }}
        fw={600}
        size="sm"
        style={{ whiteSpace: "nowrap" }}
      >
        {info.getValue()}
      </AnchorLink>
    ),
  }),
  helper.accessor("name", {
    header: "Name",
    sortFn: "text",
    filterFn: "includesString",
    cell: (info) => (
      <Text size="sm" fw={500}>
        {info.getValue()}
        {info.row.original.archivedAt ? (
          <Text span size="xs" c="dimmed" ml={6}>
            (archived)
          </Text>
        ) : null}
      </Text>
    ),
  }),
  helper.accessor("customer", {
    header: "Customer",
    sortFn: "text",
    filterFn: "includesString",
    cell: (info) => person(info.getValue() || null),
  }),
  helper.accessor("stage", {
    header: "Stage",
    filterFn: "equalsString",
    // In life-cycle order, not alphabetical.
    sortFn: (a, b) => stageIndex(a.original.stage) - stageIndex(b.original.stage),
    cell: (info) => <StageBadge stage={info.getValue()} />,
  }),
  helper.accessor("status", {
    header: "Status",
    filterFn: "equalsString",
    sortFn: (a, b) =>
      projectStatuses.indexOf(a.original.status) - projectStatuses.indexOf(b.original.status),
    cell: (info) => <StatusBadge status={info.getValue()} />,
  }),
  helper.accessor("targetGoLive", {
    header: "Target go-live",
    // ISO dates sort as text.
    sortFn: "alphanumeric",
    cell: (info) => <TargetCell project={info.row.original} />,
  }),
  helper.accessor((row) => row.ipmName ?? undefined, {
    id: "ipmName",
    header: "IPM",
    sortFn: "text",
    sortUndefined: "last",
    filterFn: "includesString",
    cell: (info) => person(info.row.original.ipmName),
  }),
  helper.accessor((row) => row.pmName ?? undefined, {
    id: "pmName",
    header: "PM",
    sortFn: "text",
    sortUndefined: "last",
    filterFn: "includesString",
    cell: (info) => person(info.row.original.pmName),
  }),
  helper.accessor((row) => roleLabel(row.myRole, row.projectRole, true), {
    id: "myRole",
    header: "My role",
    sortFn: "text",
    cell: (info) => (
      <Text size="sm" style={{ whiteSpace: "nowrap" }}>
        {info.getValue()}
      </Text>
    ),
  }),
]);
