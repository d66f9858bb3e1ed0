import { mentionToken, parseMentions, plainText, raidRef } from "@rollout/domain";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../client.ts";
import { newId } from "../ids.ts";
import {
  auditLog,
  comment,
  gateSigner,
  milestone,
  notification,
  project,
  raidItem,
  task,
  user,
} from "../schema/index.ts";

type Who = "owner" | "pm" | "ipm" | "contributor" | "stakeholder";

type On = { task: string } | { milestone: string } | { raid: string };

interface ThreadSpec {
  project: "ACME-CRM" | "NW-WMS";
  on: On;
  /** Each comment: who wrote it, how many hours ago, and its Markdown (`@pm` mentions Priya). */
  comments: Array<[by: Who, hoursAgo: number, body: string]>;
}

/**
 * Conversations on the active demo projects, between the IPM and the PM (the contributor joins
 * in, and the customer's stakeholder asks about the go-live gate she signs). Hours are before
 * the seed ran; mentions older than a day are read, the newer ones wait under the bell.
 */
const threads: ThreadSpec[] = [
  {
    project: "ACME-CRM",
    on: { task: "Cleanse duplicate accounts" },
    comments: [
      [
        "ipm",
        70,
        "@pm the fuzzy-match run on the full extract found **7.8%** duplicate accounts, above the 5% we planned for. Two ways forward:\n- extend cleansing by 4 working days\n- migrate the flagged duplicates and clean them up in hypercare\n\nCan you take this to Thursday's steering call?",
      ],
      [
        "pm",
        66,
        "@ipm thanks. I'll propose the second option with a named clean-up owner on the customer side. Can Sales Operations confirm the merge rules by Wednesday?",
      ],
      [
        "contributor",
        5,
        "The draft merge rules are on the project wiki: https://wiki.northwind.example/acme-crm/merge-rules. @ipm please check the contact-level rules before I run the next pass.",
      ],
    ],
  },
  {
    project: "ACME-CRM",
    on: { task: "Integration: ERP customer master" },
    comments: [
      [
        "contributor",
        30,
        "The nightly sync ran **52 minutes** in system test (the trigger on the rate-limit risk is 45). The vendor suggests batches of `500` records instead of `2000`.",
      ],
      [
        "ipm",
        3,
        "@pm this trips the trigger on the ERP rate-limit risk. I've asked Hannah for a higher API quota; no schedule impact yet, I'll update the risk tomorrow.",
      ],
    ],
  },
  {
    project: "ACME-CRM",
    on: { task: "UAT with key users" },
    comments: [
      [
        "pm",
        48,
        "@ipm only 7 of the 12 key users have confirmed their UAT slots. Dana is chasing the rest; if we are still under 8 by Friday we use the contingency.",
      ],
      [
        "ipm",
        46,
        "Noted. I'll record the walkthrough sessions so late joiners can catch up, and move the regression scripts into week one.",
      ],
    ],
  },
  {
    project: "ACME-CRM",
    on: { task: "Write test scripts" },
    comments: [
      [
        "ipm",
        26,
        "Scripts for quote-to-order and case handling are done; the `regression` pack is next. @contributor could you take the service-case scripts?",
      ],
      ["contributor", 24, "Yes, I'll have them in the test folder by Tuesday."],
    ],
  },
  {
    project: "ACME-CRM",
    on: { milestone: "Go-live" },
    comments: [
      [
        "stakeholder",
        20,
        "From ACME's side: we need the UAT sign-off evidence attached to the gate before I can sign. @pm could you share the UAT summary when it's ready?",
      ],
      [
        "pm",
        2,
        "Will do, @stakeholder. The UAT summary goes on the *UAT signed off by the customer* criterion as evidence before the readiness review.",
      ],
    ],
  },
  {
    project: "ACME-CRM",
    on: { milestone: "UAT sign-off" },
    comments: [
      [
        "pm",
        54,
        "The forecast is 6 working days behind the contract baseline after the design re-plan. @ipm is the UAT start still realistic with the sandbox refresh issue?",
      ],
      [
        "ipm",
        50,
        "Yes, if the vendor restores the test accounts by Monday. Otherwise we lose 3 more days and I'll raise it here.",
      ],
    ],
  },
  {
    project: "ACME-CRM",
    on: { raid: "Key users unavailable for UAT during quarter-end" },
    comments: [
      [
        "ipm",
        28,
        "Raised to 4 × 5 after the sales director's note about quarter-end targets. @pm agreed to escalate to the sponsor if confirmations stay below 8.",
      ],
    ],
  },
  {
    project: "ACME-CRM",
    on: { raid: "Sandbox refresh wiped the prepared UAT data" },
    comments: [
      [
        "ipm",
        8,
        "> The vendor's scheduled refresh on Tuesday removed 3 days of prepared test accounts.\n\nThe vendor has paused refreshes until UAT ends. @pm please raise the missing notice in the vendor review.",
      ],
      ["pm", 6, "Raised with Victor Osei; they will credit the lost days against the SOW."],
    ],
  },
  {
    project: "NW-WMS",
    on: { task: "Cut-over plan and rehearsal" },
    comments: [
      [
        "ipm",
        27,
        "DC1 rehearsal went well: **2 h 40** for the stock snapshot, inside the 4-hour window. @pm the DC3 cold store still needs the extra access points before its rehearsal.",
      ],
      [
        "pm",
        4,
        "@ipm the access points arrive Wednesday; I've moved the DC3 rehearsal to Thursday morning.",
      ],
    ],
  },
  {
    project: "NW-WMS",
    on: { milestone: "Go-live" },
    comments: [
      [
        "pm",
        22,
        "The steering committee decides on Monday: go live now or after peak season. @ipm please have the readiness criteria and evidence up to date by then.",
      ],
    ],
  },
  {
    project: "NW-WMS",
    on: { raid: "WMS mobile app crashes on Android 14 devices" },
    comments: [
      [
        "contributor",
        31,
        "Reproduced on 14 of the 340 devices, all on the March security patch. Logs are attached to the vendor ticket.",
      ],
      [
        "ipm",
        1,
        "@pm the vendor's fix is due Thursday. If it slips we pin these 14 devices to the previous patch for go-live.",
      ],
    ],
  },
];

