import { Button, Table, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import type { PortfolioItem } from "@rollout/domain";
import { IconArrowDown, IconArrowUp, IconFilterOff, IconSelector } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { type MouseEvent, memo, useCallback, useLayoutEffect, useRef, useState } from "react";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { HintProvider } from "../dashboard/HintLayer.tsx";
import { usePrinting } from "../dashboard/usePrinting.ts";
import { type PortfolioColumn, portfolioColumns } from "./portfolioColumns.tsx";
import type { PortfolioSearch, PortfolioSortColumn } from "./portfolioSearch.ts";
import "../dashboard/dashboard.css";

interface PortfolioTableProps {
  /** Already filtered and sorted (features/dashboard/portfolioView.ts). */
  rows: PortfolioItem[];
  total: number;
  search: PortfolioSearch;
  onSortChange: (sort: PortfolioSortColumn, desc: boolean) => void;
  onClearFilters: () => void;
}

/** Up to this many rows are all rendered; beyond, only those near the window's view. */
const RENDER_ALL = 80;
/** Every row is this tall (dashboard.css), so nothing needs measuring while scrolling. */
const ROW_HEIGHT = 52;

function SortHeader({
  column,
  search,
  onSortChange,
}: {
  column: PortfolioColumn;
  search: PortfolioSearch;
  onSortChange: PortfolioTableProps["onSortChange"];
}) {
  const { sort } = column;
  if (!sort) {
    return (
      <Table.Th scope="col">
        <Text span size="sm" fw={600}>
          {column.header}
        </Text>
      </Table.Th>
    );
  }
  const active = search.sort === sort;
  const Icon = !active ? IconSelector : search.desc ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th
      scope="col"
      className={column.numeric ? "num" : undefined}
      aria-sort={active ? (search.desc ? "descending" : "ascending") : "none"}
    >
      <UnstyledButton
        className="sort-button"
        // A new column starts ascending, except health and risks, where the worst is wanted first.
        onClick={() =>
          onSortChange(sort, active ? !search.desc : sort === "health" || sort === "risks")
        }
      >
        <Text span size="sm" fw={600}>
          {column.header}
        </Text>
        <Icon size={14} aria-hidden opacity={active ? 1 : 0.45} />
        <VisuallyHidden>
          {active ? `, sorted ${search.desc ? "descending" : "ascending"}` : ", sortable"}
        </VisuallyHidden>
      </UnstyledButton>
    </Table.Th>
  );
}

interface RowProps {
  item: PortfolioItem;
  index: number;
  onOpen: (event: MouseEvent, projectId: string) => void;
}

/** One project. Memoised: scrolling renders only the rows coming into view. */
const PortfolioRow = memo(function PortfolioRow({ item, index, onOpen }: RowProps) {
  return (
    <tr
      data-index={index}
      aria-rowindex={index + 2}
      className="portfolio-row"
      data-project={item.key}
      data-health={item.health.overall}
      onClick={(event) => onOpen(event, item.id)}
    >
      {portfolioColumns.map((column) => (
        <td key={column.id} className={column.numeric ? "num" : undefined}>
          {column.cell(item)}
        </td>
      ))}
    </tr>
  );
});

/** The header row. Memoised: scrolling re-renders the body only. */
const PortfolioHead = memo(function PortfolioHead({
  search,
  onSortChange,
}: {
  search: PortfolioSearch;
  onSortChange: PortfolioTableProps["onSortChange"];
}) {
  return (
    <Table.Thead>
      <Table.Tr aria-rowindex={1}>
        {portfolioColumns.map((column) => (
          <SortHeader key={column.id} column={column} search={search} onSortChange={onSortChange} />
        ))}
      </Table.Tr>
    </Table.Thead>
  );
});

/**
 * The rows: past a screenful only those near the window's view are in the page, with spacers
 * keeping the scroll height; printing renders them all. Its own component, so that scrolling
 * re-renders only this (and the memoised rows coming into view), not the table around it.
 */
