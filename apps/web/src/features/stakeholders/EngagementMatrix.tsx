import { Group, Table, Text, UnstyledButton } from "@mantine/core";
import {
  type EngagementLevel,
  engagementLabels,
  engagementLevels,
  type Stakeholder,
} from "@rollout/domain";
import { IconArrowUpRight } from "@tabler/icons-react";
import { GapBadge } from "./stakeholderBadges.tsx";
import { engagementOrder, gapText } from "./stakeholderModel.ts";

/** The mark in one level's cell: C (current), D (desired), or both when on target. */
function Mark({ person, level }: { person: Stakeholder; level: EngagementLevel }) {
  const current = person.engagementCurrent === level;
  const desired = person.engagementDesired === level;
  if (!current && !desired) return null;
  const kind = current && desired ? "both" : current ? "current" : "desired";
  const spoken = current && desired ? "Current and desired" : current ? "Current" : "Desired";
  return (
    <span className="engagement-mark" data-mark={kind} title={spoken}>
      <span aria-hidden>{current && desired ? "C D" : current ? "C" : "D"}</span>
      <span className="visually-hidden">{spoken}</span>
    </span>
  );
}

/**
 * The stakeholder engagement assessment matrix (PMBOK): a row per person, a column per level,
 * C where they are and D where they need to be. People still to bring up come first and are
 * highlighted (with an arrow and the words, not colour alone).
 */
export function EngagementMatrix({
  stakeholders,
  onOpen,
}: {
  stakeholders: Stakeholder[];
  onOpen: (id: string) => void;
}) {
  const rows = engagementOrder(stakeholders);
  const todo = rows.filter((s) => s.engagementGap > 0).length;
  return (
    <>
      <Group gap="lg" mb="xs" wrap="wrap">
        <Text size="sm" fw={500}>
          {todo === 0
            ? "Everyone is where they need to be."
            : `${todo} ${todo === 1 ? "person" : "people"} to bring up`}
        </Text>
        <Group gap={6} wrap="nowrap">
          <span className="engagement-mark" data-mark="current" aria-hidden>
            C
          </span>
          <Text size="xs" c="dimmed">
            current
          </Text>
          <span className="engagement-mark" data-mark="desired" aria-hidden>
            D
          </span>
          <Text size="xs" c="dimmed">
            desired
          </Text>
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={980} type="native" className="scroll-box">
        <Table
          verticalSpacing={6}
          className="engagement-matrix"
          aria-label="Engagement assessment matrix"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" miw={180}>
                Stakeholder
              </Table.Th>
              {engagementLevels.map((level) => (
                <Table.Th key={level} scope="col" ta="center" w={100}>
                  {engagementLabels[level]}
                </Table.Th>
              ))}
              <Table.Th scope="col" w={200}>
                Gap
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => (
              <Table.Tr
                key={s.id}
                className="engagement-row"
                data-todo={s.engagementGap > 0 || undefined}
              >
                <Table.Th scope="row" fw={400} style={{ whiteSpace: "nowrap" }}>
                  <Group gap={6} wrap="nowrap">
                    {s.engagementGap > 0 ? (
                      <IconArrowUpRight
                        size={16}
                        color="var(--mantine-color-orange-filled)"
                        aria-hidden
                      />
                    ) : null}
                    <UnstyledButton className="stakeholder-open" onClick={() => onOpen(s.id)}>
                      <Text size="sm" fw={600}>
                        {s.name}
                      </Text>
                    </UnstyledButton>
                  </Group>
                </Table.Th>
                {engagementLevels.map((level) => (
                  <Table.Td key={level} className="level">
                    <Mark person={s} level={level} />
                  </Table.Td>
                ))}
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <GapBadge gap={s.engagementGap} />
                    {s.engagementGap > 0 ? (
                      <Text size="xs" c="dimmed" aria-hidden style={{ whiteSpace: "nowrap" }}>
                        {gapText(s.engagementGap)}
                      </Text>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
