import { Button, Center, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconLinkOff, IconPrinter } from "@tabler/icons-react";
import { type ReactNode, useEffect } from "react";
import { errorInfo } from "../../lib/trpc.ts";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { PageLoader } from "../../ui/Loading.tsx";
import { Logo } from "../../ui/Logo.tsx";
import { StakeholderView } from "./StakeholderView.tsx";
import { useSharedView } from "./shareData.ts";
import "./share.css";

/** Link refusals: unknown, revoked and expired all answer alike, and a malformed token too. */
const deadLink = new Set(["NOT_FOUND", "BAD_REQUEST"]);

/**
 * The page a share link opens, outside the signed-in app: a small Rollout header, the project's
 * stakeholder view, nothing to navigate to. A dead link gets a plain explanation.
 */
export function SharedProjectPage({ token }: { token: string }) {
  const view = useSharedView(token);
  const name = view.data?.project.name;
  useEffect(() => {
    const previous = document.title;
    document.title = name ? `${name} · status · Rollout` : "Shared project · Rollout";
    return () => {
      document.title = previous;
    };
  }, [name]);

  if (view.isPending) {
    return (
      <Frame>
        <PageLoader label="Loading the project" />
      </Frame>
    );
  }
  if (view.isError) {
    const code = errorInfo(view.error).code;
    if (code && deadLink.has(code)) return <DeadLink />;
    return (
      <Frame>
        <ErrorAlert
          error={view.error}
          title="The project could not be loaded"
          onRetry={() => void view.refetch()}
        />
      </Frame>
    );
  }
  return (
    <Frame
      actions={
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPrinter size={14} aria-hidden />}
          onClick={() => window.print()}
        >
          Print
        </Button>
      }
    >
      <StakeholderView view={view.data} headingLevel={1} />
    </Frame>
  );
}

function Frame({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  return (
    <div className="share-page">
      <header className="share-topbar">
        <Group gap="sm" wrap="nowrap">
          <Logo size={22} />
          <Text size="sm" c="dimmed">
            Read-only project status
          </Text>
        </Group>
        {actions ? <div className="no-print">{actions}</div> : null}
      </header>
      <main className="share-main" id="main">
        {children}
      </main>
      <footer className="share-footer">
        <Text size="xs" c="dimmed">
          Shared with you through a link from the project's manager. It shows what the project team
          publishes for stakeholders and stops working when the link expires or is revoked.
        </Text>
      </footer>
    </div>
  );
}

function DeadLink() {
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-default-hover)">
      <Stack w="100%" maw={460} gap="lg">
        <Center>
          <Logo size={30} />
        </Center>
        <Paper withBorder shadow="sm" p="xl" radius="lg" component="main">
          <Stack gap="sm" align="flex-start">
            <IconLinkOff size={32} aria-hidden color="var(--mantine-color-dimmed)" />
            <Title order={1} fz="h3">
              This link no longer works
            </Title>
            <Text size="sm">
              This link has expired or was revoked. Ask the project manager for a new one.
            </Text>
          </Stack>
        </Paper>
      </Stack>
    </Center>
  );
}
