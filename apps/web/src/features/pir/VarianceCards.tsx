import { Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { formatMoney, type PirVariance } from "@rollout/domain";
import { IconCalendarTime, IconCoin } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { formatDate } from "../../ui/format.ts";
import {
  budgetTone,
  budgetVarianceText,
  scheduleTone,
  scheduleVarianceText,
  type Tone,
} from "./pirModel.ts";

const toneColor: Record<Tone, string> = {
  good: "var(--mantine-color-green-text)",
  bad: "var(--mantine-color-red-text)",
  neutral: "var(--mantine-color-text)",
};

function Card({
  icon,
  label,
  value,
  tone,
  children,
}: {
  icon: ReactNode;
  label: string;
  value: string;
  tone: Tone;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" className="pir-variance-card">
      <Stack gap={4}>
        <Text
          size="sm"
          c="dimmed"
          fw={500}
          style={{ display: "flex", gap: 6, alignItems: "center" }}
        >
          {icon}
          {label}
        </Text>
        <Text fz="xl" fw={700} style={{ color: toneColor[tone] }}>
          {value}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * Schedule and budget variance: computed from the project and its go-live milestone (never
 * typed), and frozen with the review when it was signed off.
 */
export function VarianceCards({ variance }: { variance: PirVariance }) {
  const schedule = scheduleVarianceText(variance.scheduleVarianceDays);
  const source = variance.frozen ? "As signed off." : "Computed from the project now.";
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" aria-label="Variance">
      <Card
        icon={<IconCalendarTime size={16} aria-hidden />}
        label="Schedule variance (go-live)"
        value={schedule ?? "Not live yet"}
        tone={scheduleTone(variance.scheduleVarianceDays)}
      >
        <Text size="sm">
          Baseline {formatDate(variance.baselineGoLive)} · actual{" "}
          {variance.actualGoLive ? formatDate(variance.actualGoLive) : "not yet"}
        </Text>
        <Text size="xs" c="dimmed">
          Working days, without weekends and the organisation's holidays. {source}
        </Text>
      </Card>
      <Card
        icon={<IconCoin size={16} aria-hidden />}
        label="Budget variance"
        value={budgetVarianceText(variance)}
        tone={budgetTone(variance)}
      >
        <Text size="sm">
          Planned {formatMoney(variance.plannedBudget, variance.currency)} · actual{" "}
          {formatMoney(variance.actualCost, variance.currency)}
        </Text>
        <Text size="xs" c="dimmed">
          Actual cost against the planned budget. {source}
        </Text>
      </Card>
    </SimpleGrid>
  );
}
