import { router } from "../trpc.ts";
import { activityRouter, commentRouter, notificationRouter } from "./collab.ts";
import { dashboardRouter } from "./dashboard.ts";
import { liveRouter } from "./live.ts";
import { invitationRouter, orgRouter } from "./org.ts";
import { benefitRouter, lessonRouter, pirRouter } from "./pir.ts";
import { myWorkRouter, planRouter, playbookRouter } from "./plan.ts";
import { projectRouter } from "./project.ts";
import { raidRouter } from "./raid.ts";
import { reportRouter, shareRouter } from "./report.ts";
import { scheduleRouter } from "./schedule.ts";
import { sessionRouter } from "./session.ts";
import { commsRouter, stakeholderRouter } from "./stakeholder.ts";
import { templateRouter } from "./template.ts";
import { trashRouter } from "./trash.ts";

export const appRouter = router({
  session: sessionRouter,
  org: orgRouter,
  invitation: invitationRouter,
  project: projectRouter,
  plan: planRouter,
  schedule: scheduleRouter,
  playbook: playbookRouter,
  myWork: myWorkRouter,
  raid: raidRouter,
  stakeholder: stakeholderRouter,
  comms: commsRouter,
  dashboard: dashboardRouter,
  live: liveRouter,
  report: reportRouter,
  share: shareRouter,
  pir: pirRouter,
  benefit: benefitRouter,
  lesson: lessonRouter,
  comment: commentRouter,
  notification: notificationRouter,
  activity: activityRouter,
  trash: trashRouter,
  template: templateRouter,
});

export type AppRouter = typeof appRouter;
