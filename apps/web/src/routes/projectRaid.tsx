import { createLazyRoute, getRouteApi } from "@tanstack/react-router";
import { useCallback } from "react";
import { useProject } from "../features/projects/useProject.ts";
import { RaidPage } from "../features/raid/RaidPage.tsx";
import type { RaidSearch } from "../features/raid/raidSearch.ts";

const route = getRouteApi("/_authed/_org/projects/$projectId/raid");

export const Route = createLazyRoute("/_authed/_org/projects/$projectId/raid")({
  component: RaidRoutePage,
});

function RaidRoutePage() {
  const { projectId } = route.useParams();
  const { data: project } = useProject(projectId);
  const search = route.useSearch();
  const navigate = route.useNavigate();
  // Filters replace the history entry; opening and closing an item adds one (Back closes it).
  const onSearch = useCallback(
    (patch: Partial<RaidSearch>, replace = true) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace }),
    [navigate],
  );
  return <RaidPage project={project} search={search} onSearch={onSearch} />;
}
