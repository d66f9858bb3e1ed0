import { Group, Stack, Text } from "@mantine/core";
import { type ProjectDashboard, quadrantLabels, quadrants } from "@rollout/domain";
import { Link } from "@tanstack/react-router";
import { AnchorLink } from "../../ui/links.tsx";
import { quadrantCounts, stakeholderRows } from "./chartData.ts";
import { DashCard } from "./DashCard.tsx";

type People = NonNullable<ProjectDashboard["stakeholders"]>;

const MAX_DOTS = 4;

/**
 * The power/interest grid in miniature: a dot per person in their cell (power up the side,
 * interest along the bottom), the whole grid one link to the Stakeholders page.
 */
export function StakeholderThumb({ projectId, people }: { projectId: string; people: People }) {
  const counts = quadrantCounts(people);
  const summary = quadrants.map((q) => `${quadrantLabels[q]}: ${counts[q]}`).join(", ");
  return (
    <DashCard
      title="Stakeholders"
      testId="stakeholder-card"
      action={
        <AnchorLink
          to="/projects/$projectId/stakeholders"
          params={{ projectId }}
          search={{ section: "register" }}
          size="sm"
        >
          Register
        </AnchorLink>
      }
    >
      {people.length === 0 ? (
        <Text size="sm" c="dimmed">
          No stakeholders yet. Add the first on the{" "}
          <AnchorLink to="/projects/$projectId/stakeholders" params={{ projectId }} size="sm">
            Stakeholders page
          </AnchorLink>{" "}
          to see who needs managing closely.
        </Text>
      ) : (
        <Stack gap="xs">
          <Group gap="md" align="flex-start" wrap="wrap">
            <Link
              to="/projects/$projectId/stakeholders"
              params={{ projectId }}
              search={{ section: "grid" }}
              className="thumb-link"
              aria-label={`Power/interest grid of ${people.length} stakeholders (${summary}). Open the grid.`}
            >
              <Group gap={4} align="stretch" wrap="nowrap" aria-hidden>
                <div className="mini-axis" style={{ writingMode: "vertical-rl", rotate: "180deg" }}>
                  Power
                </div>
                <div>
                  <div className="mini-grid">
                    {stakeholderRows(people).map((row) => [
                      <span key={`p${row[0]?.power}`} className="mini-axis">
                        {row[0]?.power}
                      </span>,
                      ...row.map((cell) => (
                        <span
                          key={`${cell.power}-${cell.interest}`}
                          className="people-cell"
                          data-quadrant={cell.quadrant}
                          title={cell.people.map((p) => p.name).join(", ") || undefined}
                        >
                          {cell.people.slice(0, MAX_DOTS).map((person) => (
                            <span key={person.id} className="people-dot" />
                          ))}
                          {cell.people.length > MAX_DOTS ? (
                            <span className="people-more">+{cell.people.length - MAX_DOTS}</span>
                          ) : null}
                        </span>
                      )),
                    ])}
                    <span />
                    {[1, 2, 3, 4, 5].map((i) => (
                      <span key={i} className="mini-axis">
                        {i}
                      </span>
                    ))}
                  </div>
                  <Text size="xs" c="dimmed" ta="center" pl={16}>
                    Interest
                  </Text>
                </div>
              </Group>
            </Link>
            <Stack gap={2}>
              {quadrants.map((q) => (
                <Text key={q} size="xs">
                  <Text span fw={700} size="xs">
                    {counts[q]}
                  </Text>{" "}
                  {quadrantLabels[q].toLowerCase()}
                </Text>
              ))}
            </Stack>
          </Group>
        </Stack>
      )}
    </DashCard>
  );
}
