import { Alert, Badge, Group, Stack, Table, Text, Title, type TitleOrder } from "@mantine/core";
import { projectStages, type StakeholderView as View } from "@rollout/domain";
import { IconFlag, IconRocket, IconSignature } from "@tabler/icons-react";
import { isOneOf } from "../../lib/isOneOf.ts";
import { StageBadge } from "../../ui/badges.tsx";
import { DateText } from "../../ui/DateText.tsx";
import { ButtonLink } from "../../ui/links.tsx";
import { SlipBadge } from "../schedule/scheduleBadges.tsx";
import { GatesTable } from "./GatesTable.tsx";
import { PublishedReports } from "./PublishedReports.tsx";
import { GoLivePanel, HealthPanel, Panel, ProgressPanel } from "./StakeholderPanels.tsx";
import { signOffRequests } from "./stakeholderModel.ts";
import "../reports/reports.css";
import "./share.css";

const deeper = (level: TitleOrder, by = 1) => Math.min(6, level + by) as TitleOrder;

interface StakeholderViewProps {
  view: View;
  /**
   * A signed-in project member reads it (the Overview of a stakeholder): sign-off requests link
   * to the gate, and reports can be saved as PDF. False on the public share page.
   */
  signedIn?: boolean;
  /** Shows the project's name and facts on top (the project pages have their own header). */
  withProjectHeader?: boolean;
  /** The level of the view's own top heading; its sections go one deeper. */
  headingLevel?: TitleOrder;
}

/**
 * One honest page about a project for people outside the team: health with its reasons,
 * progress against plan, go-live, milestones and their slip, gates, and the published status
 * reports. It renders only what the stakeholder view holds: nothing internal-only exists in it.
 */
export function StakeholderView({
  view,
  signedIn = false,
  withProjectHeader = true,
  headingLevel = 2,
}: StakeholderViewProps) {
  const section = withProjectHeader ? deeper(headingLevel) : headingLevel;
  const requests = signedIn ? signOffRequests(view) : [];
  const { project } = view;

  return (
    <Stack gap="lg" className="stakeholder-view" data-testid="stakeholder-view">
      {withProjectHeader ? (
        <header className="sv-header">
          <Text size="sm" fw={700} c="dimmed" ff="monospace">
            {project.key}
          </Text>
          <Title order={headingLevel} fz="h2">
            {project.name}
          </Title>
          <Group gap="xs" wrap="wrap" mt={4}>
            {project.customer ? (
              <Text size="sm" c="dimmed">
                {project.customer}
              </Text>
            ) : null}
            {isOneOf(projectStages, project.stage) ? (
              <StageBadge stage={project.stage} />
            ) : (
              <Badge variant="light">{project.stage}</Badge>
            )}
            <Text size="xs" c="dimmed">
              As of <DateText value={view.today} size="xs" span />
            </Text>
          </Group>
        </header>
      ) : null}

      {requests.map((g) => (
        <Alert
          key={g.milestoneId}
          color="grape"
          variant="light"
          icon={<IconSignature size={20} aria-hidden />}
          title="Your sign-off is requested"
          className="no-print"
        >
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Text size="sm">
              <b>{g.name}</b> waits for your signature:{" "}
              {g.criteriaTotal > 0
                ? `${g.criteriaMet} of ${g.criteriaTotal} readiness criteria met.`
                : "no readiness criteria recorded yet."}
            </Text>
            <ButtonLink
              to="/projects/$projectId/milestones"
              params={{ projectId: project.id }}
              search={{ milestone: g.milestoneId }}
              color="grape"
              size="sm"
            >
              Review and sign off
            </ButtonLink>
          </Group>
        </Alert>
      ))}

      <div className="sv-grid">
        <HealthPanel view={view} order={section} />
        <ProgressPanel view={view} order={section} />
        <GoLivePanel view={view} order={section} />
      </div>

      <Panel title="Milestones" order={section} testId="sv-milestones">
        {view.milestones.length === 0 ? (
          <Text size="sm" c="dimmed">
            No milestones planned yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560} type="native">
            <Table fz="sm" verticalSpacing={4} aria-label="Milestones" className="sv-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Milestone</Table.Th>
                  <Table.Th>Baseline</Table.Th>
                  <Table.Th>Forecast</Table.Th>
                  <Table.Th>Actual</Table.Th>
                  <Table.Th>Slip</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.milestones.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={500}>
                          {m.name}
                        </Text>
                        {m.isGoLive ? (
                          <Badge
                            size="xs"
                            color="grape"
                            variant="light"
                            leftSection={<IconRocket size={10} aria-hidden />}
                          >
                            Go-live
                          </Badge>
                        ) : m.isGate ? (
                          <Badge
                            size="xs"
                            color="grape"
                            variant="outline"
                            leftSection={<IconFlag size={10} aria-hidden />}
                          >
                            Gate
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td className="nowrap">
                      <DateText value={m.baselineDate} size="sm" />
                    </Table.Td>
                    <Table.Td className="nowrap">
                      <DateText value={m.forecastDate} size="sm" />
                    </Table.Td>
                    <Table.Td className="nowrap">
                      <DateText value={m.actualDate} size="sm" />
                    </Table.Td>
                    <Table.Td>
                      <SlipBadge days={m.slip} size="sm" />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Panel>

      {view.gates.length > 0 ? (
        <Panel title="Gates" order={section} testId="sv-gates">
          <GatesTable gates={view.gates} projectId={project.id} signedIn={signedIn} />
        </Panel>
      ) : null}

      <Panel title="Status reports" order={section} testId="sv-reports">
        {view.reports.length === 0 ? (
          <Text size="sm" c="dimmed">
            No status report has been published yet. The project manager publishes one each week; it
            appears here.
          </Text>
        ) : (
          <PublishedReports
            reports={view.reports}
            projectId={project.id}
            signedIn={signedIn}
            headingLevel={deeper(section)}
          />
        )}
      </Panel>
    </Stack>
  );
}
