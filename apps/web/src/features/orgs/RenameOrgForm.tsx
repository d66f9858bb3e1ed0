import { Alert, Button, Group, Paper, Stack, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type Org, orgUpdateInput } from "@rollout/domain";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { errorInfo, useTRPC } from "../../lib/trpc.ts";
import { zodFieldErrors } from "../../ui/fieldErrors.ts";
import { useRenameOrg } from "./orgMutations.ts";

/** The organisation's name (its address stays). Saved against the version the cache holds. */
export function RenameOrgForm({ org, canEdit }: { org: Org; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rename = useRenameOrg();
  const [name, setName] = useState(org.name);
  const [error, setError] = useState<string | null>(null);
  const [theirs, setTheirs] = useState<Org | null>(null);

  async function onConflict(message: string) {
    setError(null);
    try {
      const fresh = await queryClient.fetchQuery({ ...trpc.org.get.queryOptions(), staleTime: 0 });
      // The cache now holds their version, and so does `org`.
      setTheirs(fresh);
    } catch {
      setError(message);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    // The version as the cache holds it: saving the risk bands moves it on too.
    const parsed = orgUpdateInput.safeParse({ name, version: org.version });
    if (!parsed.success) {
      setError(zodFieldErrors(parsed.error).name ?? "Check the name");
      return;
    }
    setError(null);
    rename.mutate(parsed.data, {
      onSuccess: (saved) => {
        setName(saved.name);
        setTheirs(null);
        notifications.show({ color: "green", title: "Organisation renamed", message: saved.name });
      },
      onError: (failure) => {
        const info = errorInfo(failure);
        if (info.code === "CONFLICT") void onConflict(info.message);
        else setError(info.fieldErrors.name ?? info.message);
      },
    });
  }

  return (
    <Paper withBorder radius="md" p="lg">
      <form onSubmit={submit} noValidate aria-label="Organisation name">
        <Stack gap="sm">
          <Title order={2} fz="h4">
            Organisation
          </Title>
          {theirs ? (
            <Alert color="orange" variant="light" role="alert" title="Not saved">
              Someone renamed the organisation to “{theirs.name}” while you were editing. Save again
              to use your name, or keep theirs.
              <Group mt="sm">
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    setName(theirs.name);
                    setTheirs(null);
                  }}
                >
                  Keep “{theirs.name}”
                </Button>
              </Group>
            </Alert>
          ) : null}
          <Group align="flex-start" gap="md" wrap="wrap">
            <TextInput
              label="Name"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={error}
              maxLength={120}
              readOnly={!canEdit}
              style={{ flex: "1 1 18rem" }}
            />
            <TextInput label="Address" value={org.slug} readOnly variant="filled" w={220} />
          </Group>
          {canEdit ? (
            <Group justify="flex-end">
              <Button
                type="submit"
                loading={rename.isPending}
                disabled={name.trim() === org.name && !theirs}
              >
                Save name
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}
