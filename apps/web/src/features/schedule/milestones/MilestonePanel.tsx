import {
  Button,
  Divider,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type Milestone, milestoneStatusLabels, type Plan } from "@rollout/domain";
import { IconPencil } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { errorInfo } from "../../../lib/trpc.ts";
import { ConfirmButton } from "../../../ui/ConfirmButton.tsx";
import { DateText } from "../../../ui/DateText.tsx";
import { AnchorLink } from "../../../ui/links.tsx";
import { CommentsSection } from "../../collab/CommentThread.tsx";
import { canComment } from "../../collab/targets.ts";
import { useProject } from "../../projects/useProject.ts";
import { describeSlip, GateBadges, MilestoneStatusBadge, SlipBadge } from "../scheduleBadges.tsx";
import { type ScheduleRights, useMilestoneWrites } from "../scheduleData.ts";
import { AchieveControl } from "./AchieveControl.tsx";
import { GateCriteria } from "./GateCriteria.tsx";
import { GateDecision } from "./GateDecision.tsx";
import { GateSigners } from "./GateSigners.tsx";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: "0.04em" }}>
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={4} fz="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** One milestone: its dates and why it is late; for a gate, readiness, decision and sign-off. */
export function MilestonePanel({
  projectId,
  milestone,
  people,
  rights,
  onEdit,
  onDeleted,
}: {
  projectId: string;
  milestone: Milestone;
  people: Plan["people"];
  rights: ScheduleRights;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const { remove } = useMilestoneWrites(projectId);
  const { data: project } = useProject(projectId);
  const m = milestone;
  const required = m.criteria.filter((c) => c.required);
  const met = required.filter((c) => c.met).length;

  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      aria-labelledby="milestone-panel-title"
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Group gap="sm">
            <Title order={3} fz="h3" id="milestone-panel-title">
              {m.name}
            </Title>
            <GateBadges milestone={m} />
            <MilestoneStatusBadge status={m.status} />
          </Group>
          {rights.edit ? (
            <Group gap="xs" className="no-print">
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={onEdit}
              >
                Edit
              </Button>
              <ConfirmButton
                variant="subtle"
                title={`Delete ${m.name}?`}
                message="Its tasks stay in the plan, unlinked. Baselines keep their copy of its dates."
                confirmLabel="Delete milestone"
                onConfirm={() =>
                  remove.mutate(
                    { projectId, milestoneId: m.id, version: m.version },
                    {
                      onSuccess: () => {
                        notifications.show({ color: "green", title: "Deleted", message: m.name });
                        onDeleted();
                      },
                      onError: (error) =>
                        notifications.show({
                          color: "red",
                          title: "Not deleted",
                          message: errorInfo(error).message,
                        }),
                    },
                  )
                }
              >
                Delete
              </ConfirmButton>
            </Group>
          ) : null}
        </Group>
        {m.description ? (
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {m.description}
          </Text>
        ) : null}

        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="md">
          <Fact label="Baseline">
            <DateText value={m.baselineDate} fw={500} />
          </Fact>
          <Fact label="Forecast">
            <DateText value={m.forecastDate} fw={500} />
            <Text size="xs" c="dimmed">
              {m.forecastOverride
                ? `by hand: ${m.forecastOverride.reason}`
                : m.taskIds.length
                  ? `from ${m.taskIds.length} linked tasks`
                  : "no linked tasks"}
            </Text>
          </Fact>
          <Fact label="Actual">
            <DateText value={m.actualDate} fw={500} />
          </Fact>
          <Fact label="Slip">
            <SlipBadge days={m.slip} />
            <Text size="xs" c="dimmed">
              {describeSlip(m.slip)}
            </Text>
          </Fact>
          <Fact label="Status">
            <MilestoneStatusBadge status={m.status} />
            <Text size="xs" c="dimmed">
              {m.statusOverride
                ? `by hand: ${m.statusOverride.reason} (dates say ${milestoneStatusLabels[m.computedStatus].toLowerCase()})`
                : "computed from its dates"}
            </Text>
          </Fact>
        </SimpleGrid>

        {rights.edit && !m.actualDate ? (
          <div className="no-print">
            <AchieveControl
              key={m.id}
              projectId={projectId}
              milestone={m}
              canDecide={rights.decide}
            />
          </div>
        ) : null}

        {m.drivingChain.length > 0 ? (
          <Section title="Why late">
            <Text size="sm" c="dimmed">
              The forecast is set by this chain of tasks, each waiting for the one before. Moving
              any of them moves {m.name}.
            </Text>
            <ol className="driving-chain" aria-label={`Why ${m.name} is late`}>
              {m.drivingChain.map((t) => (
                <li key={t.taskId}>{t.title}</li>
              ))}
            </ol>
            <AnchorLink
              to="/projects/$projectId/gantt"
              params={{ projectId }}
              size="sm"
              className="no-print"
            >
              See it on the Gantt
            </AnchorLink>
          </Section>
        ) : null}

        {m.isGate ? (
          <>
            <Divider />
            <Section title="Readiness">
              {required.length > 0 ? (
                <Stack gap={4} maw={420}>
                  <Text size="sm">
                    {met} of {required.length} required criteria met
                  </Text>
                  <Progress
                    value={(met / required.length) * 100}
                    color={met === required.length ? "green" : "orange"}
                    aria-label={`${met} of ${required.length} required criteria met`}
                  />
                </Stack>
              ) : null}
              <GateCriteria
                projectId={projectId}
                milestone={m}
                people={people}
                canEdit={rights.edit}
              />
            </Section>
            <Divider />
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
              <Section title="Go/no-go decision">
                <GateDecision projectId={projectId} milestone={m} canDecide={rights.decide} />
              </Section>
              <Section title="Sign-off">
                <GateSigners
                  projectId={projectId}
                  milestone={m}
                  people={people}
                  canEdit={rights.edit}
                  userId={rights.userId}
                />
              </Section>
            </SimpleGrid>
          </>
        ) : null}

        {/* Stakeholders write here too: the place to discuss what they sign. */}
        <CommentsSection
          variant="heading"
          projectId={projectId}
          targetType="milestone"
          targetId={m.id}
          canWrite={canComment(project, "milestone")}
        />
      </Stack>
    </Paper>
  );
}
