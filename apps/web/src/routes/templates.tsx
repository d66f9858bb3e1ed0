import { useQuery } from "@tanstack/react-query";
import { createLazyRoute } from "@tanstack/react-router";
import { SettingsTabs } from "../features/orgs/SettingsTabs.tsx";
import { TemplatesList } from "../features/templates/TemplatesList.tsx";
import { useTRPC } from "../lib/trpc.ts";
import { PageHeader } from "../ui/PageHeader.tsx";

export const Route = createLazyRoute("/_authed/_org/settings/templates")({
  component: TemplatesPage,
});

function TemplatesPage() {
  const trpc = useTRPC();
  const session = useQuery(trpc.session.get.queryOptions());
  const role = session.data?.activeOrg?.role;
  const canManage = role === "owner" || role === "admin";
  return (
    <>
      <PageHeader
        title="Organisation settings"
        description="Templates new projects start from: the built-ins and your organisation's own."
      />
      <SettingsTabs />
      <TemplatesList canManage={canManage} />
    </>
  );
}
