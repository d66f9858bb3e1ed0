import { createLazyRoute, getRouteApi } from "@tanstack/react-router";
import { useCallback } from "react";
import { PlanPage } from "../features/plan/PlanPage.tsx";
import type { PlanSearch } from "../features/plan/planSearch.ts";
import { useProject } from "../features/projects/useProject.ts";

const route = getRouteApi("/_authed/_org/projects/$projectId/plan");

export const Route = createLazyRoute("/_authed/_org/projects/$projectId/plan")({
  component: PlanRoutePage,
});

function PlanRoutePage() {
  const { projectId } = route.useParams();
  const { data: project } = useProject(projectId);
  const search = route.useSearch();
  const navigate = route.useNavigate();
  // Filters replace the history entry; opening and closing a task adds one (Back closes it).
  const onSearch = useCallback(
    (patch: Partial<PlanSearch>, replace = true) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace }),
    [navigate],
  );
  return <PlanPage project={project} search={search} onSearch={onSearch} />;
}