function PortfolioBody({
  rows,
  total,
  onOpen,
}: {
  rows: PortfolioItem[];
  total: number;
  onOpen: RowProps["onOpen"];
}) {
  const printing = usePrinting();
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const virtual = rows.length > RENDER_ALL && !printing;

  // Where the body starts on the page, so the window's scroll maps onto rows. What sits above
  // it (the strip, the filters) changes height only with the window's width or the row count.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the counts ask for a new measurement
  useLayoutEffect(() => {
    const measure = () => {
      const top = bodyRef.current?.getBoundingClientRect().top;
      if (top !== undefined) setScrollMargin(Math.round(top + window.scrollY));
    };
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, [rows.length, total]);

  const virtualizer = useWindowVirtualizer({
    count: virtual ? rows.length : 0,
    estimateSize: rowHeight,
    // Rows render in the scroll event itself (flushSync), so a few beyond the view suffice.
    overscan: 6,
    scrollMargin,
    // Stable while the rows are: a new function would have every row's place computed again.
    getItemKey: useCallback((index: number) => rows[index]?.id ?? index, [rows]),
  });

  const items = virtual ? virtualizer.getVirtualItems() : null;
  const shown = items
    ? items.flatMap((v) => {
        const row = rows[v.index];
        return row ? [{ row, index: v.index }] : [];
      })
    : rows.map((row, index) => ({ row, index }));
  const padTop = items?.[0] ? items[0].start - scrollMargin : 0;
  const padBottom = items?.length
    ? virtualizer.getTotalSize() - ((items.at(-1)?.end ?? 0) - scrollMargin)
    : 0;

  return (
    <Table.Tbody ref={bodyRef}>
      {padTop > 0 ? (
        <tr aria-hidden style={{ height: padTop }}>
          <td colSpan={portfolioColumns.length} />
        </tr>
      ) : null}
      {shown.map(({ row, index }) => (
        <PortfolioRow key={row.id} item={row} index={index} onOpen={onOpen} />
      ))}
      {padBottom > 0 ? (
        <tr aria-hidden style={{ height: padBottom }}>
          <td colSpan={portfolioColumns.length} />
        </tr>
      ) : null}
    </Table.Tbody>
  );
}

const rowHeight = () => ROW_HEIGHT;

/**
 * The portfolio's rows as a real table (one row per project, a link on each key). A thousand
 * projects stay fast: see PortfolioBody.
 */
export function PortfolioTable({
  rows,
  total,
  search,
  onSortChange,
  onClearFilters,
}: PortfolioTableProps) {
  const navigate = useNavigate();

  const openRow = useCallback(
    (event: MouseEvent, projectId: string) => {
      // Links and buttons (the health dots, the override marker) do their own thing.
      if ((event.target as HTMLElement).closest("a, button")) return;
      void navigate({ to: "/projects/$projectId", params: { projectId } });
    },
    [navigate],
  );

  return (
    <>
      <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
        {rows.length === total
          ? `${total} ${total === 1 ? "project" : "projects"}`
          : `Showing ${rows.length} of ${total} projects`}
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
        <HintProvider>
          <Table.ScrollContainer minWidth={1130} type="native">
            <Table
              highlightOnHover
              verticalSpacing={6}
              horizontalSpacing="xs"
              aria-label="Projects"
              aria-rowcount={rows.length + 1}
              className="portfolio-table"
            >
              <colgroup>
                {portfolioColumns.map((column) => (
                  // Widths in dashboard.css (narrower in print); the project name takes the rest.
                  <col key={column.id} className={`col-${column.id}`} />
                ))}
              </colgroup>
              <PortfolioHead search={search} onSortChange={onSortChange} />
              <PortfolioBody rows={rows} total={total} onOpen={openRow} />
            </Table>
          </Table.ScrollContainer>
        </HintProvider>
      )}
    </>
  );
}
