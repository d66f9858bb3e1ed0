import { Alert, Button, Group, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Project } from "@rollout/domain";
import { IconInfoCircle, IconRefreshAlert } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { errorInfo, useTRPC } from "../../lib/trpc.ts";
import type { FieldErrors } from "../../ui/fieldErrors.ts";
import { ProjectForm } from "./ProjectForm.tsx";
import { parseUpdate, projectValues } from "./projectFormModel.ts";
import { useUpdateProject } from "./projectMutations.ts";

type Conflict = { message: string } | null;

/**
 * The project's settings form. It saves against the version it was opened with; when someone
 * else saved first (CONFLICT) nothing typed is lost: the person chooses to load their version
 * (dropping these edits) or to keep these edits and save over it.
 */
export function EditProjectForm({ project }: { project: Project }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useUpdateProject();
  // The form remounts (fresh values) only when this changes: after a save or a chosen reload.
  const [formKey, setFormKey] = useState(0);
  const [initial, setInitial] = useState(() => projectValues(project));
  const [baseVersion, setBaseVersion] = useState(project.version);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict>(null);
  const [keptOver, setKeptOver] = useState(false);
  const [reloading, setReloading] = useState(false);
  const dirty = useRef(false);

  // A newer version arrived (a refetch, or this person's own archive/health change): an
  // untouched form follows it; a form with edits keeps them and meets CONFLICT on save.
  useEffect(() => {
    if (project.version === baseVersion || dirty.current || conflict) return;
    setInitial(projectValues(project));
    setBaseVersion(project.version);
    setFormKey((k) => k + 1);
  }, [project, baseVersion, conflict]);

  async function latest(): Promise<Project | null> {
    setReloading(true);
    try {
      return await queryClient.fetchQuery({
        ...trpc.project.get.queryOptions({ projectId: project.id }),
        staleTime: 0,
      });
    } catch (error) {
      setFailure(errorInfo(error).message);
      return null;
    } finally {
      setReloading(false);
    }
  }

  async function reloadTheirs() {
    const fresh = await latest();
    if (!fresh) return;
    setInitial(projectValues(fresh));
    setBaseVersion(fresh.version);
    setFormKey((k) => k + 1);
    setConflict(null);
    setKeptOver(false);
    setErrors({});
  }

  async function keepMine() {
    const fresh = await latest();
    if (!fresh) return;
    setBaseVersion(fresh.version);
    setConflict(null);
    setKeptOver(true);
  }

  const onDirtyChange = useCallback((value: boolean) => {
    dirty.current = value;
  }, []);

  const banner = conflict ? (
    <Alert
      color="orange"
      variant="light"
      icon={<IconRefreshAlert size={18} aria-hidden />}
      title="Not saved"
      role="alert"
    >
      <Text size="sm">{conflict.message}</Text>
      <Text size="sm" mt={4}>
        What you typed is still here. Load their version (your edits are dropped), or keep your
        edits and save them over their change.
      </Text>
      <Group mt="sm" gap="sm">
        <Button size="xs" color="orange" onClick={() => void reloadTheirs()} loading={reloading}>
          Reload their version
        </Button>
        <Button size="xs" variant="default" onClick={() => void keepMine()} disabled={reloading}>
          Keep my edits
        </Button>
      </Group>
    </Alert>
  ) : keptOver ? (
    <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
      Your edits are kept. Saving now replaces the other change with yours.
    </Alert>
  ) : null;

  return (
    <ProjectForm
      key={formKey}
      mode="edit"
      onDirtyChange={onDirtyChange}
      initialValues={initial}
      errors={errors}
      failure={failure}
      banner={banner}
      pending={update.isPending}
      submitLabel="Save changes"
      onSubmit={(values) => {
        setFailure(null);
        const parsed = parseUpdate(values, project.id, baseVersion);
        if (!parsed.ok) {
          setErrors(parsed.errors);
          return;
        }
        setErrors({});
        update.mutate(parsed.data, {
          onSuccess: (saved) => {
            setInitial(projectValues(saved));
            setBaseVersion(saved.version);
            setFormKey((k) => k + 1);
            setConflict(null);
            setKeptOver(false);
            notifications.show({
              color: "green",
              title: "Saved",
              message: `${saved.key} is up to date.`,
            });
          },
          onError: (error) => {
            const info = errorInfo(error);
            const hasFields = Object.keys(info.fieldErrors).length > 0;
            if (info.code === "CONFLICT" && !hasFields) {
              setConflict({ message: info.message });
              return;
            }
            setErrors(info.fieldErrors);
            if (!hasFields) setFailure(info.message);
          },
        });
      }}
    />
  );
}
