import { Alert, Badge, Button, Drawer, Group, Stack, Tabs, Text } from "@mantine/core";
import { type Plan, type Task, taskCategoryLabels, taskStatusLabels } from "@rollout/domain";
import { IconLock, IconRefreshAlert } from "@tabler/icons-react";
import { useState } from "react";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { formatDate, formatNumber } from "../../ui/format.ts";
import { CommentThread } from "../collab/CommentThread.tsx";
import { useCommentCount } from "../collab/collabData.ts";
import { EntityHistory } from "../collab/EntityHistory.tsx";
import { canComment } from "../collab/targets.ts";
import { useProject } from "../projects/useProject.ts";
import { canEditAny, type EditRights } from "./planColumns.ts";
import { usePlanStore } from "./planMutations.ts";
import { TaskDependencies } from "./TaskDependencies.tsx";
import { TaskDetailsForm } from "./TaskDetailsForm.tsx";
import { TaskHistory } from "./TaskHistory.tsx";
import { TaskResponsibilities } from "./TaskResponsibilities.tsx";
import { TaskSubtasks } from "./TaskSubtasks.tsx";

interface TaskDrawerProps {
  projectId: string;
  plan: Plan;
  taskId: string | undefined;
  rights: EditRights;
  canReadHistory: boolean;
  onOpenTask: (taskId: string) => void;
  onClose: () => void;
}

/** One task in full: its fields, responsibilities, links and history. */
export function TaskDrawer({
  projectId,
  plan,
  taskId,
  rights,
  canReadHistory,
  onOpenTask,
  onClose,
}: TaskDrawerProps) {
  const task = taskId ? plan.tasks.find((t) => t.id === taskId) : undefined;
  return (
    <Drawer
      opened={taskId !== undefined}
      onClose={onClose}
      position="right"
      size="lg"
      title={task ? task.title : "Task"}
      styles={{
        title: { fontWeight: 650, fontSize: "var(--mantine-font-size-lg)", lineHeight: 1.25 },
      }}
    >
      {task ? (
        <DrawerBody
          key={task.id}
          projectId={projectId}
          plan={plan}
          task={task}
          rights={rights}
          canReadHistory={canReadHistory}
          onOpenTask={onOpenTask}
        />
      ) : (
        <EmptyState
          icon={<IconLock size={28} aria-hidden />}
          title="This task is not in the plan"
          description="It was deleted, or it is not shown to you."
        />
      )}
    </Drawer>
  );
}

function DrawerBody({
  projectId,
  plan,
  task,
  rights,
  canReadHistory,
  onOpenTask,
}: Omit<TaskDrawerProps, "taskId" | "onClose"> & { task: Task }) {
  const editable = canEditAny(rights, task);
  const phase = plan.phases.find((p) => p.id === task.phaseId);
  const store = usePlanStore(projectId);
  const [raciConflict, setRaciConflict] = useState<string | null>(null);
  const { data: project } = useProject(projectId);
  const comments = useCommentCount({ projectId, targetType: "task", targetId: task.id });
  return (
    <Stack gap="md">
      <Group gap={6}>
        <Text size="sm" c="dimmed" mr={4}>
          {phase?.name ?? "Plan"}
        </Text>
        <Badge variant="light" color="gray">
          {taskCategoryLabels[task.category]}
        </Badge>
        <Badge
          variant="dot"
          color={task.status === "done" ? "green" : task.status === "blocked" ? "red" : "blue"}
        >
          {taskStatusLabels[task.status]}
        </Badge>
        {task.internalOnly ? (
          <Badge variant="outline" color="grape" leftSection={<IconLock size={11} aria-hidden />}>
            Internal only
          </Badge>
        ) : null}
        {task.violations.length > 0 ? (
          <Badge variant="light" color="orange">
            RACI: {task.violations.length} {task.violations.length === 1 ? "issue" : "issues"}
          </Badge>
        ) : null}
      </Group>
      <Tabs defaultValue="details" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="details">Details</Tabs.Tab>
          <Tabs.Tab value="raci">Responsibilities</Tabs.Tab>
          <Tabs.Tab value="links">Dependencies</Tabs.Tab>
          <Tabs.Tab value="comments">Comments ({comments})</Tabs.Tab>
          {canReadHistory ? <Tabs.Tab value="history">History</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="details" pt="md">
          <Stack gap="lg">
            {editable ? (
              <TaskDetailsForm projectId={projectId} task={task} plan={plan} rights={rights} />
            ) : (
              <TaskFacts task={task} />
            )}
            <TaskSubtasks
              projectId={projectId}
              task={task}
              plan={plan}
              canEdit={rights.plan}
              onOpenTask={onOpenTask}
            />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="raci" pt="md">
          {raciConflict ? (
            <Alert
              color="orange"
              variant="light"
              icon={<IconRefreshAlert size={18} aria-hidden />}
              title="Not saved"
              mb="sm"
              role="alert"
            >
              <Text size="sm">{raciConflict}</Text>
              <Button
                size="xs"
                mt="sm"
                color="orange"
                onClick={() => {
                  void store.reload().then(() => setRaciConflict(null));
                }}
              >
                Reload and pick again
              </Button>
            </Alert>
          ) : null}
          <TaskResponsibilities
            projectId={projectId}
            task={task}
            canEdit={rights.plan}
            onConflict={setRaciConflict}
          />
        </Tabs.Panel>
        <Tabs.Panel value="links" pt="md">
          <TaskDependencies
            projectId={projectId}
            task={task}
            plan={plan}
            canEdit={rights.plan}
            onOpenTask={onOpenTask}
          />
        </Tabs.Panel>
        <Tabs.Panel value="comments" pt="md">
          <CommentThread
            projectId={projectId}
            targetType="task"
            targetId={task.id}
            canWrite={canComment(project, "task")}
          />
        </Tabs.Panel>
        {canReadHistory ? (
          <Tabs.Panel value="history" pt="md">
            {/* Sentences first (with the comments); the field-by-field record one click away. */}
            <EntityHistory
              projectId={projectId}
              role={project.myRole}
              entity={{ type: "task", id: task.id }}
              fieldChanges={<TaskHistory projectId={projectId} taskId={task.id} plan={plan} />}
            />
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </Stack>
  );
}

/** The read-only view: what a stakeholder sees. */
function TaskFacts({ task }: { task: Task }) {
  const rows: Array<[string, string]> = [
    ["Assignee", task.assigneeName ?? "Unassigned"],
    ["Start", formatDate(task.startDate)],
    ["Due", formatDate(task.dueDate)],
    ["Duration", task.duration === null ? "—" : `${task.duration} working days`],
    ["Done", `${task.percentComplete}%`],
    ["Estimate", task.estimateHours === null ? "—" : `${formatNumber(task.estimateHours)} h`],
    ["Actual hours", task.actualHours === null ? "—" : `${formatNumber(task.actualHours)} h`],
  ];
  return (
    <Stack gap="sm">
      <dl className="facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <div>
        <Text size="sm" fw={600}>
          Description
        </Text>
        <Text
          size="sm"
          style={{ whiteSpace: "pre-wrap" }}
          c={task.description ? undefined : "dimmed"}
        >
          {task.description || "No description."}
        </Text>
      </div>
    </Stack>
  );
}
