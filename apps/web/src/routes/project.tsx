import { createLazyRoute, getRouteApi, Outlet } from "@tanstack/react-router";
import { ProjectHeader } from "../features/projects/ProjectHeader.tsx";
import { ProjectTabs } from "../features/projects/ProjectTabs.tsx";
import { useProject } from "../features/projects/useProject.ts";

const route = getRouteApi("/_authed/_org/projects/$projectId");

export const Route = createLazyRoute("/_authed/_org/projects/$projectId")({
  component: ProjectShell,
});

function ProjectShell() {
  const { projectId } = route.useParams();
  const { data: project } = useProject(projectId);
  return (
    <>
      <ProjectHeader project={project} />
      <ProjectTabs projectId={project.id} canEdit={project.canEdit} role={project.myRole} />
      <Outlet />
    </>
  );
}
