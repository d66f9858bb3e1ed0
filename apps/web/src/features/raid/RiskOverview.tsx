import { Anchor, Group, Paper, Stack, Table, Text, UnstyledButton } from "@mantine/core";
import {
  bandRanges,
  type HeatMap,
  type RaidItem,
  type RiskThresholds,
  riskBandLabels,
  riskBands,
} from "@rollout/domain";
import { IconAlertTriangle, IconCircleCheck, IconShieldQuestion } from "@tabler/icons-react";
import { type ReactNode, useMemo } from "react";
import { formatDate } from "../../ui/format.ts";
import { BandBadge, bandColors } from "../../ui/raidBadges.tsx";
import { RiskHeatMap } from "./RiskHeatMap.tsx";
import { bandCounts, sortItems, toggleCell } from "./raidModel.ts";
import type { RaidSearch } from "./raidSearch.ts";

const SHOWN = 3;

/**
 * Above the risk table: the heat map; the legend with how many open risks sit in each band; and
 * what a PM chases first (reviews overdue, high or critical risks nobody has decided a response
 * to), each a way straight into the item.
 */
export function RiskOverview({
  heat,
  risks,
  search,
  onSearch,
  onOpen,
}: {
  heat: {
    current: HeatMap;
    residual: HeatMap;
    thresholds: RiskThresholds;
    unratedResidual: number;
  };
  risks: readonly RaidItem[];
  search: RaidSearch;
  onSearch: (patch: Partial<RaidSearch>) => void;
  onOpen: (itemId: string) => void;
}) {
  const map = search.residual ? heat.residual : heat.current;
  const counts = useMemo(() => bandCounts(map, heat.thresholds), [map, heat.thresholds]);
  const ranges = bandRanges(heat.thresholds);
  const { overdue, unanswered } = useMemo(() => {
    const open = risks.filter((r) => r.isOpen);
    return {
      overdue: sortItems(
        open.filter((r) => r.overdue),
        "due",
        false,
      ),
      unanswered: sortItems(
        open.filter((r) => (r.band === "high" || r.band === "critical") && r.response === null),
        "score",
        true,
      ),
    };
  }, [risks]);

  return (
    <Paper withBorder radius="md" p="md" className="raid-overview">
      <RiskHeatMap
        current={heat.current}
        residual={heat.residual}
        thresholds={heat.thresholds}
        unratedResidual={heat.unratedResidual}
        showResidual={search.residual}
        onShowResidual={(residual) => onSearch({ residual })}
        selected={search.cell}
        onSelect={(probability, impact) =>
          onSearch({ cell: toggleCell(search.cell, probability, impact) })
        }
      />
      <Stack gap={6}>
        <Text fw={600} size="sm">
          Bands {search.residual ? "after response" : "now"}
        </Text>
        <Table
          fz="sm"
          verticalSpacing={4}
          horizontalSpacing="xs"
          withRowBorders={false}
          aria-label={`Open risks by band${search.residual ? " after response" : ""}`}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Band</Table.Th>
              <Table.Th>Score</Table.Th>
              <Table.Th ta="right">Open</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...riskBands].reverse().map((band) => (
              <Table.Tr key={band}>
                <Table.Td>
                  <Group gap={8} wrap="nowrap">
                    <span
                      className="raid-band-swatch"
                      style={{ background: `var(--mantine-color-${bandColors[band]}-6)` }}
                      aria-hidden
                    />
                    {riskBandLabels[band]}
                  </Group>
                </Table.Td>
                <Table.Td c="dimmed" style={{ whiteSpace: "nowrap" }}>
                  {ranges[band].min}–{ranges[band].max}
                </Table.Td>
                <Table.Td ta="right" fw={counts[band] > 0 ? 600 : undefined}>
                  {counts[band]}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          Bands follow your organisation's thresholds.
        </Text>
      </Stack>
      <Stack gap="sm" className="raid-attention">
        <Attention
          title="Reviews overdue"
          icon={<IconAlertTriangle size={16} aria-hidden color="var(--mantine-color-red-6)" />}
          items={overdue}
          detail={(r) => `due ${formatDate(r.dueDate)}`}
          onOpen={onOpen}
          more={() => onSearch({ overdue: true })}
          moreLabel="List them all"
        />
        <Attention
          title="High or critical, no response"
          icon={<IconShieldQuestion size={16} aria-hidden color="var(--mantine-color-orange-6)" />}
          items={unanswered}
          detail={() => null}
          onOpen={onOpen}
        />
        {overdue.length === 0 && unanswered.length === 0 ? (
          <Group gap={6} wrap="nowrap">
            <IconCircleCheck size={16} aria-hidden color="var(--mantine-color-green-6)" />
            <Text size="sm" c="dimmed">
              No reviews overdue, and every high risk has a response.
            </Text>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** A short list of risks that need someone, each opening the risk. */
function Attention({
  title,
  icon,
  items,
  detail,
  onOpen,
  more,
  moreLabel,
}: {
  title: string;
  icon: ReactNode;
  items: RaidItem[];
  detail: (item: RaidItem) => string | null;
  onOpen: (itemId: string) => void;
  more?: () => void;
  moreLabel?: string;
}) {
  if (items.length === 0) return null;
  return (
    <Stack gap={4}>
      <Group gap={6} wrap="nowrap">
        {icon}
        <Text fw={600} size="sm">
          {title} ({items.length})
        </Text>
      </Group>
      <ul className="raid-attention-list" aria-label={title}>
        {items.slice(0, SHOWN).map((r) => (
          <li key={r.id}>
            <UnstyledButton className="raid-open raid-attention-item" onClick={() => onOpen(r.id)}>
              <span className="raid-ref">{r.ref}</span>
              <Text span size="sm" className="raid-attention-title">
                {r.title}
              </Text>
              {r.band ? <BandBadge band={r.band} score={r.score} size="xs" /> : null}
              {detail(r) ? (
                <Text span size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                  {detail(r)}
                </Text>
              ) : null}
            </UnstyledButton>
          </li>
        ))}
      </ul>
      {items.length > SHOWN && more ? (
        <Anchor component="button" type="button" size="xs" onClick={more} ta="left">
          {moreLabel} ({items.length})
        </Anchor>
      ) : items.length > SHOWN ? (
        <Text size="xs" c="dimmed">
          and {items.length - SHOWN} more
        </Text>
      ) : null}
    </Stack>
  );
}
