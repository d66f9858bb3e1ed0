import { List, Table, Text } from "@mantine/core";
import {
  issueSeverityLabels,
  type RaidItem,
  type RaidItemDetail,
  raidDateLabel,
  riskResponseLabels,
  taskStatuses,
  taskStatusLabels,
} from "@rollout/domain";
import type { ReactNode } from "react";
import { isOneOf } from "../../lib/isOneOf.ts";
import { DateText } from "../../ui/DateText.tsx";
import { BandBadge } from "../../ui/raidBadges.tsx";

const none = (
  <Text span size="sm" c="dimmed">
    —
  </Text>
);

function text(value: string) {
  return value.trim() === "" ? (
    none
  ) : (
    <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
      {value}
    </Text>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={130} fw={500} c="dimmed" fz="sm" style={{ verticalAlign: "top" }}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

const loading = (
  <Text size="sm" c="dimmed">
    Loading…
  </Text>
);

/** An item as a reader sees it (no edit controls): every field its kind has, and its links. */
export function RaidDetails({
  item,
  detail,
}: {
  item: RaidItem;
  /** The item's detail (linked task and milestone names); absent while it loads. */
  detail: RaidItemDetail | undefined;
}) {
  const risk = item.kind === "risk";
  return (
    <Table variant="vertical" layout="fixed" withTableBorder={false} aria-label="Details">
      <Table.Tbody>
        <Field label="Owner">{item.owner ? <Text size="sm">{item.owner.name}</Text> : none}</Field>
        <Field label={raidDateLabel(item.kind)}>
          <DateText value={item.dueDate} size="sm" />
        </Field>
        {risk ? (
          <>
            <Field label="Type">
              <Text size="sm">{item.polarity === "threat" ? "Threat" : "Opportunity"}</Text>
            </Field>
            <Field label="Score">
              {item.band ? (
                <Text size="sm" component="div">
                  <BandBadge band={item.band} score={item.score} /> probability {item.probability} ×
                  impact {item.impact}
                </Text>
              ) : (
                none
              )}
            </Field>
            <Field label="Residual">
              {item.residualBand ? (
                <Text size="sm" component="div">
                  <BandBadge
                    band={item.residualBand}
                    score={item.residualScore}
                    variant="outline"
                  />{" "}
                  probability {item.residualProbability} × impact {item.residualImpact}
                </Text>
              ) : (
                none
              )}
            </Field>
            <Field label="Response">
              {item.response ? <Text size="sm">{riskResponseLabels[item.response]}</Text> : none}
            </Field>
          </>
        ) : null}
        {item.kind === "issue" ? (
          <Field label="Severity">
            {item.severity ? <Text size="sm">{issueSeverityLabels[item.severity]}</Text> : none}
          </Field>
        ) : null}
        <Field label="Description">{text(item.description)}</Field>
        {risk ? (
          <>
            <Field label="Mitigation">{text(item.mitigation)}</Field>
            <Field label="Contingency">{text(item.contingency)}</Field>
            <Field label="Trigger">{text(item.trigger)}</Field>
          </>
        ) : null}
        <Field label="Tasks">
          {!detail ? (
            loading
          ) : detail.tasks.length === 0 ? (
            none
          ) : (
            <List size="sm" spacing={2} aria-label="Linked tasks">
              {detail.tasks.map((t) => (
                <List.Item key={t.id}>
                  {t.title}
                  {isOneOf(taskStatuses, t.status) ? (
                    <Text span size="xs" c="dimmed">
                      {" "}
                      · {taskStatusLabels[t.status]}
                    </Text>
                  ) : null}
                </List.Item>
              ))}
            </List>
          )}
        </Field>
        <Field label="Milestones">
          {!detail ? (
            loading
          ) : detail.milestones.length === 0 ? (
            none
          ) : (
            <List size="sm" spacing={2} aria-label="Linked milestones">
              {detail.milestones.map((m) => (
                <List.Item key={m.id}>{m.name}</List.Item>
              ))}
            </List>
          )}
        </Field>
      </Table.Tbody>
    </Table>
  );
}
