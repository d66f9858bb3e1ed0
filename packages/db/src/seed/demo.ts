import {
  addDays,
  addWorkingDays,
  type OrgRole,
  type ProjectFields,
  type ProjectRole,
  plannedFraction,
} from "@rollout/domain";
import { count, inArray } from "drizzle-orm";
import { type Db, type Tx, writeTx } from "../client.ts";
import { newId, nowIso } from "../ids.ts";
import {
  account,
  auditLog,
  member,
  organization,
  progressSnapshot,
  project,
  projectMember,
  user,
} from "../schema/index.ts";
import { insertDemoCollab } from "./demoCollab.ts";
import { insertDemoPir } from "./demoPir.ts";
import { insertDemoPlan } from "./demoPlan.ts";
import { insertDemoRaid } from "./demoRaid.ts";
import { insertDemoReports } from "./demoReports.ts";
import { insertDemoSchedule } from "./demoSchedule.ts";

export const DEMO_PASSWORD = "rollout-demo-2026";

export interface DemoUser {
  email: string;
  name: string;
  orgRole: OrgRole;
  /** What this person is, for the sign-in list printed at start. */
  describes: string;
}

export const demoUsers = [
  {
    email: "owner@rollout.demo",
    name: "Alex Morgan",
    orgRole: "owner",
    describes: "organisation owner",
  },
  {
    email: "pm@rollout.demo",
    name: "Priya Patel",
    orgRole: "admin",
    describes: "project manager (PM) on every project, org admin",
  },
  {
    email: "ipm@rollout.demo",
    name: "Ian Murphy",
    orgRole: "member",
    describes: "implementation PM (IPM) on every project",
  },
  {
    email: "contributor@rollout.demo",
    name: "Chen Wei",
    orgRole: "member",
    describes: "contributor on ACME-CRM and NW-WMS",
  },
  {
    email: "stakeholder@rollout.demo",
    name: "Sarah Stone",
    orgRole: "member",
    describes: "customer-side stakeholder on ACME-CRM (read-only)",
  },
] as const satisfies readonly DemoUser[];

type DemoEmail = (typeof demoUsers)[number]["email"];

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Three projects at different stages, dated around `today` so the demo never looks stale. */
export function demoProjects(today: string): Array<{
  fields: ProjectFields;
  members: Array<[DemoEmail, ProjectRole]>;
}> {
  const wd = (n: number) => addWorkingDays(today, n);
  return [
    {
      fields: {
        key: "ACME-CRM",
        name: "ACME Corp CRM go-live",
        customer: "ACME Corporation",
        kind: "software",
        stage: "build",
        status: "active",
        startDate: wd(-55),
        targetGoLive: wd(60),
        actualGoLive: null,
        plannedBudget: 18_000_000,
        actualCost: 6_425_000,
        currency: "EUR",
        objectives:
          "Replace the legacy contact database with the new CRM for 220 sales and service users.\n" +
          "Migrate 12 years of account history with no loss of open opportunities.\n" +
          "Cut quote turnaround from 3 days to 1.",
      },
      members: [
        ["pm@rollout.demo", "pm"],
        ["ipm@rollout.demo", "ipm"],
        ["contributor@rollout.demo", "contributor"],
        ["stakeholder@rollout.demo", "stakeholder"],
      ],
    },
    {
      fields: {
        key: "NW-WMS",
        name: "Warehouse scanner rollout",
        customer: "Northwind Logistics",
        kind: "hardware",
        stage: "go_live",
        status: "active",
        startDate: wd(-130),
        targetGoLive: wd(4),
        actualGoLive: null,
        plannedBudget: 9_500_000,
        actualCost: 8_840_000,
        currency: "EUR",
        objectives:
          "Equip three distribution centres with 340 handheld scanners and the new WMS mobile app.\n" +
          "Pick accuracy above 99.5% within four weeks of go-live.",
      },
      members: [
        ["pm@rollout.demo", "pm"],
        ["ipm@rollout.demo", "ipm"],
        ["contributor@rollout.demo", "contributor"],
      ],
    },
    {
      fields: {
        key: "STM-EHR",
        name: "St. Mary's EHR cut-over",
        customer: "St. Mary's Hospital",
        kind: "process",
        stage: "closed",
        status: "closed",
        startDate: wd(-260),
        targetGoLive: wd(-90),
        actualGoLive: wd(-85),
        plannedBudget: 42_000_000,
        actualCost: 44_150_000,
        currency: "GBP",
        objectives:
          "Move 1,400 clinical staff from paper charts to the electronic health record.\n" +
          "No unplanned downtime of clinical systems during cut-over weekend.",
      },
      members: [
        ["pm@rollout.demo", "pm"],
        ["ipm@rollout.demo", "ipm"],
      ],
    },
  ];
}

