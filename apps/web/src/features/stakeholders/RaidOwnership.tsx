import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { raidKindLabels } from "@rollout/domain";
import { IconAlertTriangle, IconUserQuestion } from "@tabler/icons-react";
import { type ReactNode, useMemo } from "react";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { LoadingRows } from "../../ui/Loading.tsx";
import { AnchorLink } from "../../ui/links.tsx";
import { BandBadge } from "../../ui/raidBadges.tsx";
import { useRaidItems } from "./stakeholderData.ts";
import { groupByOwner } from "./stakeholderModel.ts";

/**
 * Who owns which open RAID items, members and stakeholders alike: the conversation to have
 * with each person, and the items nobody owns yet.
 */
export function RaidOwnership({ projectId }: { projectId: string }) {
  const raid = useRaidItems(projectId);
  const groups = useMemo(() => groupByOwner(raid.data?.items ?? []), [raid.data]);
  const titleId = `raid-owners-${projectId}`;

  let body: ReactNode;
  if (raid.isPending) body = <LoadingRows rows={3} label="Loading RAID items" />;
  else if (raid.isError) {
    body = (
      <ErrorAlert
        error={raid.error}
        title="RAID items could not be loaded"
        onRetry={() => void raid.refetch()}
      />
    );
  } else if (groups.length === 0) {
    body = (
      <EmptyState
        icon={<IconAlertTriangle size={28} aria-hidden />}
        title="No open RAID items"
        description="When risks, issues or decisions are raised, who owns each one shows here."
        action={
          <AnchorLink to="/projects/$projectId/raid" params={{ projectId }}>
            Open the RAID log
          </AnchorLink>
        }
      />
    );
  } else {
    body = (
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
        {groups.map((g) => {
          const headingId = `${titleId}-${g.key}`;
          return (
            <Paper
              key={g.key}
              withBorder
              radius="md"
              p="sm"
              component="section"
              aria-labelledby={headingId}
            >
              <Group justify="space-between" gap="xs" wrap="nowrap" mb={6}>
                <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                  {g.owner ? null : <IconUserQuestion size={16} aria-hidden />}
                  <Title order={4} fz="sm" id={headingId} lineClamp={1}>
                    {g.owner ? g.owner.name : "Nobody owns these"}
                  </Title>
                  {g.owner ? (
                    <Badge
                      size="xs"
                      variant="outline"
                      color={g.owner.type === "user" ? "blue" : "gray"}
                    >
                      {g.owner.type === "user" ? "Member" : "Stakeholder"}
                    </Badge>
                  ) : null}
                </Group>
                <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                  {g.items.length} open
                </Text>
              </Group>
              <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
                {g.items.map((item) => (
                  <Group key={item.id} component="li" gap={8} wrap="nowrap" align="center">
                    <AnchorLink
                      to="/projects/$projectId/raid"
                      params={{ projectId }}
                      search={{ kind: item.kind, item: item.id }}
                      size="sm"
                      fw={600}
                      className="numeric"
                      w={54}
                      style={{ flex: "none" }}
                      aria-label={`${item.ref}: ${item.title}`}
                    >
                      {item.ref}
                    </AnchorLink>
                    <Text
                      size="sm"
                      lineClamp={1}
                      style={{ flex: 1, minWidth: 0 }}
                      title={item.title}
                    >
                      {item.title}
                    </Text>
                    {item.band ? (
                      <BandBadge band={item.band} score={item.score} size="sm" />
                    ) : (
                      <Badge
                        size="sm"
                        variant="default"
                        tt="none"
                        style={{ minWidth: "max-content" }}
                      >
                        {raidKindLabels[item.kind]}
                      </Badge>
                    )}
                  </Group>
                ))}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
    );
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby={titleId}>
      <div>
        <Title order={3} fz="h4" id={titleId}>
          RAID ownership
        </Title>
        <Text size="sm" c="dimmed">
          Open risks, assumptions, issues, dependencies and decisions, by the person who owns them.
        </Text>
      </div>
      {body}
    </Stack>
  );
}
