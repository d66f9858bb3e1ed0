import { createLazyRoute, getRouteApi } from "@tanstack/react-router";
import { useCallback } from "react";
import { useProject } from "../features/projects/useProject.ts";
import { MilestonesPage } from "../features/schedule/milestones/MilestonesPage.tsx";
import type { MilestonesSearch } from "../features/schedule/scheduleSearch.ts";

const route = getRouteApi("/_authed/_org/projects/$projectId/milestones");

export const Route = createLazyRoute("/_authed/_org/projects/$projectId/milestones")({
  component: MilestonesRoutePage,
});

function MilestonesRoutePage() {
  const { projectId } = route.useParams();
  const { data: project } = useProject(projectId);
  const search = route.useSearch();
  const navigate = route.useNavigate();
  // Opening a milestone or a comparison replaces the history entry: Back leaves the page.
  const onSearch = useCallback(
    (patch: Partial<MilestonesSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  );
  return <MilestonesPage project={project} search={search} onSearch={onSearch} />;
}