const WHO = /@(owner|pm|ipm|contributor|stakeholder)\b/g;

/** Read notifications were opened an hour after they came. */
const READ_AFTER_HOURS = 24;

/**
 * The comment threads of the demo (with their audit rows, so the activity feed tells them),
 * the notifications they sent, an assignment each for the PM and the IPM, and a sign-off the
 * PM is asked for on the warehouse go-live gate.
 */
export function insertDemoCollab(
  tx: Tx,
  options: { orgId: string; now: Date; people: ReadonlyMap<string, string> },
) {
  const id = (who: Who) => {
    const found = options.people.get(`${who}@rollout.demo`);
    if (!found) throw new Error(`demo user ${who} missing`);
    return found;
  };
  const names = new Map(
    tx
      .select({ id: user.id, name: user.name })
      .from(user)
      .where(inArray(user.id, [...options.people.values()]))
      .all()
      .map((u) => [u.id, u.name]),
  );
  const nameOf = (userId: string) => names.get(userId) ?? "Someone";
  const hoursAgo = (h: number) => new Date(options.now.getTime() - h * 3_600_000).toISOString();
  const projects = new Map(
    tx
      .select({ id: project.id, key: project.key })
      .from(project)
      .where(eq(project.organizationId, options.orgId))
      .all()
      .map((p) => [p.key, p.id]),
  );

  const comments: Array<typeof comment.$inferInsert> = [];
  const notes: Array<typeof notification.$inferInsert> = [];
  const audits: Array<typeof auditLog.$inferInsert> = [];

  for (const thread of threads) {
    const projectId = projects.get(thread.project);
    if (!projectId) continue;
    const target = findTarget(tx, projectId, thread.on);
    if (!target) continue;
    for (const [by, hours, text] of thread.comments) {
      const authorId = id(by);
      const body = text.replace(WHO, (_, who: Who) => mentionToken(nameOf(id(who)), id(who)));
      const mentions = parseMentions(body);
      const at = hoursAgo(hours);
      const commentId = newId();
      comments.push({
        id: commentId,
        projectId,
        targetType: target.type,
        targetId: target.id,
        authorId,
        body,
        mentions,
        editedAt: null,
        version: 1,
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
      });
      audits.push({
        id: newId(),
        organizationId: options.orgId,
        projectId,
        actorUserId: authorId,
        entityType: "comment",
        entityId: commentId,
        action: "create",
        before: null,
        after: { targetType: target.type, targetId: target.id, body, mentions },
        createdAt: at,
      });
      for (const userId of mentions) {
        if (userId === authorId) continue;
        notes.push({
          id: newId(),
          organizationId: options.orgId,
          projectId,
          userId,
          kind: "mention",
          message: `${nameOf(authorId)} mentioned you on ${target.label} (${thread.project}): ${plainText(body, 120)}`,
          targetType: target.type,
          targetId: target.id,
          actorId: authorId,
          dedupeKey: null,
          readAt: hours > READ_AFTER_HOURS ? hoursAgo(hours - 1) : null,
          createdAt: at,
        });
      }
    }
  }

  // An assignment each, on tasks the plan already gives them.
  const assignments: Array<[key: string, title: string, to: Who, by: Who, hours: number]> = [
    ["ACME-CRM", "Weekly status report to the sponsor", "pm", "ipm", 9],
    ["NW-WMS", "Cut-over plan and rehearsal", "ipm", "pm", 11],
  ];
  for (const [key, title, to, by, hours] of assignments) {
    const projectId = projects.get(key);
    const t = projectId ? findTarget(tx, projectId, { task: title }) : null;
    if (!projectId || !t) continue;
    notes.push({
      id: newId(),
      organizationId: options.orgId,
      projectId,
      userId: id(to),
      kind: "assignment",
      message: `${nameOf(id(by))} assigned you “${title}” (${key})`,
      targetType: "task",
      targetId: t.id,
      actorId: id(by),
      dedupeKey: null,
      readAt: null,
      createdAt: hoursAgo(hours),
    });
  }

  // The warehouse go-live also needs the PM's own sign-off (there is no customer signer).
  const wms = projects.get("NW-WMS");
  const gate = wms ? findTarget(tx, wms, { milestone: "Go-live" }) : null;
  if (wms && gate) {
    const at = hoursAgo(12);
    tx.insert(gateSigner)
      .values({ milestoneId: gate.id, userId: id("pm"), createdAt: at })
      .onConflictDoNothing()
      .run();
    audits.push({
      id: newId(),
      organizationId: options.orgId,
      projectId: wms,
      actorUserId: id("owner"),
      entityType: "gate_signer",
      entityId: gate.id,
      action: "create",
      before: null,
      after: { milestoneId: gate.id, userId: id("pm") },
      createdAt: at,
    });
    notes.push({
      id: newId(),
      organizationId: options.orgId,
      projectId: wms,
      userId: id("pm"),
      kind: "signoff_request",
      message: `${nameOf(id("owner"))} asks you to sign off gate “Go-live”`,
      targetType: "milestone",
      targetId: gate.id,
      actorId: id("owner"),
      dedupeKey: null,
      readAt: null,
      createdAt: at,
    });
  }

  // The customer's sponsor was asked for the CRM go-live sign-off when she was named on the gate.
  const crm = projects.get("ACME-CRM");
  const crmGate = crm ? findTarget(tx, crm, { milestone: "Go-live" }) : null;
  if (crm && crmGate) {
    notes.push({
      id: newId(),
      organizationId: options.orgId,
      projectId: crm,
      userId: id("stakeholder"),
      kind: "signoff_request",
      message: `${nameOf(id("pm"))} asks you to sign off gate “Go-live”`,
      targetType: "milestone",
      targetId: crmGate.id,
      actorId: id("pm"),
      dedupeKey: null,
      readAt: hoursAgo(90),
      createdAt: hoursAgo(96),
    });
  }

  if (comments.length) tx.insert(comment).values(comments).run();
  if (audits.length) tx.insert(auditLog).values(audits).run();
  if (notes.length) tx.insert(notification).values(notes).run();
  return { comments: comments.length, notifications: notes.length };
}

/** The thing a thread is on, by its name in the demo plan, schedule or RAID log. */
function findTarget(
  tx: Tx,
  projectId: string,
  on: On,
): { type: "task" | "milestone" | "raid_item"; id: string; label: string } | null {
  if ("task" in on) {
    const t = tx
      .select({ id: task.id })
      .from(task)
      .where(and(eq(task.projectId, projectId), eq(task.title, on.task)))
      .get();
    return t ? { type: "task", id: t.id, label: `“${on.task}”` } : null;
  }
  if ("milestone" in on) {
    const m = tx
      .select({ id: milestone.id })
      .from(milestone)
      .where(and(eq(milestone.projectId, projectId), eq(milestone.name, on.milestone)))
      .get();
    return m ? { type: "milestone", id: m.id, label: `“${on.milestone}”` } : null;
  }
  const r = tx
    .select({ id: raidItem.id, kind: raidItem.kind, number: raidItem.number })
    .from(raidItem)
    .where(and(eq(raidItem.projectId, projectId), eq(raidItem.title, on.raid)))
    .get();
  return r
    ? { type: "raid_item", id: r.id, label: `${raidRef(r.kind, r.number)} “${on.raid}”` }
    : null;
}
