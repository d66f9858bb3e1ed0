import { Paper, Text, Title } from "@mantine/core";
import { type HealthDimension, type Rag, rags, type StatusReport } from "@rollout/domain";
import { useId } from "react";
import { isOneOf } from "../../lib/isOneOf.ts";
import { RagField } from "./RagField.tsx";
import { dimensionRule, type ReportValues } from "./reportForm.ts";

type RagKey = "overall" | "schedule" | "budget" | "scope" | "risk";

/**
 * The draft's five colours, each beside what the written rules said when the draft was made
 * (from the report's own snapshot, so it matches what stakeholders are told).
 */
export function HealthFields({
  metrics,
  values,
  onChange,
}: {
  metrics: StatusReport["metrics"];
  values: ReportValues;
  onChange: (key: RagKey, rag: Rag) => void;
}) {
  const id = useId();
  const computed = isOneOf(rags, metrics.computedHealth) ? metrics.computedHealth : null;
  const dimension = (d: HealthDimension) => ({
    label: d === "schedule" ? "Schedule" : d === "budget" ? "Budget" : "Risk",
    value: values[d],
    onChange: (rag: Rag) => onChange(d, rag),
    reasons: metrics.reasons[d] ?? [],
    computed: dimensionRule(computed, metrics.reasons, d),
  });
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Title order={3} fz="h5" id={id}>
        Health
      </Title>
      <Text size="xs" c="dimmed" mb={4}>
        Your colours are what the report says. Beside each: what the written rules said when this
        draft was made, and why.
      </Text>
      <RagField
        label="Overall"
        value={values.overall}
        onChange={(rag) => onChange("overall", rag)}
        computed={computed}
        note="The worst of schedule, budget and risk, unless you judge otherwise."
      />
      <RagField {...dimension("schedule")} />
      <RagField {...dimension("budget")} />
      <RagField
        label="Scope"
        value={values.scope}
        onChange={(rag) => onChange("scope", rag)}
        note="No written rule covers scope: your judgement."
      />
      <RagField {...dimension("risk")} />
    </Paper>
  );
}
