import { Badge, type BadgeProps, Group, Text, Tooltip } from "@mantine/core";
import { type Milestone, type MilestoneStatus, milestoneStatusLabels } from "@rollout/domain";
import { IconFlag, IconHandStop, IconRocket } from "@tabler/icons-react";

const statusColors: Record<MilestoneStatus, string> = {
  planned: "blue",
  at_risk: "orange",
  achieved: "green",
  missed: "red",
};

/** The colour a slip reads in: on time or early, a little late (≤ 5 working days), late. */
export function slipColor(days: number | null): string {
  if (days === null) return "dimmed";
  if (days <= 0) return "green";
  if (days <= 5) return "orange";
  return "red";
}

/** "+6 working days", "2 working days early", "on time". */
export function describeDays(days: number, { early = "early" } = {}): string {
  if (days === 0) return "no change";
  const unit = Math.abs(days) === 1 ? "working day" : "working days";
  return days > 0 ? `+${days} ${unit}` : `${-days} ${unit} ${early}`;
}

export function describeSlip(days: number | null): string {
  if (days === null) return "no baseline";
  if (days === 0) return "on time";
  return describeDays(days);
}

type Props = Omit<BadgeProps, "color" | "children">;

/** Badges never truncate (see ui/badges.tsx). */
const whole = { minWidth: "max-content" } as const;

export function SlipBadge({
  days,
  label = "Slip",
  ...props
}: Props & { days: number | null; label?: string }) {
  if (days === null) {
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Badge
      variant={days > 0 ? "light" : "outline"}
      color={slipColor(days)}
      style={whole}
      tt="none"
      {...props}
    >
      <span aria-hidden>{days > 0 ? `+${days} wd` : days < 0 ? `${days} wd` : "On time"}</span>
      <span className="visually-hidden">
        {label}: {describeSlip(days)}
      </span>
    </Badge>
  );
}

export function MilestoneStatusBadge({ status, ...props }: Props & { status: MilestoneStatus }) {
  return (
    <Badge variant="light" color={statusColors[status]} style={whole} {...props}>
      {milestoneStatusLabels[status]}
    </Badge>
  );
}

/** The status in force; when set by hand, says so and shows what the dates say. */
export function MilestoneStatusCell({ milestone }: { milestone: Milestone }) {
  const override = milestone.statusOverride;
  if (!override) return <MilestoneStatusBadge status={milestone.status} />;
  return (
    <Tooltip
      label={`Set by hand: ${override.reason} (computed: ${milestoneStatusLabels[milestone.computedStatus]})`}
      multiline
      w={280}
      withArrow
    >
      <Group gap={4} wrap="nowrap" tabIndex={0} style={{ width: "max-content" }}>
        <MilestoneStatusBadge status={milestone.status} />
        <IconHandStop size={14} aria-hidden />
        <span className="visually-hidden">
          set by hand: {override.reason}; computed {milestoneStatusLabels[milestone.computedStatus]}
        </span>
      </Group>
    </Tooltip>
  );
}

export function GateBadges({ milestone }: { milestone: Milestone }) {
  if (!milestone.isGate) return null;
  return milestone.isGoLive ? (
    <Badge
      variant="filled"
      color="grape"
      style={whole}
      leftSection={<IconRocket size={12} aria-hidden />}
    >
      Go-live gate
    </Badge>
  ) : (
    <Badge
      variant="outline"
      color="grape"
      style={whole}
      leftSection={<IconFlag size={12} aria-hidden />}
    >
      Gate
    </Badge>
  );
}
