import { Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { createLazyRoute } from "@tanstack/react-router";
import { HealthThresholdsForm } from "../features/orgs/HealthThresholdsForm.tsx";
import { InvitationsList } from "../features/orgs/InvitationsList.tsx";
import { InviteForm } from "../features/orgs/InviteForm.tsx";
import { OrgMembersTable } from "../features/orgs/OrgMembersTable.tsx";
import { RenameOrgForm } from "../features/orgs/RenameOrgForm.tsx";
import { RiskBandsForm } from "../features/orgs/RiskBandsForm.tsx";
import { SettingsTabs } from "../features/orgs/SettingsTabs.tsx";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorAlert } from "../ui/ErrorAlert.tsx";
import { LoadingRows } from "../ui/Loading.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";

export const Route = createLazyRoute("/_authed/_org/settings")({ component: OrgSettingsPage });

function OrgSettingsPage() {
  const trpc = useTRPC();
  const session = useQuery(trpc.session.get.queryOptions());
  const org = useQuery(trpc.org.get.queryOptions());
  const activeOrg = session.data?.activeOrg;
  const manages = activeOrg?.role === "owner" || activeOrg?.role === "admin";

  return (
    <>
      <PageHeader
        title="Organisation settings"
        description={
          manages
            ? "Name, risk bands, health rules, members and invitations of your organisation."
            : "Who is in your organisation. Owners and admins manage members and invitations."
        }
      />
      <SettingsTabs />
      <Stack gap="lg">
        {org.isPending ? (
          <LoadingRows rows={1} label="Loading organisation" />
        ) : org.isError ? (
          <ErrorAlert
            error={org.error}
            title="The organisation could not be loaded"
            onRetry={() => void org.refetch()}
          />
        ) : (
          <>
            <RenameOrgForm key={org.data.id} org={org.data} canEdit={manages} />
            <RiskBandsForm key={`risk-${org.data.id}`} org={org.data} canEdit={manages} />
            <HealthThresholdsForm key={`health-${org.data.id}`} org={org.data} canEdit={manages} />
          </>
        )}
        {manages && activeOrg ? <InviteForm myRole={activeOrg.role} /> : null}
        {manages ? <InvitationsList /> : null}
        {activeOrg ? (
          <OrgMembersTable
            orgSlug={activeOrg.slug}
            myRole={activeOrg.role}
            myUserId={session.data?.user.id}
          />
        ) : null}
      </Stack>
    </>
  );
}
