import { Alert, Button, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { orgRoleLabels, projectRoleLabels } from "@rollout/domain";
import { IconAlertTriangle, IconCheck, IconUserCircle } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { errorInfo, useTRPC } from "../../lib/trpc.ts";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { formatDate } from "../../ui/format.ts";
import { PageLoader } from "../../ui/Loading.tsx";
import { ButtonLink } from "../../ui/links.tsx";
import { AuthCard } from "../auth/AuthCard.tsx";
import { useSignOut } from "../auth/useSignOut.ts";
import { useOrgChanged } from "../orgs/useOrgChanged.ts";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {children}
      </Text>
    </div>
  );
}

/**
 * What an invitation link offers, and the one next step: sign up or in (coming back here),
 * accept, or switch accounts when signed in with another address.
 */
export function InvitationView({ token }: { token: string }) {
  const trpc = useTRPC();
  const changed = useOrgChanged();
  const preview = useQuery(trpc.invitation.preview.queryOptions({ token }));
  const session = useQuery(trpc.session.get.queryOptions());
  const { signOut, pending: signingOut } = useSignOut();
  const accept = useMutation(
    trpc.invitation.accept.mutationOptions({
      // A new membership, now the active organisation: every cached answer is out of date.
      onSuccess: async ({ projectId }) => {
        await changed.run(
          projectId ? { to: "/projects/$projectId", params: { projectId } } : { to: "/projects" },
        );
        notifications.show({
          color: "green",
          title: "Welcome aboard",
          message: "You have joined.",
        });
      },
    }),
  );

  if (preview.isPending || session.isPending) {
    return (
      <AuthCard title="Invitation">
        <PageLoader label="Loading the invitation" />
      </AuthCard>
    );
  }
  if (preview.isError) {
    const info = errorInfo(preview.error);
    // Used, revoked and unknown links answer alike (so links cannot be probed); say what it may be.
    const unknown = info.code === "NOT_FOUND" && !/expired/i.test(info.message);
    return (
      <AuthCard title="This invitation cannot be used">
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
          {unknown
            ? "The link may have been used already, revoked, or replaced by a newer invitation. Ask the person who invited you for a new link."
            : info.message}
        </Alert>
        <ButtonLink to="/projects" variant="default">
          Go to Rollout
        </ButtonLink>
      </AuthCard>
    );
  }

  const inv = preview.data;
  const me = session.data;
  const here = `/invite/${token}`;
  const rightPerson = me && me.user.email.toLowerCase() === inv.email.toLowerCase();

  return (
    <AuthCard
      title={`Join ${inv.orgName}`}
      subtitle={`${inv.invitedBy} invited ${inv.email} to Rollout.`}
    >
      <SimpleGrid cols={2} spacing="md">
        <Fact label="Organisation">{inv.orgName}</Fact>
        <Fact label="Your role">{orgRoleLabels[inv.role]}</Fact>
        {inv.projectName ? <Fact label="Project">{inv.projectName}</Fact> : null}
        {inv.projectRole ? (
          <Fact label="Project role">{projectRoleLabels[inv.projectRole]}</Fact>
        ) : null}
        <Fact label="Invited by">{inv.invitedBy}</Fact>
        <Fact label="Valid until">{formatDate(inv.expiresAt)}</Fact>
      </SimpleGrid>

      {!me ? (
        <Stack gap="sm">
          <Text size="sm">
            To accept, create an account with <b>{inv.email}</b>, or sign in if you already have
            one. You come back here afterwards.
          </Text>
          <ButtonLink to="/sign-up" search={{ email: inv.email, redirect: here }} fullWidth>
            Create an account
          </ButtonLink>
          <ButtonLink
            to="/sign-in"
            search={{ email: inv.email, redirect: here }}
            variant="default"
            fullWidth
          >
            I already have an account
          </ButtonLink>
        </Stack>
      ) : rightPerson ? (
        <Stack gap="sm">
          {accept.isError ? <ErrorAlert error={accept.error} title="Could not accept" /> : null}
          <Button
            leftSection={<IconCheck size={18} aria-hidden />}
            onClick={() => accept.mutate({ token })}
            loading={accept.isPending || changed.settling}
            fullWidth
          >
            Accept invitation
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            Signed in as {me.user.email}
          </Text>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Alert
            color="orange"
            variant="light"
            icon={<IconUserCircle size={18} aria-hidden />}
            title="Wrong account"
          >
            This invitation is for <b>{inv.email}</b>, but you are signed in as{" "}
            <b>{me.user.email}</b>. Sign out, then sign in or create an account with {inv.email}.
          </Alert>
          <Group grow>
            <Button
              variant="default"
              loading={signingOut}
              onClick={() =>
                void signOut(
                  `/sign-in?${new URLSearchParams({ email: inv.email, redirect: here })}`,
                )
              }
            >
              Sign out and switch
            </Button>
          </Group>
        </Stack>
      )}
    </AuthCard>
  );
}
