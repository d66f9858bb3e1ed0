import { createLazyRoute } from "@tanstack/react-router";
import { NotificationSettings } from "../features/collab/NotificationSettings.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";

export const Route = createLazyRoute("/_authed/_org/settings/notifications")({
  component: NotificationSettingsPage,
});

function NotificationSettingsPage() {
  return (
    <>
      <PageHeader
        title="Notification settings"
        description="Your own choice of what rings the bell, in every organisation you belong to."
      />
      <NotificationSettings />
    </>
  );
}
