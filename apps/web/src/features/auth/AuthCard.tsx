import { Center, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Logo } from "../../ui/Logo.tsx";

/** The frame of the signed-out pages: a centred card under the wordmark. */
export function AuthCard({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-default-hover)">
      <Stack w="100%" maw={420} gap="lg">
        <Center>
          <Logo size={32} />
        </Center>
        <Paper withBorder shadow="sm" p="xl" radius="lg" component="main">
          <Stack gap="lg">
            <Stack gap={4}>
              <Title order={1} fz="h3">
                {title}
              </Title>
              {subtitle ? (
                <Text c="dimmed" size="sm">
                  {subtitle}
                </Text>
              ) : null}
            </Stack>
            {children}
          </Stack>
        </Paper>
        {footer ? (
          <Text ta="center" size="sm">
            {footer}
          </Text>
        ) : null}
      </Stack>
    </Center>
  );
}
