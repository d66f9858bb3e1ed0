import { createLazyRoute, getRouteApi } from "@tanstack/react-router";
import { useCallback } from "react";
import type { MatrixSearch } from "../features/plan/planSearch.ts";
import { useProject } from "../features/projects/useProject.ts";
import { MatrixPage } from "../features/responsibilities/MatrixPage.tsx";

const route = getRouteApi("/_authed/_org/projects/$projectId/responsibilities");

export const Route = createLazyRoute("/_authed/_org/projects/$projectId/responsibilities")({
  component: ResponsibilitiesPage,
});

function ResponsibilitiesPage() {
  const { projectId } = route.useParams();
  const { data: project } = useProject(projectId);
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const onSearch = useCallback(
    (patch: Partial<MatrixSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  );
  return <MatrixPage project={project} search={search} onSearch={onSearch} />;
}
