import { Alert, Stack } from "@mantine/core";
import { projectAllows } from "@rollout/domain";
import { IconLock } from "@tabler/icons-react";
import { createLazyRoute, getRouteApi } from "@tanstack/react-router";
import { ExportProjectCard } from "../features/exchange/ExportProjectCard.tsx";
import { ArchiveCard } from "../features/projects/ArchiveCard.tsx";
import { EditProjectForm } from "../features/projects/EditProjectForm.tsx";
import { HealthOverrideCard } from "../features/projects/HealthOverrideCard.tsx";
import { useProject } from "../features/projects/useProject.ts";
import { SaveAsTemplateCard } from "../features/templates/SaveAsTemplateCard.tsx";
import { TrashCard } from "../features/trash/TrashCard.tsx";

const route = getRouteApi("/_authed/_org/projects/$projectId/settings");

export const Route = createLazyRoute("/_authed/_org/projects/$projectId/settings")({
  component: ProjectSettingsPage,
});

function ProjectSettingsPage() {
  const { projectId } = route.useParams();
  const { data: project } = useProject(projectId);
  if (!project.canEdit) {
    return (
      <Alert color="gray" icon={<IconLock size={18} aria-hidden />} title="Read-only">
        Your role on this project does not change its settings. The Overview shows everything about
        it.
      </Alert>
    );
  }
  return (
    <Stack gap="xl">
      <EditProjectForm project={project} />
      {projectAllows("project.health.override", project.myRole) ? (
        <HealthOverrideCard project={project} />
      ) : null}
      {projectAllows("project.export", project.myRole) ? (
        <ExportProjectCard projectId={project.id} projectKey={project.key} />
      ) : null}
      {projectAllows("template.saveFrom", project.myRole) ? (
        <SaveAsTemplateCard project={project} canManage={project.myRole === "admin"} />
      ) : null}
      {projectAllows("trash.manage", project.myRole) ? <TrashCard projectId={project.id} /> : null}
      {projectAllows("project.archive", project.myRole) ? <ArchiveCard project={project} /> : null}
    </Stack>
  );
}
