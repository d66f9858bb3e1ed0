import { type ProjectAccessRole, type ProjectPermission, projectAllows } from "@rollout/domain";
import { Link } from "@tanstack/react-router";

type TabPath =
  | "/projects/$projectId"
  | "/projects/$projectId/plan"
  | "/projects/$projectId/gantt"
  | "/projects/$projectId/responsibilities"
  | "/projects/$projectId/milestones"
  | "/projects/$projectId/raid"
  | "/projects/$projectId/stakeholders"
  | "/projects/$projectId/reports"
  | "/projects/$projectId/review"
  | "/projects/$projectId/activity"
  | "/projects/$projectId/members"
  | "/projects/$projectId/settings";

const tabs: Array<{ to: TabPath; label: string; editOnly?: boolean; needs?: ProjectPermission }> = [
  { to: "/projects/$projectId", label: "Overview" },
  { to: "/projects/$projectId/plan", label: "Plan" },
  { to: "/projects/$projectId/gantt", label: "Gantt" },
  { to: "/projects/$projectId/responsibilities", label: "Responsibilities" },
  { to: "/projects/$projectId/milestones", label: "Milestones" },
  { to: "/projects/$projectId/raid", label: "RAID" },
  // The register holds the team's candid view of people: not shown to stakeholders.
  { to: "/projects/$projectId/stakeholders", label: "Stakeholders", needs: "stakeholder.read" },
  { to: "/projects/$projectId/reports", label: "Reports" },
  { to: "/projects/$projectId/review", label: "Review" },
  // The audit trail told in sentences: the team's, like the history it comes from.
  { to: "/projects/$projectId/activity", label: "Activity", needs: "activity.read" },
  { to: "/projects/$projectId/members", label: "Members" },
  { to: "/projects/$projectId/settings", label: "Settings", editOnly: true },
];

/** The project's sections as links (each has its own address), styled as tabs. */
export function ProjectTabs({
  projectId,
  canEdit,
  role,
}: {
  projectId: string;
  canEdit: boolean;
  role: ProjectAccessRole;
}) {
  return (
    <nav aria-label="Project sections" className="tab-links no-print">
      {tabs
        .filter((tab) => canEdit || !tab.editOnly)
        .filter((tab) => !tab.needs || projectAllows(tab.needs, role))
        .map((tab) => (
          <Link
            key={tab.to}
            to={tab.to}
            params={{ projectId }}
            className="tab-link"
            activeOptions={{ exact: true, includeSearch: false }}
            activeProps={{ "aria-current": "page" }}
          >
            {tab.label}
          </Link>
        ))}
    </nav>
  );
}
