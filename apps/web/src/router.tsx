import { myWorkGroups, projectAllows } from "@rollout/domain";
import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
  stripSearchParams,
} from "@tanstack/react-router";
import { AppLayout } from "./app/AppLayout.tsx";
import { RouteError, RouteNotFound } from "./app/RouteError.tsx";
import { authSearch } from "./features/auth/authSearch.ts";
import { lessonsSearch, lessonsSearchDefaults } from "./features/lessons/lessonsSearch.ts";
import { myWorkGroupInput, myWorkNextPage } from "./features/myWork/myWorkData.ts";
import { pirSearch } from "./features/pir/pirSearch.ts";
import {
  matrixSearch,
  matrixSearchDefaults,
  planSearch,
  planSearchDefaults,
} from "./features/plan/planSearch.ts";
import { portfolioSearch, portfolioSearchDefaults } from "./features/projects/portfolioSearch.ts";
import { raidSearch, raidSearchDefaults } from "./features/raid/raidSearch.ts";
import { reportsSearch, reportsSearchDefaults } from "./features/reports/reportsSearch.ts";
import {
  ganttSearch,
  ganttSearchDefaults,
  milestonesSearch,
} from "./features/schedule/scheduleSearch.ts";
import { prefetchStakeholders } from "./features/stakeholders/stakeholderPrefetch.ts";
import {
  stakeholdersSearch,
  stakeholdersSearchDefaults,
} from "./features/stakeholders/stakeholderSearch.ts";
import { safeRedirect } from "./lib/auth.ts";
import type { Trpc } from "./lib/trpc.ts";
import { todayLocal } from "./ui/format.ts";
import { PageLoader } from "./ui/Loading.tsx";

export interface RouterContext {
  trpc: Trpc;
  queryClient: QueryClient;
}

/**
 * The route tree, in code (no generator). Pages are split into their own chunks with `.lazy()`;
 * guards, search validation and loaders stay here so navigation can start before a chunk loads.
 */
const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: RouteNotFound,
  errorComponent: RouteError,
});

/** The session, fetched again when older than the default stale time or invalidated. */
function currentSession({ queryClient, trpc }: RouterContext) {
  return queryClient.fetchQuery(trpc.session.get.queryOptions());
}

/** Someone already signed in who opens sign-in or sign-up goes where they were heading. */
async function skipWhenSignedIn({
  context,
  search,
}: {
  context: RouterContext;
  search: { redirect?: string | undefined };
}) {
  if (await currentSession(context)) {
    throw redirect({ href: safeRedirect(search.redirect) ?? "/projects", replace: true });
  }
}

// ── Signed out ────────────────────────────────────────────────────────────────────────────────
const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "sign-in",
  validateSearch: authSearch,
  beforeLoad: skipWhenSignedIn,
}).lazy(() => import("./routes/signIn.tsx").then((m) => m.Route));

const signUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "sign-up",
  validateSearch: authSearch,
  beforeLoad: skipWhenSignedIn,
}).lazy(() => import("./routes/signUp.tsx").then((m) => m.Route));

const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "invite/$token",
}).lazy(() => import("./routes/invite.tsx").then((m) => m.Route));

/** A share link: the project's stakeholder view, for anyone holding a live token. */
const shareRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "share/$token",
}).lazy(() => import("./routes/share.tsx").then((m) => m.Route));

// ── Signed in ─────────────────────────────────────────────────────────────────────────────────
const authedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "_authed",
  beforeLoad: async ({ context, location }) => {
    const session = await currentSession(context);
    if (!session) {
      throw redirect({ to: "/sign-in", search: { redirect: location.href } });
    }
    return { session };
  },
  component: AppLayout,
});

const createOrgRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: "orgs/new",
}).lazy(() => import("./routes/createOrg.tsx").then((m) => m.Route));

/** Everything below needs an active organisation. */
const orgRoute = createRoute({
  getParentRoute: () => authedRoute,
  id: "_org",
  beforeLoad: ({ context }) => {
    const activeOrg = context.session.activeOrg;
    if (!activeOrg) throw redirect({ to: "/orgs/new" });
    return { activeOrg };
  },
});

const homeRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/projects" });
  },
});

const portfolioRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "projects",
  validateSearch: portfolioSearch,
  search: { middlewares: [stripSearchParams(portfolioSearchDefaults)] },
  // Only "include archived" changes what is fetched; sort and filters work on the loaded rows.
  // Started here (also on hover) but not awaited: the page and its filters respond at once.
  loaderDeps: ({ search }) => ({ includeArchived: search.archived }),
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchQuery(context.trpc.dashboard.portfolio.queryOptions(deps));
  },
}).lazy(() => import("./routes/portfolio.tsx").then((m) => m.Route));

const newProjectRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "projects/new",
}).lazy(() => import("./routes/projectNew.tsx").then((m) => m.Route));

const projectImportRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "projects/import",
}).lazy(() => import("./routes/projectImport.tsx").then((m) => m.Route));

const projectRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "projects/$projectId",
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(
      context.trpc.project.get.queryOptions({ projectId: params.projectId }),
    ),
}).lazy(() => import("./routes/project.tsx").then((m) => m.Route));

/** The dashboard's figures and the risk heat map start loading with the page's chunk. */
const projectOverviewRoute = createRoute({
  getParentRoute: () => projectRoute,
  path: "/",
  loader: ({ context, params }) => {
    const input = { projectId: params.projectId };
    void context.queryClient.prefetchQuery(context.trpc.dashboard.project.queryOptions(input));
    void context.queryClient.prefetchQuery(context.trpc.raid.heatMap.queryOptions(input));
  },
}).lazy(() => import("./routes/projectOverview.tsx").then((m) => m.Route));

/** Starts fetching the plan with the page's chunk; the page shows its skeleton meanwhile. */
function prefetchPlan({
  context,
  params,
}: {
  context: RouterContext;
  params: { projectId: string };
}) {
  void context.queryClient.prefetchQuery(
    context.trpc.plan.get.queryOptions({ projectId: params.projectId }),
  );
}

const projectPlanRoute = createRoute({
  getParentRoute: () => projectRoute,
  path: "plan",
  validateSearch: planSearch,
  search: { middlewares: [stripSearchParams(planSearchDefaults)] },
  loader: prefetchPlan,
}).lazy(() => import("./routes/projectPlan.tsx").then((m) => m.Route));

/** The Gantt draws the plan on its computed schedule: both start loading with the chunk. */
const projectGanttRoute = createRoute({
  getParentRoute: () => projectRoute,
  path: "gantt",
  validateSearch: ganttSearch,
  search: { middlewares: [stripSearchParams(ganttSearchDefaults)] },
  loader: ({ context, params }) => {
    prefetchPlan({ context, params });
    void context.queryClient.prefetchQuery(
      context.trpc.schedule.get.queryOptions({ projectId: params.projectId }),
    );
  },
}).lazy(() => import("./routes/gantt.tsx").then((m) => m.Route));

const projectResponsibilitiesRoute = createRoute({
  getParentRoute: () => projectRoute,
  path: "responsibilities",
  validateSearch: matrixSearch,
  search: { middlewares: [stripSearchParams(matrixSearchDefaults)] },
  loader: prefetchPlan,
}).lazy(() => import("./routes/projectResponsibilities.tsx").then((m) => m.Route));

// Areas that later releases fill in; each is its own small chunk for now.
const projectMilestonesRoute = createRoute({
  getParentRoute: () => projectRoute,
  path: "milestones",
  validateSearch: milestonesSearch,
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(
      context.trpc.schedule.get.queryOptions({ projectId: params.projectId }),
    );
  },
}).lazy(() => import("./routes/milestones.tsx").then((m) => m.Route));

/** The log and its heat map start loading with the page's chunk. */
const projectRaidRoute = createRoute({
  getParentRoute: () => projectRoute,
  path: "raid",
  validateSearch: raidSearch,
  search: { middlewares: [stripSearchParams(raidSearchDefaults)] },
  loader: ({ context, params }) => {
    const input = { projectId: params.projectId };
    void context.queryClient.prefetchQuery(context.trpc.raid.list.queryOptions(input));
    void context.queryClient.prefetchQuery(context.trpc.raid.heatMap.queryOptions(input));
  },
}).lazy(() => import("./routes/projectRaid.tsx").then((m) => m.Route));

const projectStakeholdersRoute = createRoute({
  getParentRoute: () => projectRoute,
  path: "stakeholders",
  validateSearch: stakeholdersSearch,
  search: { middlewares: [stripSearchParams(stakeholdersSearchDefaults)] },
  loaderDeps: ({ search }) => ({ section: search.section }),
  loader: ({ context, params, deps }) =>
    prefetchStakeholders(context, params.projectId, deps.section),
}).lazy(() => import("./routes/projectStakeholders.tsx").then((m) => m.Route));

/** The report list and the milestone trend start loading with the page's chunk. */
const projectReportsRoute = createRoute({
  getParentRoute: () => projectRoute,
  path: "reports",
  validateSearch: reportsSearch,
  search: { middlewares: [stripSearchParams(reportsSearchDefaults)] },
  loader: ({ context, params }) => {
    const input = { projectId: params.projectId };
    void context.queryClient.prefetchQuery(context.trpc.report.list.queryOptions(input));
    void context.queryClient.prefetchQuery(context.trpc.report.trend.queryOptions(input));
  },
}).lazy(() => import("./routes/projectReports.tsx").then((m) => m.Route));

/** The review (a revision of it, from the URL) starts loading with the page's chunk. */
const projectReviewRoute = createRoute({
  getParentRoute: () => projectRoute,
  path: "review",
  validateSearch: pirSearch,
  loaderDeps: ({ search }) => ({ revision: search.revision }),
  loader: ({ context, params, deps }) => {
    void context.queryClient.prefetchQuery(
      context.trpc.pir.get.queryOptions(
        deps.revision === undefined
          ? { projectId: params.projectId }
          : { projectId: params.projectId, revision: deps.revision },
      ),
    );
  },
}).lazy(() => import("./routes/projectPir.tsx").then((m) => m.Route));

