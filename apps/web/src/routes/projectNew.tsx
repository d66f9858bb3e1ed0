import { Alert, Box } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconLock } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { createLazyRoute, useNavigate } from "@tanstack/react-router";
import { useCallback, useState } from "react";
import { LessonSuggestions } from "../features/lessons/LessonSuggestions.tsx";
import { ProjectForm } from "../features/projects/ProjectForm.tsx";
import {
  newProjectValues,
  type ProjectFormValues,
  parseCreate,
} from "../features/projects/projectFormModel.ts";
import { useCreateProject } from "../features/projects/projectMutations.ts";
import { TemplateChooser } from "../features/templates/TemplateChooser.tsx";
import { useStartFrom } from "../features/templates/useStartFrom.ts";
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
  const start = useStartFrom(initialValues.startDate);
  // The kind typed so far picks the lessons shown below the form.
  const [kind, setKind] = useState(initialValues.kind);
  const startValuesChange = start.onValuesChange;
  const onValuesChange = useCallback(
    (values: ProjectFormValues) => {
      startValuesChange(values);
      setKind(values.kind);
    },
    [startValuesChange],
  );
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
      <TemplateChooser
        value={start.templateId}
        onChange={start.setTemplateId}
        startDate={start.startDate}
      />
      <ProjectForm
        mode="create"
        onValuesChange={onValuesChange}
        suggestedTargetGoLive={start.suggestedGoLive}
        initialValues={initialValues}
        errors={errors}
        failure={failure}
        pending={create.isPending || start.create.isPending}
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
          const onError = (error: unknown) => {
            const info = errorInfo(error);
            setErrors(info.fieldErrors);
            if (Object.keys(info.fieldErrors).length === 0) setFailure(info.message);
          };
          if (start.templateId) {
            // From a template: straight to the plan it brought.
            start.create.mutate(
              { ...parsed.data, templateId: start.templateId },
              {
                onSuccess: ({ id, counts }) => {
                  notifications.show({
                    color: "green",
                    title: "Project created",
                    message: `${parsed.data.key} is ready with ${counts.tasks} tasks and ${counts.milestones} milestones from “${start.templateName ?? "the template"}”. Add its people from the Members tab.`,
                  });
                  void navigate({ to: "/projects/$projectId/plan", params: { projectId: id } });
                },
                onError,
              },
            );
            return;
          }
          create.mutate(parsed.data, {
            onSuccess: ({ id }) => {
              notifications.show({
                color: "green",
                title: "Project created",
                message: `${parsed.data.key} is ready. Add its people from the Members tab.`,
              });
              void navigate({ to: "/projects/$projectId", params: { projectId: id } });
            },
            onError,
          });
        }}
      />
      <Box mt="xl">
        <LessonSuggestions kind={kind} />
      </Box>
    </>
  );
}
