import { createLazyRoute, getRouteApi } from "@tanstack/react-router";
import { ProjectOverview } from "../features/projects/ProjectOverview.tsx";
import { useProject } from "../features/projects/useProject.ts";

const route = getRouteApi("/_authed/_org/projects/$projectId/");

export const Route = createLazyRoute("/_authed/_org/projects/$projectId/")({
  component: OverviewPage,
});

function OverviewPage() {
  const { projectId } = route.useParams();
  const { data: project } = useProject(projectId);
  return <ProjectOverview project={project} />;
}
