import { Badge, type BadgeProps } from "@mantine/core";
import {
  type IssueSeverity,
  issueSeverityLabels,
  type RaidStatus,
  type RiskBand,
  raidStatusLabels,
  riskBandLabels,
} from "@rollout/domain";

/** One colour per risk band, used by badges, the heat map and the stakeholder views alike. */
export const bandColors: Record<RiskBand, string> = {
  low: "green",
  medium: "yellow",
  high: "orange",
  critical: "red",
};

type Props = Omit<BadgeProps, "color" | "children">;

/** A risk's band with its score: "High · 12". */
export function BandBadge({
  band,
  score,
  ...props
}: Props & { band: RiskBand; score?: number | null }) {
  return (
    <Badge
      variant={band === "critical" ? "filled" : "light"}
      color={bandColors[band]}
      style={{ minWidth: "max-content" }}
      {...props}
    >
      {riskBandLabels[band]}
      {score != null ? ` · ${score}` : ""}
    </Badge>
  );
}

/** Open states in blues, trouble in orange, settled states in green, finished ones in grey. */
const statusColors: Record<RaidStatus, string> = {
  open: "blue",
  mitigating: "cyan",
  occurred: "grape",
  in_progress: "cyan",
  resolved: "green",
  validated: "green",
  invalidated: "red",
  at_risk: "orange",
  delivered: "green",
  proposed: "blue",
  decided: "green",
  superseded: "gray",
  cancelled: "gray",
  closed: "gray",
};

export function RaidStatusBadge({ status, ...props }: Props & { status: RaidStatus }) {
  return (
    <Badge
      variant="dot"
      color={statusColors[status]}
      style={{ minWidth: "max-content" }}
      {...props}
    >
      {raidStatusLabels[status]}
    </Badge>
  );
}

/** An issue's severity, in the colour of the risk band of the same name. */
export function SeverityBadge({ severity, ...props }: Props & { severity: IssueSeverity }) {
  return (
    <Badge
      variant={severity === "critical" ? "filled" : "light"}
      color={bandColors[severity]}
      style={{ minWidth: "max-content" }}
      {...props}
    >
      {issueSeverityLabels[severity]}
    </Badge>
  );
}
