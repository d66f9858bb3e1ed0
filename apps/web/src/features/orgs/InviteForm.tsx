import {
  ActionIcon,
  Alert,
  Button,
  CopyButton,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from "@mantine/core";
import {
  canAssignOrgRole,
  invitationCreateInput,
  type OrgRole,
  orgRoleLabels,
  orgRoles,
  type ProjectRole,
  projectRoleLabels,
  projectRoles,
} from "@rollout/domain";
import { IconCheck, IconCopy, IconMailForward, IconX } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { isOneOf } from "../../lib/isOneOf.ts";
import { errorInfo, useTRPC } from "../../lib/trpc.ts";
import { type FieldErrors, unplacedErrors, zodFieldErrors } from "../../ui/fieldErrors.ts";
import { formatDate } from "../../ui/format.ts";
import { useInvite } from "./orgMutations.ts";

const projectRoleOptions = projectRoles.map((r) => ({ value: r, label: projectRoleLabels[r] }));

interface Created {
  email: string;
  link: string;
  expiresAt: string;
  projectName: string | null;
}

/** The link of a fresh invitation: there is no mail server, so the inviter passes it on. */
function InvitationLink({ created, onDone }: { created: Created; onDone: () => void }) {
  return (
    <Alert
      color="green"
      variant="light"
      icon={<IconMailForward size={18} aria-hidden />}
      title={`Invitation ready for ${created.email}`}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onDone}
    >
      <Stack gap="xs">
        <Text size="sm">
          Rollout does not send email. Copy this link and send it to {created.email} yourself. It
          works once, only for that address, until {formatDate(created.expiresAt)}.
        </Text>
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            label="Invitation link"
            value={created.link}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
            style={{ flex: 1 }}
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 12 } }}
          />
          <CopyButton value={created.link} timeout={2000}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? "Copied" : "Copy link"} withArrow>
                <ActionIcon
                  size={36}
                  variant={copied ? "filled" : "default"}
                  color={copied ? "teal" : undefined}
                  onClick={copy}
                  aria-label={copied ? "Copied" : "Copy link"}
                >
                  {copied ? (
                    <IconCheck size={16} aria-hidden />
                  ) : (
                    <IconCopy size={16} aria-hidden />
                  )}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}

/** Invite someone by email into the organisation, optionally straight onto a project. */
export function InviteForm({ myRole }: { myRole: OrgRole }) {
  const trpc = useTRPC();
  const projects = useQuery(trpc.project.list.queryOptions({ includeArchived: false }));
  const invite = useInvite();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<OrgRole>("member");
  const [projectId, setProjectId] = useState("");
  const [projectRole, setProjectRole] = useState<ProjectRole>("contributor");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<Created | null>(null);

  const roleOptions = orgRoles
    .filter((r) => canAssignOrgRole(myRole, r))
    .map((r) => ({ value: r, label: orgRoleLabels[r] }));
  const projectOptions = [
    { value: "", label: "No project — organisation only" },
    ...(projects.data ?? []).map((p) => ({ value: p.id, label: `${p.key} — ${p.name}` })),
  ];

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = invitationCreateInput.safeParse({
      email,
      role,
      projectId: projectId || null,
      projectRole: projectId ? projectRole : null,
    });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    invite.mutate(parsed.data, {
      onSuccess: (result) => {
        setCreated({
          email: result.invitation.email,
          link: result.link,
          expiresAt: result.invitation.expiresAt,
          projectName: result.invitation.projectName,
        });
        setEmail("");
      },
      onError: (error) => {
        const info = errorInfo(error);
        setErrors(Object.keys(info.fieldErrors).length ? info.fieldErrors : { _: info.message });
      },
    });
  }

  const other = unplacedErrors(errors, ["email", "role", "projectId", "projectRole"]);

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <div>
          <Title order={2} fz="h4">
            Invite someone
          </Title>
          <Text size="sm" c="dimmed">
            They join with the role you choose once they accept with this email address.
          </Text>
        </div>
        {created ? <InvitationLink created={created} onDone={() => setCreated(null)} /> : null}
        <form onSubmit={submit} noValidate aria-label="Invite someone">
          <Stack gap="md">
            {other.length ? (
              <Alert
                color="red"
                variant="light"
                role="alert"
                icon={<IconX size={18} aria-hidden />}
              >
                {other.join(" ")}
              </Alert>
            ) : null}
            <Group align="flex-start" gap="md" wrap="wrap">
              <TextInput
                label="Email"
                type="email"
                required
                placeholder="name@example.com"
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={errors.email}
                style={{ flex: "2 1 16rem" }}
                autoComplete="off"
              />
              <NativeSelect
                label="Organisation role"
                data={roleOptions}
                value={role}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  if (isOneOf(orgRoles, value)) setRole(value);
                }}
                error={errors.role}
                style={{ flex: "1 1 10rem" }}
              />
            </Group>
            <Group align="flex-start" gap="md" wrap="wrap">
              <NativeSelect
                label="Project (optional)"
                data={projectOptions}
                value={projectId}
                onChange={(e) => setProjectId(e.currentTarget.value)}
                error={errors.projectId}
                disabled={projects.isPending}
                style={{ flex: "2 1 16rem" }}
              />
              <NativeSelect
                label="Project role"
                data={projectRoleOptions}
                value={projectRole}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  if (isOneOf(projectRoles, value)) setProjectRole(value);
                }}
                error={errors.projectRole}
                disabled={!projectId}
                description={projectId ? undefined : "Choose a project first"}
                style={{ flex: "1 1 10rem" }}
              />
            </Group>
            <Group justify="flex-end">
              <Button
                type="submit"
                loading={invite.isPending}
                leftSection={<IconMailForward size={16} aria-hidden />}
              >
                Create invitation
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
