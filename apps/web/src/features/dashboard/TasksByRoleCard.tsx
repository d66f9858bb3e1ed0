import { SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { type ProjectDashboard, taskStatuses, taskStatusLabels } from "@rollout/domain";
import { isOneOf } from "../../lib/isOneOf.ts";
import { formatDate, relativeDays } from "../../ui/format.ts";
import { AnchorLink } from "../../ui/links.tsx";
import { DashCard } from "./DashCard.tsx";

type RoleTasks = ProjectDashboard["tasksByRole"]["ipm"];
type Brief = RoleTasks["overdue"][number];

function TaskRow({
  projectId,
  task,
  overdue,
}: {
  projectId: string;
  task: Brief;
  overdue: boolean;
}) {
  const status = isOneOf(taskStatuses, task.status) ? taskStatusLabels[task.status] : task.status;
  return (
    <li>
      <AnchorLink
        to="/projects/$projectId/plan"
        params={{ projectId }}
        search={{ task: task.id }}
        size="sm"
        className="task-title"
        title={task.title}
      >
        {task.title}
      </AnchorLink>
      <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
        {[task.assigneeName, status].filter(Boolean).join(" · ")}
      </Text>
      <Text
        size="xs"
        c={overdue ? "red" : "dimmed"}
        fw={overdue ? 600 : 400}
        component="time"
        dateTime={task.dueDate ?? undefined}
        style={{ whiteSpace: "nowrap" }}
        title={formatDate(task.dueDate)}
      >
        {task.dueDate
          ? overdue
            ? `due ${relativeDays(task.dueDate)}`
            : formatDate(task.dueDate)
          : "—"}
      </Text>
    </li>
  );
}

function TaskGroup({
  projectId,
  heading,
  tasks,
  count,
  overdue,
  empty,
}: {
  projectId: string;
  heading: string;
  tasks: Brief[];
  count: number;
  overdue: boolean;
  empty: string;
}) {
  return (
    <div>
      <Text size="sm" fw={600} c={overdue && count > 0 ? "red" : undefined} mb={2}>
        {heading} ({count})
      </Text>
      {tasks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <ul className="task-list" aria-label={heading}>
          {tasks.map((task) => (
            <TaskRow key={task.id} projectId={projectId} task={task} overdue={overdue} />
          ))}
        </ul>
      )}
      {count > tasks.length ? (
        <AnchorLink
          to="/projects/$projectId/plan"
          params={{ projectId }}
          search={overdue ? { overdue: true } : {}}
          size="xs"
        >
          {count - tasks.length} more in the plan
        </AnchorLink>
      ) : null}
    </div>
  );
}

function RoleColumn({
  projectId,
  title,
  tasks,
}: {
  projectId: string;
  title: string;
  tasks: RoleTasks;
}) {
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Title order={3} fz="h5">
        {title}
      </Title>
      <TaskGroup
        projectId={projectId}
        heading="Overdue"
        tasks={tasks.overdue}
        count={tasks.overdueCount}
        overdue
        empty="Nothing overdue."
      />
      <TaskGroup
        projectId={projectId}
        heading="Due in the next 14 days"
        tasks={tasks.upcoming}
        count={tasks.upcomingCount}
        overdue={false}
        empty="Nothing due in the next two weeks."
      />
    </Stack>
  );
}

/** Open work the IPM and the PM answer for (responsible or accountable), overdue first. */
export function TasksByRoleCard({
  projectId,
  dashboard,
}: {
  projectId: string;
  dashboard: ProjectDashboard;
}) {
  const { tasksByRole, openTasks, overdueTasks } = dashboard;
  return (
    <DashCard
      title="Open work by role"
      testId="tasks-card"
      action={
        <AnchorLink to="/projects/$projectId/plan" params={{ projectId }} size="sm">
          Plan
        </AnchorLink>
      }
    >
      <Text size="sm" c="dimmed" mb="sm" hidden={openTasks === 0}>
        {openTasks} open {openTasks === 1 ? "task" : "tasks"}
        {overdueTasks > 0 ? `, ${overdueTasks} overdue` : ", none overdue"}. Each task is listed
        under the party responsible or accountable for it.
      </Text>
      {openTasks === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing open. Lay out the work in the{" "}
          <AnchorLink to="/projects/$projectId/plan" params={{ projectId }} size="sm">
            plan
          </AnchorLink>
          : each task's IPM/PM split decides the column it shows in here.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          <RoleColumn projectId={projectId} title="IPM" tasks={tasksByRole.ipm} />
          <RoleColumn projectId={projectId} title="PM" tasks={tasksByRole.pm} />
        </SimpleGrid>
      )}
    </DashCard>
  );
}