/**
 * Weekly progress figures from the project's start to today, as if the dashboard had been
 * opened every week: planned from the task dates, actual trailing it by `pace`.
 */
function insertProgressHistory(
  tx: Tx,
  projectId: string,
  options: {
    tasks: Array<{ startDate: string; dueDate: string; duration: number }>;
    from: string;
    today: string;
    pace: number;
  },
) {
  const total = options.tasks.reduce((n, t) => n + t.duration, 0) || 1;
  const plannedOn = (date: string) => {
    let done = 0;
    for (const t of options.tasks)
      done += t.duration * plannedFraction(t.startDate, t.dueDate, date);
    return Math.round((done / total) * 1000) / 10;
  };
  const rows: Array<typeof progressSnapshot.$inferInsert> = [];
  for (let d = options.from; d < options.today; d = addDays(d, 7)) {
    const planned = plannedOn(d);
    rows.push({
      projectId,
      date: d,
      planned,
      actual: Math.round(planned * options.pace * 10) / 10,
    });
  }
  if (rows.length > 0) tx.insert(progressSnapshot).values(rows).run();
}

/** True when the demo people are in the database (so their sign-ins are worth printing). */
export function hasDemoUsers(db: Db): boolean {
  return (
    db
      .select({ n: count() })
      .from(user)
      .where(
        inArray(
          user.email,
          demoUsers.map((u) => u.email),
        ),
      )
      .get()?.n === demoUsers.length
  );
}

/** True when the database has no organisation yet: the first start seeds the demo. */
export function isEmpty(db: Db): boolean {
  return (db.select({ n: count() }).from(organization).get()?.n ?? 0) === 0;
}

/**
 * Seeds the demo organisation, its people (all with DEMO_PASSWORD) and projects. `hashPassword`
 * is the auth library's, so the demo users sign in like anyone else.
 */
