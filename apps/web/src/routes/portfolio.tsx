import { Paper } from "@mantine/core";
import { IconFolderPlus, IconUsers } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { createLazyRoute, getRouteApi } from "@tanstack/react-router";
import { PortfolioFilters } from "../features/projects/PortfolioFilters.tsx";
import { PortfolioTable } from "../features/projects/PortfolioTable.tsx";
import type { PortfolioSearch } from "../features/projects/portfolioSearch.ts";
import { useTRPC } from "../lib/trpc.ts";
import { EmptyState } from "../ui/EmptyState.tsx";
import { ErrorAlert } from "../ui/ErrorAlert.tsx";
import { LoadingRows } from "../ui/Loading.tsx";
import { ButtonLink } from "../ui/links.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";

const route = getRouteApi("/_authed/_org/projects");

export const Route = createLazyRoute("/_authed/_org/projects")({ component: PortfolioPage });

function PortfolioPage() {
  const trpc = useTRPC();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const session = useQuery(trpc.session.get.queryOptions());
  const projects = useQuery({
    ...trpc.project.list.queryOptions({ includeArchived: search.archived }),
    // Toggling "include archived" keeps the rows on screen until the other list arrives.
    placeholderData: keepPreviousData,
  });
  const orgRole = session.data?.activeOrg?.role;
  const canCreate = orgRole === "owner" || orgRole === "admin";

  function update(patch: Partial<PortfolioSearch>) {
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  }

  const filtered = Boolean(search.q || search.stage || search.status);
  const newProject = canCreate ? (
    <ButtonLink to="/projects/new" leftSection={<IconFolderPlus size={18} aria-hidden />}>
      New project
    </ButtonLink>
  ) : null;

  let body: React.ReactNode;
  if (projects.isPending) {
    body = <LoadingRows label="Loading projects" />;
  } else if (projects.isError) {
    body = (
      <ErrorAlert
        error={projects.error}
        title="Projects could not be loaded"
        onRetry={() => void projects.refetch()}
      />
    );
  } else if (projects.data.length === 0 && !filtered) {
    body = canCreate ? (
      <EmptyState
        icon={<IconFolderPlus size={28} aria-hidden />}
        title="No projects yet — create the first"
        description="A project holds the plan, the IPM/PM split of responsibilities, milestones, risks and stakeholders of one rollout."
        action={newProject}
      />
    ) : (
      <EmptyState
        icon={<IconUsers size={28} aria-hidden />}
        title="You're not on any project yet"
        description="Projects you are added to appear here. Ask a project manager or an organisation admin to add you."
      />
    );
  } else {
    body = (
      <PortfolioTable
        projects={projects.data}
        search={search}
        onSortChange={(sort, desc) => update({ sort, desc })}
        onClearFilters={() => update({ q: "", stage: undefined, status: undefined })}
      />
    );
  }

  return (
    <>
      <PageHeader
        title="Portfolio"
        description={
          canCreate
            ? "Every project in your organisation, with its stage, go-live and people."
            : "The projects you are on, with their stage, go-live and people."
        }
        actions={newProject}
      />
      <PortfolioFilters search={search} onChange={update} />
      <Paper withBorder radius="md" p="md">
        {body}
      </Paper>
    </>
  );
}
