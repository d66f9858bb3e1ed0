import { Badge, type BadgeProps } from "@mantine/core";
import {
  type LessonKind,
  lessonKindLabels,
  type ObjectiveOutcome,
  objectiveOutcomeLabels,
  type PirStatus,
  pirStatusLabels,
} from "@rollout/domain";
import { outcomeColors } from "./pirModel.ts";

type Props = Omit<BadgeProps, "color" | "children">;
const whole = { minWidth: "max-content" } as const;

const statusColors: Record<PirStatus, string> = {
  draft: "gray",
  in_review: "grape",
  signed_off: "green",
};

export function PirStatusBadge({ status, ...props }: Props & { status: PirStatus }) {
  return (
    <Badge variant="light" color={statusColors[status]} style={whole} {...props}>
      {pirStatusLabels[status]}
    </Badge>
  );
}

export function OutcomeBadge({ outcome, ...props }: Props & { outcome: ObjectiveOutcome | null }) {
  if (!outcome) {
    return (
      <Badge variant="outline" color="gray" style={whole} {...props}>
        No outcome yet
      </Badge>
    );
  }
  return (
    <Badge variant="light" color={outcomeColors[outcome]} style={whole} {...props}>
      {objectiveOutcomeLabels[outcome]}
    </Badge>
  );
}

export function LessonKindBadge({ kind, ...props }: Props & { kind: LessonKind }) {
  return (
    <Badge
      variant="light"
      color={kind === "went_well" ? "teal" : "orange"}
      style={whole}
      {...props}
    >
      {lessonKindLabels[kind]}
    </Badge>
  );
}
