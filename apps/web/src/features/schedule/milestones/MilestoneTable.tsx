import { Group, Table, Text, Tooltip, UnstyledButton } from "@mantine/core";
import type { Milestone } from "@rollout/domain";
import { IconHandStop } from "@tabler/icons-react";
import { DateText } from "../../../ui/DateText.tsx";
import { GateBadges, MilestoneStatusCell, SlipBadge } from "../scheduleBadges.tsx";

/** The forecast in force; one set by hand carries its reason. */
function ForecastCell({ milestone }: { milestone: Milestone }) {
  const override = milestone.forecastOverride;
  if (!override) return <DateText value={milestone.forecastDate} size="sm" />;
  return (
    <Tooltip label={`Set by hand: ${override.reason}`} multiline w={260} withArrow>
      <Group gap={4} wrap="nowrap" tabIndex={0} style={{ width: "max-content" }}>
        <DateText value={override.date} size="sm" />
        <IconHandStop size={14} aria-hidden />
        <span className="visually-hidden">set by hand: {override.reason}</span>
      </Group>
    </Tooltip>
  );
}

/**
 * Every milestone with its three dates, slip and status. Choosing a row opens its details
 * (and gate) below; the choice is in the URL.
 */
export function MilestoneTable({
  milestones,
  selectedId,
  onSelect,
}: {
  milestones: Milestone[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="xs" aria-label="Milestones">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Milestone</Table.Th>
            <Table.Th>Baseline</Table.Th>
            <Table.Th>Forecast</Table.Th>
            <Table.Th>Actual</Table.Th>
            <Table.Th>Slip</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {milestones.map((m) => {
            const selected = m.id === selectedId;
            return (
              <Table.Tr
                key={m.id}
                className="milestone-row"
                aria-selected={selected}
                data-selected={selected || undefined}
                onClick={() => onSelect(m.id)}
              >
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <UnstyledButton
                      className="milestone-open"
                      onClick={(e) => {
                        e.stopPropagation();
                        onSelect(m.id);
                      }}
                      aria-pressed={selected}
                      aria-label={`Open ${m.name}`}
                    >
                      <Text size="sm" fw={600}>
                        {m.name}
                      </Text>
                    </UnstyledButton>
                    <GateBadges milestone={m} />
                  </Group>
                </Table.Td>
                <Table.Td>
                  <DateText value={m.baselineDate} size="sm" />
                </Table.Td>
                <Table.Td>
                  <ForecastCell milestone={m} />
                </Table.Td>
                <Table.Td>
                  <DateText value={m.actualDate} size="sm" />
                </Table.Td>
                <Table.Td>
                  <SlipBadge days={m.slip} />
                </Table.Td>
                <Table.Td>
                  <MilestoneStatusCell milestone={m} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
