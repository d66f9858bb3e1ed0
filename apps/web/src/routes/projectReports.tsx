import { createLazyRoute, getRouteApi } from "@tanstack/react-router";
import { useCallback } from "react";
import { useProject } from "../features/projects/useProject.ts";
import { ReportsPage } from "../features/reports/ReportsPage.tsx";
import type { ReportsSearch } from "../features/reports/reportsSearch.ts";

const route = getRouteApi("/_authed/_org/projects/$projectId/reports");

export const Route = createLazyRoute("/_authed/_org/projects/$projectId/reports")({
  component: ReportsRoutePage,
});

function ReportsRoutePage() {
  const { projectId } = route.useParams();
  const { data: project } = useProject(projectId);
  const search = route.useSearch();
  const navigate = route.useNavigate();
  // Switching edit and preview replaces the history entry; opening and closing a report adds one.
  const onSearch = useCallback(
    (patch: Partial<ReportsSearch>, replace = true) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace }),
    [navigate],
  );
  return <ReportsPage project={project} search={search} onSearch={onSearch} />;
}
