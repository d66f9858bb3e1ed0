import { createLazyRoute, getRouteApi } from "@tanstack/react-router";
import { ProjectMembers } from "../features/members/ProjectMembers.tsx";
import { useProject } from "../features/projects/useProject.ts";

const route = getRouteApi("/_authed/_org/projects/$projectId/members");

export const Route = createLazyRoute("/_authed/_org/projects/$projectId/members")({
  component: MembersPage,
});

function MembersPage() {
  const { projectId } = route.useParams();
  const { data: project } = useProject(projectId);
  return <ProjectMembers project={project} />;
}
