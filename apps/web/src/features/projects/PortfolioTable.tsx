import { Button, Table, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import type { ProjectListItem } from "@rollout/domain";
import { IconArrowDown, IconArrowUp, IconFilterOff, IconSelector } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import {
  type ColumnFiltersState,
  functionalUpdate,
  type SortingState,
  type Updater,
  useTable,
} from "@tanstack/react-table";
import { type MouseEvent, useMemo } from "react";
import { isOneOf } from "../../lib/isOneOf.ts";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { portfolioColumns, portfolioFeatures, searchableColumns } from "./portfolioColumns.tsx";
import type { PortfolioSearch, PortfolioSortColumn } from "./portfolioSearch.ts";
import { portfolioSortColumns } from "./portfolioSearch.ts";

interface PortfolioTableProps {
  projects: ProjectListItem[];
  search: PortfolioSearch;
  onSortChange: (sort: PortfolioSortColumn, desc: boolean) => void;
  onClearFilters: () => void;
}

/** Sort and filters come from the URL; the table only computes the rows. */
export function PortfolioTable({
  projects,
  search,
  onSortChange,
  onClearFilters,
}: PortfolioTableProps) {
  const navigate = useNavigate();
  const sorting = useMemo<SortingState>(
    () => [{ id: search.sort, desc: search.desc }],
    [search.sort, search.desc],
  );
  const columnFilters = useMemo<ColumnFiltersState>(() => {
    const filters: ColumnFiltersState = [];
    if (search.stage) filters.push({ id: "stage", value: search.stage });
    if (search.status) filters.push({ id: "status", value: search.status });
    return filters;
  }, [search.stage, search.status]);

  const table = useTable({
    features: portfolioFeatures,
    columns: portfolioColumns,
    data: projects,
    getRowId: (row) => row.id,
    state: { sorting, columnFilters, globalFilter: search.q },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = functionalUpdate(updater, sorting)[0];
      if (next && isOneOf(portfolioSortColumns, next.id)) onSortChange(next.id, next.desc);
    },
    enableSortingRemoval: false,
    enableMultiSort: false,
    globalFilterFn: "includesString",
    getColumnCanGlobalFilter: (column) => searchableColumns.has(column.id),
  });

  const rows = table.getRowModel().rows;

  function openRow(event: MouseEvent, projectId: string) {
    // The key cell is a real link; let it (and modified clicks) do their own thing.
    if ((event.target as HTMLElement).closest("a, button")) return;
    void navigate({ to: "/projects/$projectId", params: { projectId } });
  }

  return (
    <>
      <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
        {rows.length === projects.length
          ? `${projects.length} ${projects.length === 1 ? "project" : "projects"}`
          : `Showing ${rows.length} of ${projects.length} projects`}
      </Text>
      {rows.length === 0 ? (
        <EmptyState
          icon={<IconFilterOff size={28} aria-hidden />}
          title="No projects match these filters"
          description="Try another search, or clear the filters to see every project."
          action={
            <Button variant="light" onClick={onClearFilters}>
              Clear filters
            </Button>
          }
        />
      ) : (
        <Table.ScrollContainer minWidth={960} type="native">
          <Table highlightOnHover verticalSpacing="sm" aria-label="Projects">
            <Table.Thead>
              {table.getHeaderGroups().map((group) => (
                <Table.Tr key={group.id}>
                  {group.headers.map((header) => {
                    const sorted = header.column.getIsSorted();
                    const Icon =
                      sorted === "asc"
                        ? IconArrowUp
                        : sorted === "desc"
                          ? IconArrowDown
                          : IconSelector;
                    return (
                      <Table.Th
                        key={header.id}
                        aria-sort={
                          sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"
                        }
                        scope="col"
                      >
                        <UnstyledButton
                          className="sort-button"
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          <Text span size="sm" fw={600}>
                            <table.FlexRender header={header} />
                          </Text>
                          <Icon size={14} aria-hidden opacity={sorted ? 1 : 0.45} />
                          <VisuallyHidden>
                            {sorted
                              ? `, sorted ${sorted === "asc" ? "ascending" : "descending"}`
                              : ", sortable"}
                          </VisuallyHidden>
                        </UnstyledButton>
                      </Table.Th>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr
                  key={row.id}
                  className="portfolio-row"
                  onClick={(event) => openRow(event, row.original.id)}
                >
                  {row.getAllCells().map((cell) => (
                    <Table.Td key={cell.id}>
                      <table.FlexRender cell={cell} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
