import { Group, Stack, Table, Text, Tooltip, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { type RaidItem, type RaidKind, riskResponseLabels } from "@rollout/domain";
import {
  IconAlertTriangle,
  IconArrowDown,
  IconArrowRight,
  IconArrowUp,
  IconLock,
  IconSelector,
} from "@tabler/icons-react";
import { memo } from "react";
import { DateText } from "../../ui/DateText.tsx";
import { BandBadge, RaidStatusBadge, SeverityBadge } from "../../ui/raidBadges.tsx";
import { type RaidColumn, raidColumns } from "./raidModel.ts";
import type { RaidSortColumn } from "./raidSearch.ts";

interface RaidTableProps {
  kind: RaidKind;
  label: string;
  items: readonly RaidItem[];
  sort: { sort: RaidSortColumn; desc: boolean };
  onSort: (column: RaidSortColumn) => void;
  selectedId: string | undefined;
  onOpen: (itemId: string) => void;
}

/**
 * One kind's items, with the columns that fit it. Headers sort; a row (or its title, which is
 * the keyboard's way in) opens the item. Overdue rows carry a red bar and say "Overdue".
 */
export function RaidTable({
  kind,
  label,
  items,
  sort,
  onSort,
  selectedId,
  onOpen,
}: RaidTableProps) {
  const columns = raidColumns(kind);
  return (
    <Table.ScrollContainer minWidth={kind === "risk" ? 1000 : 720} type="native">
      <Table
        className="raid-table"
        highlightOnHover
        verticalSpacing={6}
        horizontalSpacing="xs"
        aria-label={label}
      >
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <SortHeader
                key={column.id}
                column={column}
                sorted={sort.sort === column.id ? (sort.desc ? "desc" : "asc") : null}
                onSort={onSort}
              />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <RaidRow
              key={item.id}
              item={item}
              columns={columns}
              selected={item.id === selectedId}
              onOpen={onOpen}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SortHeader({
  column,
  sorted,
  onSort,
}: {
  column: RaidColumn;
  sorted: "asc" | "desc" | null;
  onSort: (column: RaidSortColumn) => void;
}) {
  const Icon = sorted === "asc" ? IconArrowUp : sorted === "desc" ? IconArrowDown : IconSelector;
  return (
    <Table.Th
      scope="col"
      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
      className={column.numeric ? "raid-num" : undefined}
    >
      <UnstyledButton className="sort-button" onClick={() => onSort(column.id)}>
        <Text span size="sm" fw={600} aria-hidden={column.fullLabel ? true : undefined}>
          {column.label}
        </Text>
        {column.fullLabel ? <VisuallyHidden>{column.fullLabel}</VisuallyHidden> : null}
        <Icon size={14} aria-hidden opacity={sorted ? 1 : 0.45} />
        <VisuallyHidden>
          {sorted ? `, sorted ${sorted === "asc" ? "ascending" : "descending"}` : ", sortable"}
        </VisuallyHidden>
      </UnstyledButton>
    </Table.Th>
  );
}

const Dash = () => (
  <Text span c="dimmed" size="sm">
    —
  </Text>
);

/** Rows are memoised: a filter change re-renders only the rows that come and go. */
const RaidRow = memo(function RaidRow({
  item,
  columns,
  selected,
  onOpen,
}: {
  item: RaidItem;
  columns: RaidColumn[];
  selected: boolean;
  onOpen: (itemId: string) => void;
}) {
  return (
    <Table.Tr
      className="raid-row"
      data-item={item.ref}
      data-overdue={item.overdue || undefined}
      data-closed={!item.isOpen || undefined}
      data-selected={selected || undefined}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest("a, button")) return;
        onOpen(item.id);
      }}
    >
      {columns.map((column) => (
        <Table.Td key={column.id} className={column.numeric ? "raid-num" : undefined}>
          <Cell item={item} column={column.id} selected={selected} onOpen={onOpen} />
        </Table.Td>
      ))}
    </Table.Tr>
  );
});

function Cell({
  item,
  column,
  selected,
  onOpen,
}: {
  item: RaidItem;
  column: RaidSortColumn;
  selected: boolean;
  onOpen: (itemId: string) => void;
}) {
  switch (column) {
    case "ref":
      return <span className="raid-ref">{item.ref}</span>;
    case "title":
      return (
        <Group gap={6} wrap="nowrap" align="flex-start" miw={200}>
          <UnstyledButton
            className="raid-open"
            aria-current={selected || undefined}
            onClick={() => onOpen(item.id)}
          >
            <Text size="sm" className="raid-title" title={item.title}>
              <VisuallyHidden>Open {item.ref}: </VisuallyHidden>
              {item.title}
            </Text>
          </UnstyledButton>
          {item.internalOnly ? (
            <Tooltip label="Internal only: hidden from stakeholders">
              <span>
                <IconLock size={14} aria-hidden style={{ marginTop: 3 }} />
                <VisuallyHidden>Internal only</VisuallyHidden>
              </span>
            </Tooltip>
          ) : null}
          {item.convertedTo ? (
            <Text span size="xs" c="dimmed" style={{ whiteSpace: "nowrap", marginTop: 2 }}>
              <IconArrowRight size={12} aria-hidden style={{ verticalAlign: -2 }} />
              <VisuallyHidden>became </VisuallyHidden>
              {item.convertedTo.ref}
            </Text>
          ) : null}
          {item.convertedFrom ? (
            <Text span size="xs" c="dimmed" style={{ whiteSpace: "nowrap", marginTop: 2 }}>
              from {item.convertedFrom.ref}
            </Text>
          ) : null}
        </Group>
      );
    case "owner":
      return item.owner ? (
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          {item.owner.name}
        </Text>
      ) : (
        <Dash />
      );
    case "status":
      return <RaidStatusBadge status={item.status} />;
    case "probability":
      return item.probability ?? <Dash />;
    case "impact":
      return item.impact ?? <Dash />;
    case "score":
      return item.band ? <BandBadge band={item.band} score={item.score} /> : <Dash />;
    case "residual":
      return item.residualBand ? (
        <BandBadge band={item.residualBand} score={item.residualScore} variant="outline" />
      ) : (
        <Dash />
      );
    case "response":
      return item.response ? <Text size="sm">{riskResponseLabels[item.response]}</Text> : <Dash />;
    case "severity":
      return item.severity ? <SeverityBadge severity={item.severity} /> : <Dash />;
    case "due":
      return (
        <Stack gap={0}>
          <DateText
            value={item.dueDate}
            size="sm"
            c={item.overdue ? "red" : item.isOpen ? undefined : "dimmed"}
            fw={item.overdue ? 600 : undefined}
            style={{ whiteSpace: "nowrap" }}
          />
          {item.overdue ? (
            <Text span size="xs" c="red" fw={600} style={{ whiteSpace: "nowrap" }}>
              <IconAlertTriangle size={13} aria-hidden style={{ verticalAlign: -2 }} /> Overdue
            </Text>
          ) : null}
        </Stack>
      );
  }
}
