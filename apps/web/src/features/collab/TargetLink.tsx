import type { ProjectAccessRole } from "@rollout/domain";
import { useNavigate } from "@tanstack/react-router";
import { type ReactNode, useCallback } from "react";
import { AnchorLink } from "../../ui/links.tsx";
import { targetPlace } from "./targets.ts";

/** Goes to where a thing is shown (its drawer or panel open), or the project overview. */
export function useOpenTarget() {
  const navigate = useNavigate();
  return useCallback(
    (projectId: string, entityType: string, entityId: string) => {
      const place = targetPlace(entityType, entityId) ?? { page: "overview" as const };
      const params = { projectId };
      switch (place.page) {
        case "plan":
          return void navigate({ to: "/projects/$projectId/plan", params, search: place.search });
        case "milestones":
          return void navigate({
            to: "/projects/$projectId/milestones",
            params,
            search: place.search,
          });
        case "raid":
          return void navigate({ to: "/projects/$projectId/raid", params, search: place.search });
        case "stakeholders":
          return void navigate({
            to: "/projects/$projectId/stakeholders",
            params,
            search: place.search,
          });
        case "reports":
          return void navigate({
            to: "/projects/$projectId/reports",
            params,
            search: place.search,
          });
        case "review":
          return void navigate({ to: "/projects/$projectId/review", params });
        case "overview":
          return void navigate({ to: "/projects/$projectId", params });
      }
    },
    [navigate],
  );
}

/** A thing named in a sentence, as a link to where it is shown; plain bold text otherwise. */
export function TargetLink({
  projectId,
  entityType,
  entityId,
  role,
  children,
}: {
  projectId: string;
  entityType: string;
  entityId: string;
  role: ProjectAccessRole;
  children: ReactNode;
}) {
  const place = targetPlace(entityType, entityId, role);
  const params = { projectId };
  const common = { fw: 600, inherit: true } as const;
  switch (place?.page) {
    case "plan":
      return (
        <AnchorLink
          to="/projects/$projectId/plan"
          params={params}
          search={place.search}
          {...common}
        >
          {children}
        </AnchorLink>
      );
    case "milestones":
      return (
        <AnchorLink
          to="/projects/$projectId/milestones"
          params={params}
          search={place.search}
          {...common}
        >
          {children}
        </AnchorLink>
      );
    case "raid":
      return (
        <AnchorLink
          to="/projects/$projectId/raid"
          params={params}
          search={place.search}
          {...common}
        >
          {children}
        </AnchorLink>
      );
    case "stakeholders":
      return (
        <AnchorLink
          to="/projects/$projectId/stakeholders"
          params={params}
          search={place.search}
          {...common}
        >
          {children}
        </AnchorLink>
      );
    case "reports":
      return (
        <AnchorLink
          to="/projects/$projectId/reports"
          params={params}
          search={place.search}
          {...common}
        >
          {children}
        </AnchorLink>
      );
    case "review":
      return (
        <AnchorLink to="/projects/$projectId/review" params={params} {...common}>
          {children}
        </AnchorLink>
      );
    case "overview":
      return (
        <AnchorLink to="/projects/$projectId" params={params} {...common}>
          {children}
        </AnchorLink>
      );
    default:
      return <strong>{children}</strong>;
  }
}
