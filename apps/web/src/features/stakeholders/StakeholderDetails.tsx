import { Anchor, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { engagementLabels, type Stakeholder } from "@rollout/domain";
import type { ReactNode } from "react";
import { EngagementCell, QuadrantBadge, SideBadge } from "./stakeholderBadges.tsx";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: "0.03em" }}>
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

const none = (
  <Text size="sm" c="dimmed">
    —
  </Text>
);

/** One person as the team reads them (for contributors: the register is the managers' to keep). */
export function StakeholderDetails({ stakeholder: s }: { stakeholder: Stakeholder }) {
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Project managers keep the register; you can read it.
      </Text>
      <SimpleGrid cols={2} spacing="md" verticalSpacing="md">
        <Field label="Title">{s.title ? <Text size="sm">{s.title}</Text> : none}</Field>
        <Field label="Side">
          <SideBadge side={s.side} />
        </Field>
        <Field label="Email">
          {s.email ? (
            <Anchor href={`mailto:${s.email}`} size="sm">
              {s.email}
            </Anchor>
          ) : (
            none
          )}
        </Field>
        <Field label="Signs in as">
          {s.user ? <Text size="sm">{`${s.user.name} (${s.user.email})`}</Text> : none}
        </Field>
        <Field label="Power / interest">
          <Group gap="xs">
            <Text size="sm">
              {s.power} / {s.interest}
            </Text>
            <QuadrantBadge quadrant={s.quadrant} />
          </Group>
        </Field>
        <Field label="Open RAID items">
          <Text size="sm">{s.openRaidItems}</Text>
        </Field>
      </SimpleGrid>
      <Field label="Engagement (now → needed)">
        <EngagementCell
          current={s.engagementCurrent}
          desired={s.engagementDesired}
          gap={s.engagementGap}
        />
        <span className="visually-hidden">
          {engagementLabels[s.engagementCurrent]} now, {engagementLabels[s.engagementDesired]}{" "}
          needed
        </span>
      </Field>
      <Field label="Notes">
        {s.notes ? (
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {s.notes}
          </Text>
        ) : (
          none
        )}
      </Field>
    </Stack>
  );
}
