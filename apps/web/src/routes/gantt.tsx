import { createLazyRoute, getRouteApi } from "@tanstack/react-router";
import { useCallback } from "react";
import { useProject } from "../features/projects/useProject.ts";
import { GanttPage } from "../features/schedule/gantt/GanttPage.tsx";
import type { GanttSearch } from "../features/schedule/scheduleSearch.ts";

const route = getRouteApi("/_authed/_org/projects/$projectId/gantt");

export const Route = createLazyRoute("/_authed/_org/projects/$projectId/gantt")({
  component: GanttRoutePage,
});

function GanttRoutePage() {
  const { projectId } = route.useParams();
  const { data: project } = useProject(projectId);
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const onSearch = useCallback(
    (patch: Partial<GanttSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  );
  return <GanttPage project={project} search={search} onSearch={onSearch} />;
}
