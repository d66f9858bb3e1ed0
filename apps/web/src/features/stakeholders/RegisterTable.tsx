import { Anchor, Badge, Table, Text, Tooltip, UnstyledButton, VisuallyHidden } from "@mantine/core";
import type { Stakeholder } from "@rollout/domain";
import { IconArrowDown, IconArrowUp, IconLogin2, IconSelector } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { EngagementCell, QuadrantBadge, SideBadge } from "./stakeholderBadges.tsx";
import type { RegisterSortColumn } from "./stakeholderSearch.ts";

interface Sort {
  column: RegisterSortColumn;
  desc: boolean;
}

/** A header that sorts by its column: a button with its state spoken, `aria-sort` on the cell. */
function SortHeader({
  column,
  sort,
  onSort,
  children,
  w,
}: {
  column: RegisterSortColumn;
  sort: Sort;
  onSort: (column: RegisterSortColumn, desc: boolean) => void;
  children: ReactNode;
  w?: number;
}) {
  const active = sort.column === column;
  const Icon = !active ? IconSelector : sort.desc ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th
      scope="col"
      w={w}
      aria-sort={active ? (sort.desc ? "descending" : "ascending") : "none"}
    >
      <UnstyledButton
        className="sort-button"
        onClick={() => onSort(column, active ? !sort.desc : column !== "name" && column !== "side")}
      >
        <Text span size="sm" fw={600}>
          {children}
        </Text>
        <Icon size={14} aria-hidden opacity={active ? 1 : 0.45} />
        <VisuallyHidden>
          {active ? `, sorted ${sort.desc ? "descending" : "ascending"}` : ", sortable"}
        </VisuallyHidden>
      </UnstyledButton>
    </Table.Th>
  );
}

/**
 * The register: one row per person. Sorting and filtering happen on the page (the URL holds
 * them); choosing a name opens the person's drawer.
 */
export function RegisterTable({
  stakeholders,
  sort,
  onSort,
  onOpen,
  selectedId,
}: {
  stakeholders: Stakeholder[];
  sort: Sort;
  onSort: (column: RegisterSortColumn, desc: boolean) => void;
  onOpen: (id: string) => void;
  selectedId: string | undefined;
}) {
  const header = { sort, onSort };
  return (
    <Table.ScrollContainer minWidth={1000} type="native" className="scroll-box">
      <Table highlightOnHover verticalSpacing={6} aria-label="Stakeholder register">
        <Table.Thead>
          <Table.Tr>
            <SortHeader column="name" {...header}>
              Name
            </SortHeader>
            <SortHeader column="side" {...header} w={110}>
              Side
            </SortHeader>
            <SortHeader column="power" {...header} w={80}>
              Power
            </SortHeader>
            <SortHeader column="interest" {...header} w={90}>
              Interest
            </SortHeader>
            <SortHeader column="quadrant" {...header} w={140}>
              Quadrant
            </SortHeader>
            <SortHeader column="gap" {...header} w={250}>
              Engagement
            </SortHeader>
            <Table.Th scope="col" w={150}>
              Signs in as
            </Table.Th>
            <SortHeader column="raid" {...header} w={80}>
              <Tooltip label="Open RAID items they own" withArrow>
                <span>RAID</span>
              </Tooltip>
            </SortHeader>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stakeholders.map((s) => (
            <Table.Tr
              key={s.id}
              className="stakeholder-row"
              data-selected={s.id === selectedId || undefined}
            >
              <Table.Td miw={190}>
                <UnstyledButton
                  className="stakeholder-open"
                  onClick={() => onOpen(s.id)}
                  aria-label={`Open ${s.name}`}
                >
                  <Text size="sm" fw={600} lh={1.3}>
                    {s.name}
                  </Text>
                </UnstyledButton>
                {s.title ? (
                  <Text size="xs" c="dimmed" lh={1.3}>
                    {s.title}
                  </Text>
                ) : null}
                {s.email ? (
                  <Anchor href={`mailto:${s.email}`} size="xs" lh={1.3} display="block">
                    <span className="visually-hidden">Email </span>
                    {s.email}
                  </Anchor>
                ) : null}
              </Table.Td>
              <Table.Td>
                <SideBadge side={s.side} />
              </Table.Td>
              <Table.Td ta="center" className="numeric">
                {s.power}
              </Table.Td>
              <Table.Td ta="center" className="numeric">
                {s.interest}
              </Table.Td>
              <Table.Td>
                <QuadrantBadge quadrant={s.quadrant} />
              </Table.Td>
              <Table.Td>
                <EngagementCell
                  current={s.engagementCurrent}
                  desired={s.engagementDesired}
                  gap={s.engagementGap}
                />
              </Table.Td>
              <Table.Td>
                {s.user ? (
                  <Text size="sm" title={s.user.email} className="signs-in" lineClamp={1}>
                    <IconLogin2 size={14} aria-hidden style={{ flex: "none" }} /> {s.user.name}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="center">
                {s.openRaidItems > 0 ? (
                  <Badge variant="light" color="orange">
                    {s.openRaidItems}
                    <span className="visually-hidden"> open</span>
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    0
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
