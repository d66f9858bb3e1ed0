import { Alert, Button, Group, List, Modal, Stack, Text } from "@mantine/core";
import {
  type HealthView,
  healthDimensionLabels,
  healthDimensions,
  type Project,
} from "@rollout/domain";
import { IconHandStop } from "@tabler/icons-react";
import { useState } from "react";
import { RagBadge } from "../../ui/badges.tsx";
import { formatDate, formatTimestamp } from "../../ui/format.ts";
import { HealthOverrideForm } from "../projects/HealthOverrideCard.tsx";
import { DashCard } from "./DashCard.tsx";
import { ragLabels } from "./dashboardFormat.ts";
import { RagDot } from "./RagDot.tsx";

interface HealthCardProps {
  health: HealthView;
  project: Project;
  canOverride: boolean;
}

/**
 * Overall health with the reasons behind each dimension. A PM's override is shown beside the
 * computed colour (reason, who, until when), never instead of it.
 */
export function HealthCard({ health, project, canOverride }: HealthCardProps) {
  const [editing, setEditing] = useState(false);
  const override = health.override;
  const who = project.healthOverride;
  const inForce = override?.active ? override : null;

  return (
    <DashCard
      title="Health"
      testId="health-card"
      action={
        canOverride ? (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconHandStop size={14} aria-hidden />}
            onClick={() => setEditing(true)}
          >
            {override ? "Change override" : "Override health"}
          </Button>
        ) : null
      }
    >
      <Stack gap="md">
        <Group gap="lg" align="flex-start" wrap="wrap">
          <Stack gap={4}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Overall
            </Text>
            <RagBadge rag={health.overall} size="xl" data-testid="overall-health" />
          </Stack>
          {inForce ? (
            <Stack gap={4}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                By the rules
              </Text>
              <RagBadge rag={health.computed} size="xl" variant="outline" />
            </Stack>
          ) : null}
        </Group>

        {override && who ? (
          <Alert
            variant="light"
            color={inForce ? "blue" : "gray"}
            icon={<IconHandStop size={18} aria-hidden />}
            title={
              inForce
                ? `Set by hand to ${ragLabels[override.rag]}`
                : `Override to ${ragLabels[override.rag]} expired`
            }
            p="sm"
          >
            <Stack gap={4}>
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {override.reason}
              </Text>
              <Text size="xs" c="dimmed">
                {who.byName}, {formatTimestamp(who.at)}
                {override.expiresOn
                  ? inForce
                    ? ` · until ${formatDate(override.expiresOn)}`
                    : ` · ended ${formatDate(override.expiresOn)}; the rules' colour shows again`
                  : " · until cleared"}
              </Text>
            </Stack>
          </Alert>
        ) : null}

        <ul className="health-dimensions" aria-label="Health by dimension">
          {healthDimensions.map((d) => {
            const { rag, reasons } = health.dimensions[d];
            return (
              <li key={d} className="health-dimension" data-dimension={d} data-rag={rag}>
                <RagDot rag={rag} />
                <Text size="sm" fw={600} lh={1.3}>
                  {healthDimensionLabels[d]}
                  <Text component="span" display="block" size="xs" c="dimmed" fw={400}>
                    {ragLabels[rag]}
                  </Text>
                </Text>
                {reasons.length > 0 ? (
                  <List size="sm" spacing={2}>
                    {reasons.map((reason) => (
                      <List.Item key={reason}>{reason}</List.Item>
                    ))}
                  </List>
                ) : (
                  <Text size="sm" c="dimmed">
                    No rule triggered.
                  </Text>
                )}
              </li>
            );
          })}
        </ul>
      </Stack>
      {canOverride ? (
        <Modal
          opened={editing}
          onClose={() => setEditing(false)}
          title="Override the overall health"
          size="lg"
        >
          <Text size="sm" c="dimmed" mb="sm">
            The rules say {ragLabels[health.computed]}. An override changes the colour shown as
            overall; the computed colour and its reasons stay visible beside it.
          </Text>
          <HealthOverrideForm project={project} onDone={() => setEditing(false)} />
        </Modal>
      ) : null}
    </DashCard>
  );
}
