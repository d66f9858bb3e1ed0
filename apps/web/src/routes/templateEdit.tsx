import { IconArrowLeft } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { createLazyRoute, getRouteApi } from "@tanstack/react-router";
import { SettingsTabs } from "../features/orgs/SettingsTabs.tsx";
import { TemplateEditor } from "../features/templates/TemplateEditor.tsx";
import { useTemplate } from "../features/templates/templateData.ts";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorAlert } from "../ui/ErrorAlert.tsx";
import { LoadingRows } from "../ui/Loading.tsx";
import { ButtonLink } from "../ui/links.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";

const route = getRouteApi("/_authed/_org/settings/templates/$templateId");

export const Route = createLazyRoute("/_authed/_org/settings/templates/$templateId")({
  component: TemplatePage,
});

function TemplatePage() {
  const { templateId } = route.useParams();
  const trpc = useTRPC();
  const session = useQuery(trpc.session.get.queryOptions());
  const role = session.data?.activeOrg?.role;
  const canManage = role === "owner" || role === "admin";
  const template = useTemplate(templateId);
  return (
    <>
      <PageHeader
        title="Organisation settings"
        description="A template's details and plan."
        actions={
          <ButtonLink
            to="/settings/templates"
            variant="default"
            leftSection={<IconArrowLeft size={16} aria-hidden />}
          >
            All templates
          </ButtonLink>
        }
      />
      <SettingsTabs />
      {template.isPending ? (
        <LoadingRows rows={8} label="Loading the template" />
      ) : template.isError ? (
        <ErrorAlert
          error={template.error}
          title="The template could not be loaded"
          onRetry={() => void template.refetch()}
        />
      ) : (
        <TemplateEditor key={template.data.id} template={template.data} canManage={canManage} />
      )}
    </>
  );
}
