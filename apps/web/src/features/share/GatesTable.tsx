import { Badge, Group, Progress, Table, Text } from "@mantine/core";
import { IconCheck, IconSignature } from "@tabler/icons-react";
import { AnchorLink } from "../../ui/links.tsx";
import { type Gate, type GateState, gateState } from "./stakeholderModel.ts";

const stateBadges: Record<GateState, { label: string; color: string; variant: string }> = {
  go: { label: "Go", color: "green", variant: "filled" },
  no_go: { label: "No-go", color: "red", variant: "filled" },
  ready: { label: "Criteria met", color: "teal", variant: "light" },
  open: { label: "Open", color: "gray", variant: "light" },
};

/**
 * Each gate: how many of its criteria are met, the go/no-go decision, and (for a signed-in
 * reader) whether their own signature is asked for, linking to the gate to sign.
 */
export function GatesTable({
  gates,
  projectId,
  signedIn,
}: {
  gates: Gate[];
  projectId: string;
  signedIn: boolean;
}) {
  return (
    <Table.ScrollContainer minWidth={520} type="native">
      <Table fz="sm" verticalSpacing={6} aria-label="Gates" className="sv-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Gate</Table.Th>
            <Table.Th>Criteria met</Table.Th>
            <Table.Th>Decision</Table.Th>
            {signedIn ? <Table.Th>Your sign-off</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {gates.map((g) => {
            const state = stateBadges[gateState(g)];
            const share = g.criteriaTotal > 0 ? (g.criteriaMet / g.criteriaTotal) * 100 : 0;
            return (
              <Table.Tr key={g.milestoneId}>
                <Table.Td fw={600}>{g.name}</Table.Td>
                <Table.Td>
                  {g.criteriaTotal > 0 ? (
                    <Group gap="xs" wrap="nowrap">
                      <Progress
                        value={share}
                        w={80}
                        size="sm"
                        color={share === 100 ? "teal" : "blue"}
                        aria-hidden
                      />
                      <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                        {g.criteriaMet} of {g.criteriaTotal}
                      </Text>
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      No criteria yet
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={state.color} variant={state.variant}>
                    {state.label}
                  </Badge>
                </Table.Td>
                {signedIn ? (
                  <Table.Td>
                    {g.signedByMe ? (
                      <Group gap={4} wrap="nowrap">
                        <IconCheck size={14} aria-hidden color="var(--mantine-color-teal-7)" />
                        <Text size="sm">Signed</Text>
                      </Group>
                    ) : g.awaitingMySignOff ? (
                      <AnchorLink
                        to="/projects/$projectId/milestones"
                        params={{ projectId }}
                        search={{ milestone: g.milestoneId }}
                        size="sm"
                        fw={600}
                      >
                        <IconSignature size={14} aria-hidden /> Sign off
                      </AnchorLink>
                    ) : (
                      <Text size="sm" c="dimmed">
                        Not asked
                      </Text>
                    )}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
