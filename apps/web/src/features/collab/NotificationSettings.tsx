import { Alert, Paper, Stack, Switch, Text } from "@mantine/core";
import { type NotificationKind, notificationKindLabels, notificationKinds } from "@rollout/domain";
import { IconMail } from "@tabler/icons-react";
import { useState } from "react";
import { errorInfo } from "../../lib/trpc.ts";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { LoadingRows } from "../../ui/Loading.tsx";
import { useNotificationPrefs } from "./collabData.ts";

/** Why each kind exists, under its switch. */
const kindHints: Record<NotificationKind, string> = {
  mention: "A comment names you with @.",
  assignment: "Someone makes you the assignee of a task.",
  responsibility: "The RACI letters change on a task assigned to you.",
  signoff_request: "You are asked to sign off a gate or a post-implementation review.",
  due_tomorrow: "A reminder the day before an open task of yours is due.",
  overdue: "An open task of yours is past its due date.",
  gate_decision: "As PM, a gate is ready for (or close to) its go/no-go decision.",
};

/** Which kinds of notification this person gets: each saved as soon as it is switched. */
export function NotificationSettings() {
  const { prefs, save } = useNotificationPrefs();
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState<NotificationKind | null>(null);

  if (prefs.isPending) return <LoadingRows rows={7} label="Loading your notification settings" />;
  if (prefs.isError) {
    return (
      <ErrorAlert
        error={prefs.error}
        title="Your settings could not be loaded"
        onRetry={() => void prefs.refetch()}
      />
    );
  }
  const enabled = new Set(prefs.data.kinds.filter((k) => k.enabled).map((k) => k.kind));

  function toggle(kind: NotificationKind, on: boolean) {
    const next = notificationKinds.filter((k) => (k === kind ? on : enabled.has(k)));
    setFailure(null);
    setSaving(kind);
    save.mutate(
      { enabled: next },
      {
        onError: (e) => setFailure(errorInfo(e).message),
        onSettled: () => setSaving(null),
      },
    );
  }

  return (
    <Stack gap="md" maw={640}>
      <Alert variant="light" color="gray" icon={<IconMail size={18} aria-hidden />}>
        <Text size="sm">
          Notifications appear under the bell in the header, live. E-mail is not configured on this
          server yet; once it is, these same choices will apply to it.
        </Text>
      </Alert>
      {failure ? (
        <Alert color="red" variant="light" role="alert" title="Not saved">
          {failure}
        </Alert>
      ) : null}
      <Paper withBorder radius="md" p="lg">
        <Stack gap="lg" role="group" aria-label="Notify me when">
          <Text fw={600} size="sm">
            Notify me when
          </Text>
          {notificationKinds.map((kind) => (
            <Switch
              key={kind}
              label={notificationKindLabels[kind]}
              description={kindHints[kind]}
              checked={enabled.has(kind)}
              disabled={saving !== null}
              onChange={(e) => toggle(kind, e.currentTarget.checked)}
            />
          ))}
        </Stack>
      </Paper>
      <Text size="xs" c="dimmed" aria-live="polite">
        {saving ? "Saving…" : save.isSuccess ? "Saved." : "Changes are saved as you switch them."}
      </Text>
    </Stack>
  );
}