/** The project's history in sentences (the team's view); the first page starts with the chunk. */
const projectActivityRoute = createRoute({
  getParentRoute: () => projectRoute,
  path: "activity",
  loader: ({ context, params }) => {
    // The project is loaded by the parent route: stakeholders have no activity to fetch.
    const project = context.queryClient.getQueryData(
      context.trpc.project.get.queryKey({ projectId: params.projectId }),
    );
    if (!project || !projectAllows("activity.read", project.myRole)) return;
    void context.queryClient.prefetchInfiniteQuery(
      context.trpc.activity.list.infiniteQueryOptions(
        { projectId: params.projectId, entity: null, limit: 50 },
        { getNextPageParam: (page) => page.nextCursor ?? undefined },
      ),
    );
  },
}).lazy(() => import("./routes/projectActivity.tsx").then((m) => m.Route));

const projectMembersRoute = createRoute({
  getParentRoute: () => projectRoute,
  path: "members",
}).lazy(() => import("./routes/projectMembers.tsx").then((m) => m.Route));

const projectSettingsRoute = createRoute({
  getParentRoute: () => projectRoute,
  path: "settings",
}).lazy(() => import("./routes/projectSettings.tsx").then((m) => m.Route));

const orgSettingsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "settings",
}).lazy(() => import("./routes/orgSettings.tsx").then((m) => m.Route));

const playbookRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "settings/playbook",
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(context.trpc.playbook.get.queryOptions());
  },
}).lazy(() => import("./routes/playbook.tsx").then((m) => m.Route));

/** Each person's own choice of notifications (not an organisation setting). */
const notificationSettingsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "settings/notifications",
}).lazy(() => import("./routes/notificationSettings.tsx").then((m) => m.Route));

/** The organisation's templates, and one template's details and plan. */
const templatesRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "settings/templates",
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(context.trpc.template.list.queryOptions());
  },
}).lazy(() => import("./routes/templates.tsx").then((m) => m.Route));

const templateEditRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "settings/templates/$templateId",
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(
      context.trpc.template.get.queryOptions({ templateId: params.templateId }),
    );
  },
}).lazy(() => import("./routes/templateEdit.tsx").then((m) => m.Route));

/** The lessons library: every lesson of the organisation, for its project teams. */
const lessonsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "lessons",
  validateSearch: lessonsSearch,
  search: { middlewares: [stripSearchParams(lessonsSearchDefaults)] },
}).lazy(() => import("./routes/lessons.tsx").then((m) => m.Route));

const myWorkRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "my-work",
  loader: ({ context }) => {
    // The first page of every group, with the chunk (the tRPC link batches the four).
    const today = todayLocal();
    for (const group of myWorkGroups) {
      void context.queryClient.prefetchInfiniteQuery(
        context.trpc.myWork.list.infiniteQueryOptions(
          myWorkGroupInput(group, today),
          myWorkNextPage,
        ),
      );
    }
  },
}).lazy(() => import("./routes/myWork.tsx").then((m) => m.Route));

const routeTree = rootRoute.addChildren([
  signInRoute,
  signUpRoute,
  inviteRoute,
  shareRoute,
  authedRoute.addChildren([
    createOrgRoute,
    orgRoute.addChildren([
      homeRoute,
      portfolioRoute,
      newProjectRoute,
      projectImportRoute,
      projectRoute.addChildren([
        projectOverviewRoute,
        projectPlanRoute,
        projectGanttRoute,
        projectResponsibilitiesRoute,
        projectMilestonesRoute,
        projectRaidRoute,
        projectStakeholdersRoute,
        projectReportsRoute,
        projectReviewRoute,
        projectActivityRoute,
        projectMembersRoute,
        projectSettingsRoute,
      ]),
      orgSettingsRoute,
      playbookRoute,
      notificationSettingsRoute,
      templatesRoute,
      templateEditRoute,
      myWorkRoute,
      lessonsRoute,
    ]),
  ]),
]);

export function createAppRouter(context: RouterContext) {
  return createRouter({
    routeTree,
    context,
    // TanStack Query owns freshness; the router must not serve its own cached loader data.
    defaultPreload: "intent",
    defaultPreloadStaleTime: 0,
    // Errors show inside the nearest layout (the app frame stays), not instead of it.
    defaultErrorComponent: RouteError,
    defaultPendingComponent: () => <PageLoader />,
    defaultPendingMs: 250,
    // Once shown, the spinner stays at least this long (no flicker). The default, 500 ms, held
    // pages whose data came just after the spinner appeared (a 5,000-task plan) back by up to
    // half a second.
    defaultPendingMinMs: 200,
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module "@tanstack/react-router" {
  interface Register {
    router: AppRouter;
  }
}
