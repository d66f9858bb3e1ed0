import { createLazyRoute, getRouteApi } from "@tanstack/react-router";
import { useCallback } from "react";
import { PirPage } from "../features/pir/PirPage.tsx";
import { useProject } from "../features/projects/useProject.ts";

const route = getRouteApi("/_authed/_org/projects/$projectId/review");

export const Route = createLazyRoute("/_authed/_org/projects/$projectId/review")({
  component: ReviewPage,
});

function ReviewPage() {
  const { projectId } = route.useParams();
  const { data: project } = useProject(projectId);
  const { revision } = route.useSearch();
  const navigate = route.useNavigate();
  const onRevision = useCallback(
    (next: number | undefined) => void navigate({ search: { revision: next } }),
    [navigate],
  );
  return <PirPage project={project} revision={revision} onRevision={onRevision} />;
}
