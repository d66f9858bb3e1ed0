import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { type Party, partyLabels } from "@rollout/domain";
import { IconArrowsExchange } from "@tabler/icons-react";
import { useState } from "react";
import type { PlanIndex } from "../plan/planModel.ts";
import { groupHandOffs, handOffs, summarise } from "./matrixModel.ts";

/**
 * Who answers for and who does what, per phase, and the hand-offs between parties: the tasks
 * where one is accountable and another responsible.
 */
export function MatrixSummary({
  index,
  parties,
  onOpenTask,
  printing = false,
}: {
  index: PlanIndex;
  parties: readonly Party[];
  onOpenTask: (taskId: string) => void;
  /** Paper gets every hand-off, not the first few. */
  printing?: boolean;
}) {
  const { phases, total } = summarise(index);
  // Customer and vendor get columns here only when they answer for or do some task.
  const shown = parties.filter(
    (p) =>
      p === "ipm" ||
      p === "pm" ||
      total.byParty[p].accountable > 0 ||
      total.byParty[p].responsible > 0,
  );
  const groups = groupHandOffs(handOffs(index));
  const handOffCount = groups.reduce((n, g) => n + g.items.length, 0);
  return (
    <Stack gap="md" className="matrix-summary">
      <Paper withBorder radius="md" p="md">
        <Title order={2} fz="h5" mb={4}>
          Accountable and responsible, by phase
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          A counts A and A/R; R counts R and A/R.
        </Text>
        <Table.ScrollContainer minWidth={shown.length * 72 + 160} type="native">
          <Table
            verticalSpacing={4}
            horizontalSpacing={6}
            fz="xs"
            striped
            aria-label="Responsibility counts by phase"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th rowSpan={2} scope="col">
                  Phase
                </Table.Th>
                {shown.map((p) => (
                  <Table.Th key={p} colSpan={2} scope="colgroup" ta="center">
                    {partyLabels[p]}
                  </Table.Th>
                ))}
                <Table.Th rowSpan={2} scope="col" ta="right">
                  Issues
                </Table.Th>
              </Table.Tr>
              <Table.Tr>
                {shown.flatMap((p) => [
                  <Table.Th
                    key={`${p}-a`}
                    scope="col"
                    ta="right"
                    title={`${partyLabels[p]} accountable`}
                  >
                    A
                  </Table.Th>,
                  <Table.Th
                    key={`${p}-r`}
                    scope="col"
                    ta="right"
                    title={`${partyLabels[p]} responsible`}
                  >
                    R
                  </Table.Th>,
                ])}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...phases, total].map((s) => (
                <Table.Tr key={s.phaseId || "total"} fw={s.phaseId ? undefined : 700}>
                  <Table.Th scope="row" fw={s.phaseId ? 500 : 700} maw={160}>
                    <Text span size="xs" fw="inherit" truncate display="block">
                      {s.name}
                    </Text>
                  </Table.Th>
                  {shown.flatMap((p) => [
                    <Table.Td key={`${p}-a`} ta="right">
                      {s.byParty[p].accountable}
                    </Table.Td>,
                    <Table.Td key={`${p}-r`} ta="right">
                      {s.byParty[p].responsible}
                    </Table.Td>,
                  ])}
                  <Table.Td
                    ta="right"
                    c={s.violations > 0 ? "orange" : undefined}
                    fw={s.violations > 0 ? 700 : undefined}
                  >
                    {s.violations}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Group gap={6} mb={4}>
          <IconArrowsExchange size={18} aria-hidden />
          <Title order={2} fz="h5">
            Hand-offs
          </Title>
          <Badge variant="light" color="gray" size="sm">
            {handOffCount}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed" mb="sm">
          Tasks where one party is accountable (A) and another does the work (R).
        </Text>
        {groups.length === 0 ? (
          <Text size="sm" c="dimmed">
            None: on every task the accountable party also does the work.
          </Text>
        ) : (
          <Stack gap="sm">
            {groups.map((g) => (
              <HandOffGroup
                key={g.label}
                label={g.label}
                items={g.items}
                onOpenTask={onOpenTask}
                showAll={printing}
              />
            ))}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}

function HandOffGroup({
  label,
  items,
  onOpenTask,
  showAll,
}: {
  label: string;
  items: ReturnType<typeof handOffs>;
  onOpenTask: (taskId: string) => void;
  showAll: boolean;
}) {
  const [all, setAll] = useState(false);
  const shown = all || showAll ? items : items.slice(0, 6);
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}{" "}
        <Text span c="dimmed" size="sm">
          ({items.length})
        </Text>
      </Text>
      <ul className="handoff-list">
        {shown.map((h) => (
          <li key={h.task.id}>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => onOpenTask(h.task.id)}
            >
              {h.task.title}
            </Anchor>
            <Text span size="xs" c="dimmed">
              {" "}
              · {h.phaseName}
            </Text>
          </li>
        ))}
      </ul>
      {items.length > 6 ? (
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => setAll((v) => !v)}
          className="no-print"
        >
          {all ? "Show fewer" : `Show all ${items.length}`}
        </Button>
      ) : null}
    </div>
  );
}
