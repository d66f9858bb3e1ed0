import { Button, Paper } from "@mantine/core";
import { todayUtc } from "@rollout/domain";
import { IconFileSpreadsheet, IconFolderPlus, IconUsers } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { createLazyRoute, getRouteApi } from "@tanstack/react-router";
import { useMemo } from "react";
import { PortfolioSummary } from "../features/dashboard/PortfolioSummary.tsx";
import { portfolioCsv } from "../features/dashboard/portfolioCsv.ts";
import { portfolioCounts, portfolioRows } from "../features/dashboard/portfolioView.ts";
import { SavedViews } from "../features/dashboard/SavedViews.tsx";
import { savedViewsKey } from "../features/dashboard/savedViews.ts";
import { PortfolioFilters } from "../features/projects/PortfolioFilters.tsx";
import { PortfolioTable } from "../features/projects/PortfolioTable.tsx";
import {
  clearedPortfolioFilters,
  hasPortfolioFilters,
  type PortfolioSearch,
} from "../features/projects/portfolioSearch.ts";
import { downloadCsv } from "../lib/download.ts";
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
  const dashboard = useQuery({
    ...trpc.dashboard.portfolio.queryOptions({ includeArchived: search.archived }),
    // Toggling "include archived" keeps the rows on screen until the other list arrives.
    placeholderData: keepPreviousData,
  });
  const orgRole = session.data?.activeOrg?.role;
  const canCreate = orgRole === "owner" || orgRole === "admin";
  const items = dashboard.data?.items;
  const rows = useMemo(() => (items ? portfolioRows(items, search) : []), [items, search]);
  const counts = useMemo(() => portfolioCounts(items ?? []), [items]);

  function update(patch: Partial<PortfolioSearch>) {
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  }

  const newProject = canCreate ? (
    <ButtonLink to="/projects/new" leftSection={<IconFolderPlus size={18} aria-hidden />}>
      New project
    </ButtonLink>
  ) : null;
  const user = session.data?.user;
  const org = session.data?.activeOrg;
  const views =
    user && org ? (
      <SavedViews
        storageKey={savedViewsKey(user.id, org.id)}
        search={search}
        // A saved view replaces the whole search, and is a step Back can undo.
        onApply={(next) => void navigate({ search: next })}
      />
    ) : null;

  let body: React.ReactNode;
  if (dashboard.isPending) {
    body = (
      <Paper withBorder radius="md" p="md">
        <LoadingRows label="Loading projects" />
      </Paper>
    );
  } else if (dashboard.isError) {
    body = (
      <ErrorAlert
        error={dashboard.error}
        title="Projects could not be loaded"
        onRetry={() => void dashboard.refetch()}
      />
    );
  } else if (dashboard.data.items.length === 0 && !hasPortfolioFilters(search)) {
    body = (
      <Paper withBorder radius="md" p="md">
        {canCreate ? (
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
        )}
      </Paper>
    );
  } else {
    body = (
      <>
        <PortfolioSummary
          counts={counts}
          goLivesThisMonth={dashboard.data.summary.goLivesThisMonth}
          search={search}
          onChange={update}
        />
        <PortfolioFilters search={search} onChange={update} />
        <Paper withBorder radius="md" p="md">
          <PortfolioTable
            rows={rows}
            total={dashboard.data.items.length}
            search={search}
            onSortChange={(sort, desc) => update({ sort, desc })}
            onClearFilters={() => update(clearedPortfolioFilters)}
          />
        </Paper>
      </>
    );
  }

  return (
    <div className="portfolio-page">
      <PageHeader
        title="Portfolio"
        description={
          canCreate
            ? "Every project in your organisation: health by the written rules, progress against plan, the next milestone and what is slipping."
            : "The projects you are on: health by the written rules, progress against plan and the next milestone."
        }
        actions={
          <>
            {views}
            <Button
              variant="default"
              leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
              disabled={rows.length === 0}
              onClick={() => downloadCsv(`portfolio-${todayUtc()}.csv`, portfolioCsv(rows))}
            >
              Export CSV
            </Button>
            {canCreate ? (
              <ButtonLink to="/projects/import" variant="default">
                Import
              </ButtonLink>
            ) : null}
            {newProject}
          </>
        }
      />
      {body}
    </div>
  );
}
