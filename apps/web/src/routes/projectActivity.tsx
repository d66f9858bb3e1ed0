import { createLazyRoute, getRouteApi } from "@tanstack/react-router";
import { ProjectActivity } from "../features/collab/ProjectActivity.tsx";
import { useProject } from "../features/projects/useProject.ts";

const route = getRouteApi("/_authed/_org/projects/$projectId/activity");

export const Route = createLazyRoute("/_authed/_org/projects/$projectId/activity")({
  component: ActivityPage,
});

function ActivityPage() {
  const { projectId } = route.useParams();
  const { data: project } = useProject(projectId);
  return <ProjectActivity project={project} />;
}
