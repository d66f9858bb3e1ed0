import { createLazyRoute, getRouteApi } from "@tanstack/react-router";
import { useCallback } from "react";
import { useProject } from "../features/projects/useProject.ts";
import { StakeholdersPage } from "../features/stakeholders/StakeholdersPage.tsx";
import type { StakeholdersSearch } from "../features/stakeholders/stakeholderSearch.ts";

const route = getRouteApi("/_authed/_org/projects/$projectId/stakeholders");

export const Route = createLazyRoute("/_authed/_org/projects/$projectId/stakeholders")({
  component: StakeholdersRoutePage,
});

function StakeholdersRoutePage() {
  const { projectId } = route.useParams();
  const { data: project } = useProject(projectId);
  const search = route.useSearch();
  const navigate = route.useNavigate();
  // Filters, sort and the open person replace the history entry; a new section adds one, so
  // Back returns to the section before.
  const onSearch = useCallback(
    (patch: Partial<StakeholdersSearch>) =>
      void navigate({
        search: (prev) => ({ ...prev, ...patch }),
        replace: patch.section === undefined,
      }),
    [navigate],
  );
  return <StakeholdersPage project={project} search={search} onSearch={onSearch} />;
}
