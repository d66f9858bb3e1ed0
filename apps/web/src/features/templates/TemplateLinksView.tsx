import { ActionIcon, Badge, Group, Stack, Table, Text, Title } from "@mantine/core";
import { dependencyTypeLabels, type TemplateBody } from "@rollout/domain";
import { IconFlag, IconRocket, IconTrash } from "@tabler/icons-react";
import type { DraftIssues } from "./templateDraft.ts";

/**
 * Milestones (with gate criteria) and dependencies of a template, as they are. Dependencies
 * can be removed here; they are added on a project's plan and saved as a template from it.
 */
export function TemplateLinksView({
  body,
  issues,
  editable,
  onRemoveDependency,
}: {
  body: TemplateBody;
  issues: DraftIssues;
  editable: boolean;
  onRemoveDependency: (index: number) => void;
}) {
  const title = new Map(body.tasks.map((t) => [t.key, t.title]));
  return (
    <Stack gap="lg">
      <section aria-labelledby="template-milestones">
        <Title order={3} fz="h5" id="template-milestones" mb="xs">
          Milestones and gates
        </Title>
        {body.milestones.length === 0 ? (
          <Text size="sm" c="dimmed">
            No milestones. Add them on a project's Milestones page and save its plan as a template.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640} type="native">
            <Table verticalSpacing={4} fz="sm" aria-label="Template milestones">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Milestone</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Day
                  </Table.Th>
                  <Table.Th scope="col">Gate criteria</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {body.milestones.map((m, i) => (
                  <Table.Tr key={m.key}>
                    <Table.Th scope="row" fw={500}>
                      <Group gap={6} wrap="nowrap">
                        {m.isGoLive ? (
                          <IconRocket size={14} aria-hidden />
                        ) : m.isGate ? (
                          <IconFlag size={14} aria-hidden />
                        ) : null}
                        {m.name}
                        {m.isGoLive ? (
                          <Badge size="xs" color="green" variant="light">
                            Go-live
                          </Badge>
                        ) : m.isGate ? (
                          <Badge size="xs" color="indigo" variant="light">
                            Gate
                          </Badge>
                        ) : null}
                      </Group>
                      {(issues.rows.milestones.get(i) ?? []).map((msg) => (
                        <Text key={msg} size="xs" className="template-row-problems">
                          {msg}
                        </Text>
                      ))}
                    </Table.Th>
                    <Table.Td ta="right">{m.offset}</Table.Td>
                    <Table.Td>
                      {m.criteria.length === 0 ? (
                        <Text size="xs" c="dimmed">
                          —
                        </Text>
                      ) : (
                        <ul className="template-criteria">
                          {m.criteria.map((c) => (
                            <li key={c}>{c}</li>
                          ))}
                        </ul>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
      <section aria-labelledby="template-dependencies">
        <Title order={3} fz="h5" id="template-dependencies" mb="xs">
          Dependencies ({body.dependencies.length})
        </Title>
        {body.dependencies.length === 0 ? (
          <Text size="sm" c="dimmed">
            No dependencies: every task starts on its own start day.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640} type="native">
            <Table verticalSpacing={4} fz="sm" aria-label="Template dependencies">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Predecessor</Table.Th>
                  <Table.Th scope="col">Successor</Table.Th>
                  <Table.Th scope="col">Type</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Lag
                  </Table.Th>
                  {editable ? (
                    <Table.Th scope="col">
                      <span className="visually-hidden">Remove</span>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {body.dependencies.map((d, i) => {
                  const from = title.get(d.predecessorKey) ?? d.predecessorKey;
                  const to = title.get(d.successorKey) ?? d.successorKey;
                  const problems = issues.rows.dependencies.get(i) ?? [];
                  return (
                    <Table.Tr
                      key={`${d.predecessorKey}-${d.successorKey}`}
                      className={problems.length ? "template-row-problem" : undefined}
                    >
                      <Table.Td>{from}</Table.Td>
                      <Table.Td>
                        {to}
                        {problems.map((msg) => (
                          <Text key={msg} size="xs" className="template-row-problems">
                            {msg}
                          </Text>
                        ))}
                      </Table.Td>
                      <Table.Td>
                        <abbr title={dependencyTypeLabels[d.type]}>{d.type}</abbr>
                      </Table.Td>
                      <Table.Td ta="right">{d.lag}</Table.Td>
                      {editable ? (
                        <Table.Td>
                          <ActionIcon
                            size="sm"
                            variant="subtle"
                            color="red"
                            aria-label={`Remove the dependency ${from} → ${to}`}
                            onClick={() => onRemoveDependency(i)}
                          >
                            <IconTrash size={14} aria-hidden />
                          </ActionIcon>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
    </Stack>
  );
}
