import {
  type CommentTarget,
  type ProjectAccessRole,
  type ProjectPermission,
  projectAllows,
} from "@rollout/domain";

/**
 * Where a thing named in a notification or an activity sentence is shown: the page, and the
 * search parameter that opens it there (the plan's task drawer, the open milestone, the RAID
 * item's drawer…). Things with no page of their own lead to the project overview, or nowhere.
 */
export type TargetPlace =
  | { page: "plan"; search: { task: string } }
  | { page: "milestones"; search: { milestone: string } }
  | { page: "raid"; search: { item: string } }
  | { page: "stakeholders"; search: { stakeholder: string } }
  | { page: "reports"; search: { report: string } }
  | { page: "review" }
  | { page: "overview" };

/** What each page needs to be read (a stakeholder has no register to open). */
const pageNeeds: Partial<Record<TargetPlace["page"], ProjectPermission>> = {
  stakeholders: "stakeholder.read",
};

export function targetPlace(
  entityType: string,
  entityId: string,
  role?: ProjectAccessRole,
): TargetPlace | null {
  let place: TargetPlace | null;
  switch (entityType) {
    case "task":
      place = { page: "plan", search: { task: entityId } };
      break;
    case "milestone":
    case "gate_signer":
      place = { page: "milestones", search: { milestone: entityId } };
      break;
    case "raid_item":
      place = { page: "raid", search: { item: entityId } };
      break;
    case "stakeholder":
      place = { page: "stakeholders", search: { stakeholder: entityId } };
      break;
    case "status_report":
      place = { page: "reports", search: { report: entityId } };
      break;
    case "pir":
    case "pir_objective":
    case "pir_kpi":
    case "pir_signer":
    case "lesson":
      place = { page: "review" };
      break;
    case "project":
      place = { page: "overview" };
      break;
    default:
      place = null;
  }
  const needs = place ? pageNeeds[place.page] : undefined;
  if (place && needs && role && !projectAllows(needs, role)) return null;
  return place;
}

/** Stakeholders write only on what they sign: milestones (gates) and the review. */
const stakeholderTargets: readonly CommentTarget[] = ["milestone", "pir"];

/** Whether this person may add comments on this kind of thing (the server says the same). */
export function canComment(
  project: { myRole: ProjectAccessRole; archivedAt: string | null },
  targetType: CommentTarget,
): boolean {
  if (project.archivedAt) return false;
  if (!projectAllows("comment.write", project.myRole)) return false;
  return project.myRole !== "stakeholder" || stakeholderTargets.includes(targetType);
}
