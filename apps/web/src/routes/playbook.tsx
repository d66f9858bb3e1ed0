import { Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { createLazyRoute } from "@tanstack/react-router";
import { SettingsTabs } from "../features/orgs/SettingsTabs.tsx";
import { PlaybookTable } from "../features/playbook/PlaybookTable.tsx";
import { useTRPC } from "../lib/trpc.ts";
import { PageHeader } from "../ui/PageHeader.tsx";

export const Route = createLazyRoute("/_authed/_org/settings/playbook")({
  component: PlaybookPage,
});

function PlaybookPage() {
  const trpc = useTRPC();
  const session = useQuery(trpc.session.get.queryOptions());
  const role = session.data?.activeOrg?.role;
  const canManage = role === "owner" || role === "admin";
  return (
    <>
      <PageHeader
        title="Organisation settings"
        description="Name, members and invitations of your organisation, and its responsibility playbook."
      />
      <SettingsTabs />
      <Text size="sm" mb="md" maw={760}>
        For each task category, the responsibility letters a new task gets, and what “Suggest” fills
        in on existing tasks (never over letters someone set, unless asked).{" "}
        {canManage
          ? "Changes apply to tasks created or suggested from now on."
          : "Owners and admins of the organisation change it."}
      </Text>
      <PlaybookTable canManage={canManage} />
    </>
  );
}