export async function seedDemo(
  db: Db,
  hashPassword: (password: string) => Promise<string>,
  today: string = isoDay(new Date()),
) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return writeTx(db, (tx) => {
    const now = new Date();
    const stamp = nowIso(now);
    const orgId = newId();
    tx.insert(organization)
      .values({
        id: orgId,
        name: "Northwind Implementations",
        slug: "northwind",
        createdAt: stamp,
        updatedAt: stamp,
      })
      .run();
    const ids = new Map<string, string>();
    for (const u of demoUsers) {
      const userId = newId();
      ids.set(u.email, userId);
      tx.insert(user)
        .values({
          id: userId,
          name: u.name,
          email: u.email,
          emailVerified: true,
          createdAt: now,
          updatedAt: now,
        })
        .run();
      tx.insert(account)
        .values({
          id: newId(),
          accountId: userId,
          providerId: "credential",
          userId,
          password: passwordHash,
          createdAt: now,
          updatedAt: now,
        })
        .run();
      tx.insert(member)
        .values({
          id: newId(),
          organizationId: orgId,
          userId,
          role: u.orgRole,
          createdAt: stamp,
          updatedAt: stamp,
        })
        .run();
    }
    const owner = ids.get("owner@rollout.demo") ?? null;
    const person = (email: string) => {
      const id = ids.get(email);
      if (!id) throw new Error(`demo user ${email} missing`);
      return id;
    };
    for (const p of demoProjects(today)) {
      const projectId = newId();
      tx.insert(project)
        .values({
          id: projectId,
          organizationId: orgId,
          ...p.fields,
          createdAt: stamp,
          updatedAt: stamp,
        })
        .run();
      for (const [email, role] of p.members) {
        const userId = ids.get(email);
        if (!userId) throw new Error(`demo user ${email} missing`);
        tx.insert(projectMember)
          .values({ id: newId(), projectId, userId, role, createdAt: stamp, updatedAt: stamp })
          .run();
      }
      const plan = insertDemoPlan(tx, projectId, {
        startDate: p.fields.startDate,
        goLive: p.fields.actualGoLive ?? p.fields.targetGoLive,
        progressUntil: today,
        stamp,
        people: {
          ipm: person("ipm@rollout.demo"),
          pm: person("pm@rollout.demo"),
          contributor: p.members.some(([email]) => email === "contributor@rollout.demo")
            ? person("contributor@rollout.demo")
            : null,
        },
        skip: p.fields.kind === "hardware" ? ["Data migration"] : [],
        customerParty: p.fields.key === "ACME-CRM",
      });
      const closed = p.fields.status === "closed";
      const schedule = insertDemoSchedule(tx, projectId, {
        phases: plan.phases,
        stamp,
        today,
        closed,
        // ACME slips a week against its contract plan; the warehouse a few days.
        slipDays: p.fields.key === "ACME-CRM" ? 6 : p.fields.key === "NW-WMS" ? 3 : 4,
        owner: person("pm@rollout.demo"),
        signers: p.members
          .filter(([, role]) => role === "stakeholder")
          .map(([email]) => person(email)),
        criteriaMet: p.fields.key === "NW-WMS" ? 3 : 1,
      });
      insertProgressHistory(tx, projectId, {
        tasks: plan.phases.flatMap((ph) => ph.tasks),
        from: p.fields.startDate,
        today,
        // ACME trails its plan a little; the warehouse is close to it; the EHR finished.
        pace: p.fields.key === "ACME-CRM" ? 0.9 : p.fields.key === "NW-WMS" ? 0.97 : 1,
      });
      const onProject = (email: DemoEmail) =>
        p.members.some(([e]) => e === email) ? person(email) : null;
      insertDemoRaid(tx, projectId, {
        projectKey: p.fields.key,
        today,
        stamp,
        phases: plan.phases,
        milestones: schedule.milestones,
        people: {
          pm: person("pm@rollout.demo"),
          ipm: person("ipm@rollout.demo"),
          contributor: onProject("contributor@rollout.demo"),
          stakeholder: onProject("stakeholder@rollout.demo"),
        },
      });
      if (!closed) {
        insertDemoReports(tx, projectId, {
          today,
          pm: person("pm@rollout.demo"),
          milestones: schedule.milestones,
          slipDays: p.fields.key === "ACME-CRM" ? 6 : 3,
          currency: p.fields.currency,
          plannedBudget: p.fields.plannedBudget,
          actualCost: p.fields.actualCost,
          progressNow: p.fields.key === "ACME-CRM" ? 38 : 88,
          headline:
            p.fields.key === "ACME-CRM"
              ? "Configuration and data migration running in parallel."
              : "Scanners staged at all three distribution centres.",
        });
      }
      if (closed)
        insertDemoPir(tx, {
          orgId,
          projectId,
          fields: p.fields,
          today,
          stamp,
          pm: person("pm@rollout.demo"),
          ipm: person("ipm@rollout.demo"),
        });
      tx.insert(auditLog)
        .values({
          id: newId(),
          organizationId: orgId,
          projectId,
          actorUserId: owner,
          entityType: "project",
          entityId: projectId,
          action: "create",
          before: null,
          after: { ...p.fields, source: "demo seed" },
          // The project was set up when it started: first in its activity feed.
          createdAt: `${p.fields.startDate}T08:00:00.000Z`,
        })
        .run();
    }
    insertDemoCollab(tx, { orgId, now, people: ids });
    return { orgId };
  });
}
