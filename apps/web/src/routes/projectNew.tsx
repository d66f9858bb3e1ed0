import { Alert } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconLock } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { createLazyRoute, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { ProjectForm } from "../features/projects/ProjectForm.tsx";
import { newProjectValues, parseCreate } from "../features/projects/projectFormModel.ts";
import { useCreateProject } from "../features/projects/projectMutations.ts";
import { errorInfo, useTRPC } from "../lib/trpc.ts";
import type { FieldErrors } from "../ui/fieldErrors.ts";
import { ButtonLink } from "../ui/links.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";

export const Route = createLazyRoute("/_authed/_org/projects/new")({ component: NewProjectPage });

function NewProjectPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const session = useQuery(trpc.session.get.queryOptions());
  const create = useCreateProject();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [initialValues] = useState(newProjectValues);
  const role = session.data?.activeOrg?.role;

  if (role && role !== "owner" && role !== "admin") {
    return (
      <>
        <PageHeader title="New project" />
        <Alert
          color="gray"
          icon={<IconLock size={18} aria-hidden />}
          title="Only organisation owners and admins create projects"
        >
          Ask an owner or admin of your organisation to create the project and add you to it.
        </Alert>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="New project"
        description="Everything can be changed later from the project's Settings tab."
        actions={
          <ButtonLink to="/projects/import" variant="default">
            Import from a file
          </ButtonLink>
        }
      />
      <ProjectForm
        mode="create"
        initialValues={initialValues}
        errors={errors}
        failure={failure}
        pending={create.isPending}
        submitLabel="Create project"
        cancel={
          <ButtonLink to="/projects" variant="default">
            Cancel
          </ButtonLink>
        }
        onSubmit={(values) => {
          setFailure(null);
          const parsed = parseCreate(values);
          if (!parsed.ok) {
            setErrors(parsed.errors);
            return;
          }
          setErrors({});
          create.mutate(parsed.data, {
            onSuccess: ({ id }) => {
              notifications.show({
                color: "green",
                title: "Project created",
                message: `${parsed.data.key} is ready. Add its people from the Members tab.`,
              });
              void navigate({ to: "/projects/$projectId", params: { projectId: id } });
            },
            onError: (error) => {
              const info = errorInfo(error);
              setErrors(info.fieldErrors);
              if (Object.keys(info.fieldErrors).length === 0) setFailure(info.message);
            },
          });
        }}
      />
    </>
  );
}
