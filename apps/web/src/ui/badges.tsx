import { Badge, type BadgeProps } from "@mantine/core";
import {
  type OrgRole,
  orgRoleLabels,
  type ProjectAccessRole,
  type ProjectRole,
  type ProjectStage,
  type ProjectStatus,
  projectRoleLabels,
  projectStageLabels,
  projectStatusLabels,
  type Rag,
} from "@rollout/domain";

export const stageColors: Record<ProjectStage, string> = {
  initiation: "indigo",
  planning: "cyan",
  build: "blue",
  testing: "violet",
  training: "grape",
  go_live: "orange",
  hypercare: "teal",
  closed: "gray",
};

export const statusColors: Record<ProjectStatus, string> = {
  active: "green",
  on_hold: "yellow",
  cancelled: "red",
  closed: "gray",
};

export const ragColors: Record<Rag, string> = { green: "green", amber: "orange", red: "red" };
const ragLabels: Record<Rag, string> = { green: "Green", amber: "Amber", red: "Red" };

type Props = Omit<BadgeProps, "color" | "children">;

/** Badges never truncate: a table column shrinking them to "GO-LI…" reads worse than a wider column. */
const whole = { minWidth: "max-content" } as const;

export function StageBadge({ stage, ...props }: Props & { stage: ProjectStage }) {
  return (
    <Badge variant="light" color={stageColors[stage]} style={whole} {...props}>
      {projectStageLabels[stage]}
    </Badge>
  );
}

export function StatusBadge({ status, ...props }: Props & { status: ProjectStatus }) {
  return (
    <Badge variant="dot" color={statusColors[status]} style={whole} {...props}>
      {projectStatusLabels[status]}
    </Badge>
  );
}

export function RagBadge({ rag, ...props }: Props & { rag: Rag }) {
  return (
    <Badge variant="filled" color={ragColors[rag]} style={whole} {...props}>
      {ragLabels[rag]}
    </Badge>
  );
}

export const projectAccessRoleLabels: Record<ProjectAccessRole, string> = {
  ...projectRoleLabels,
  admin: "Org admin",
};

const shortRoleLabels: Record<ProjectRole, string> = {
  ipm: "IPM",
  pm: "PM",
  contributor: "Contributor",
  stakeholder: "Stakeholder",
};

/**
 * "Project manager · org admin" for an org admin who is also on the project; `short` gives
 * "PM · admin" for tables.
 */
export function roleLabel(
  role: ProjectAccessRole,
  projectRole: ProjectRole | null,
  short = false,
): string {
  if (role === "admin" && projectRole) {
    return short
      ? `${shortRoleLabels[projectRole]} · admin`
      : `${projectRoleLabels[projectRole]} · org admin`;
  }
  return projectAccessRoleLabels[role];
}

export function ProjectRoleBadge({
  role,
  projectRole = null,
  ...props
}: Props & { role: ProjectAccessRole; projectRole?: ProjectRole | null }) {
  return (
    <Badge
      variant="outline"
      color={role === "stakeholder" ? "gray" : "blue"}
      style={whole}
      {...props}
    >
      {roleLabel(role, projectRole)}
    </Badge>
  );
}

export function OrgRoleBadge({ role, ...props }: Props & { role: OrgRole }) {
  return (
    <Badge variant="outline" color={role === "member" ? "gray" : "indigo"} style={whole} {...props}>
      {orgRoleLabels[role]}
    </Badge>
  );
}
