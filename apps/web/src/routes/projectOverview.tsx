import { useQuery } from "@tanstack/react-query";
import { createLazyRoute, getRouteApi } from "@tanstack/react-router";
import { ProjectOverview } from "../features/projects/ProjectOverview.tsx";
import { useProject } from "../features/projects/useProject.ts";
import { StakeholderView } from "../features/share/StakeholderView.tsx";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorAlert } from "../ui/ErrorAlert.tsx";
import { LoadingRows } from "../ui/Loading.tsx";

const route = getRouteApi("/_authed/_org/projects/$projectId/");

export const Route = createLazyRoute("/_authed/_org/projects/$projectId/")({
  component: OverviewPage,
});

function OverviewPage() {
  const { projectId } = route.useParams();
  const { data: project } = useProject(projectId);
  // Stakeholders land on their own read-only view: progress, gates awaiting their sign-off,
  // published reports, and nothing internal.
  if (project.myRole === "stakeholder") return <StakeholderOverview projectId={projectId} />;
  return <ProjectOverview project={project} />;
}

function StakeholderOverview({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const view = useQuery(trpc.report.stakeholderView.queryOptions({ projectId }));
  if (view.isPending) return <LoadingRows rows={4} label="Loading the project's progress" />;
  if (view.isError) {
    return (
      <ErrorAlert
        error={view.error}
        title="The project's progress could not be loaded"
        onRetry={() => void view.refetch()}
      />
    );
  }
  return <StakeholderView view={view.data} signedIn withProjectHeader={false} />;
}
