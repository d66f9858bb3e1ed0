import { Badge, type BadgeProps, Group, Text } from "@mantine/core";
import {
  type EngagementLevel,
  engagementLabels,
  type Quadrant,
  quadrantLabels,
  type StakeholderSide,
  stakeholderSideLabels,
} from "@rollout/domain";
import { IconArrowNarrowRight, IconArrowUpRight, IconCheck } from "@tabler/icons-react";
import { gapText } from "./stakeholderModel.ts";

/** One colour per quadrant: the grid's shading, the badges and the legend agree. */
export const quadrantColors: Record<Quadrant, string> = {
  manage_closely: "grape",
  keep_satisfied: "blue",
  keep_informed: "teal",
  monitor: "gray",
};

export const sideColors: Record<StakeholderSide, string> = {
  internal: "indigo",
  customer: "cyan",
  vendor: "orange",
};

type Props = Omit<BadgeProps, "color" | "children">;
const whole = { minWidth: "max-content" } as const;

export function QuadrantBadge({ quadrant, ...props }: Props & { quadrant: Quadrant }) {
  return (
    <Badge variant="light" color={quadrantColors[quadrant]} tt="none" style={whole} {...props}>
      {quadrantLabels[quadrant]}
    </Badge>
  );
}

export function SideBadge({ side, ...props }: Props & { side: StakeholderSide }) {
  return (
    <Badge variant="dot" color={sideColors[side]} tt="none" style={whole} {...props}>
      {stakeholderSideLabels[side]}
    </Badge>
  );
}

/** "Neutral → Supportive" with the gap: a to-do reads in orange with an arrow, never colour alone. */
export function EngagementCell({
  current,
  desired,
  gap,
}: {
  current: EngagementLevel;
  desired: EngagementLevel;
  gap: number;
}) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" span>
        {engagementLabels[current]}
      </Text>
      <IconArrowNarrowRight size={14} aria-label="to" role="img" />
      <Text size="sm" span>
        {engagementLabels[desired]}
      </Text>
      <GapBadge gap={gap} />
    </Group>
  );
}

export function GapBadge({ gap, ...props }: Props & { gap: number }) {
  if (gap <= 0) {
    return (
      <Badge
        variant="light"
        color="gray"
        tt="none"
        leftSection={gap === 0 ? <IconCheck size={12} aria-hidden /> : undefined}
        style={whole}
        {...props}
      >
        {gap === 0 ? "On target" : gapText(gap)}
      </Badge>
    );
  }
  return (
    <Badge
      variant="light"
      color="orange"
      tt="none"
      leftSection={<IconArrowUpRight size={12} aria-hidden />}
      style={whole}
      title={gapText(gap)}
      {...props}
    >
      +{gap}
      <span className="visually-hidden"> ({gapText(gap)})</span>
    </Badge>
  );
}
