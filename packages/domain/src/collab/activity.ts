import { projectStageLabels } from "../enums.ts";
import { partyLabels, taskStatusLabels } from "../plan/enums.ts";
import { raidStatusLabels } from "../raid/enums.ts";

/**
 * The activity feed: audit rows told as plain sentences ("Dana moved Cut-over rehearsal from
 * 3 Mar to 10 Mar"). A sentence is a list of parts so pages can link the thing changed and show
 * dates in the reader's locale.
 */
export type ActivityPart =
  | { kind: "text"; text: string }
  | { kind: "actor"; text: string }
  | { kind: "entity"; text: string; entityType: string; entityId: string }
  | { kind: "date"; date: string | null };

export interface ActivityEntry {
  entityType: string;
  entityId: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface ActivityNames {
  /** The actor's name, or null when the account is gone. */
  actor: string | null;
  /** The thing's current display name (or its last known one). */
  entity: string | null;
  /** People named in the change (assignees, owners, signers), by user id. */
  people: ReadonlyMap<string, string>;
}

const NOUNS: Record<string, string> = {
  task: "task",
  phase: "phase",
  dependency: "dependency",
  milestone: "milestone",
  gate_criterion: "gate criterion",
  gate_signer: "gate sign-off",
  baseline: "baseline",
  raid_item: "item",
  stakeholder: "stakeholder",
  comm_item: "communication",
  status_report: "status report",
  share_link: "share link",
  project: "project",
  project_member: "team member",
  pir: "post-implementation review",
  pir_objective: "review objective",
  pir_kpi: "benefit",
  pir_signer: "review sign-off",
  lesson: "lesson",
  comment: "comment",
  template: "template",
  batch: "deleted tasks",
};

const FIELD_LABELS: Record<string, string> = {
  title: "title",
  name: "name",
  description: "description",
  category: "category",
  phaseId: "phase",
  parentId: "parent",
  estimateHours: "estimate",
  actualHours: "actual hours",
  milestoneId: "milestone",
  internalOnly: "visibility",
  sortOrder: "order",
  probability: "probability",
  impact: "impact",
  mitigation: "mitigation",
  contingency: "contingency",
  owner: "owner",
  ownerUserId: "owner",
  ownerStakeholderId: "owner",
  reviewDate: "review date",
  baselineDate: "baseline date",
  forecastOverride: "forecast",
  actualDate: "actual date",
  plannedBudget: "planned budget",
  actualCost: "actual cost",
  targetGoLive: "target go-live",
  objectives: "objectives",
  summary: "summary",
  power: "power",
  interest: "interest",
  lag: "lag",
  type: "type",
};

const text = (t: string): ActivityPart => ({ kind: "text", text: t });

function label(field: string): string {
  if (field.startsWith("raci")) {
    const party = field.slice(4).toLowerCase() as keyof typeof partyLabels;
    return `${partyLabels[party] ?? field} responsibility`;
  }
  return FIELD_LABELS[field] ?? field.replace(/([A-Z])/g, " $1").toLowerCase();
}

function statusLabel(entityType: string, status: unknown): string {
  const s = String(status);
  if (entityType === "task") return taskStatusLabels[s as keyof typeof taskStatusLabels] ?? s;
  if (entityType === "raid_item") return raidStatusLabels[s as keyof typeof raidStatusLabels] ?? s;
  return s.replace(/_/g, " ");
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (v: unknown): v is string | null =>
  v === null || (typeof v === "string" && ISO.test(v));

/** One audit row as a sentence. */
export function describeActivity(entry: ActivityEntry, names: ActivityNames): ActivityPart[] {
  const actor: ActivityPart = { kind: "actor", text: names.actor ?? "Someone" };
  const noun = NOUNS[entry.entityType] ?? entry.entityType.replace(/_/g, " ");
  const fallback = (entry.after?.title ??
    entry.after?.name ??
    entry.before?.title ??
    entry.before?.name) as string | undefined;
  const thing: ActivityPart = {
    kind: "entity",
    text: names.entity ?? fallback ?? `a ${noun}`,
    entityType: entry.entityType,
    entityId: entry.entityId,
  };
  const named = names.entity !== null || fallback !== undefined;
  const theThing = named ? [text(`${noun} `), thing] : [thing];
  const after = entry.after ?? {};
  const before = entry.before ?? {};

  switch (entry.action) {
    case "create":
      return [actor, text(" added "), ...theThing];
    case "delete":
      return [actor, text(" deleted "), ...theThing];
    case "restore":
      return [actor, text(" restored "), thing];
    case "publish":
      return [actor, text(" published "), ...theThing];
    case "occurred":
      return [actor, text(" recorded that "), thing, text(" occurred and raised an issue")];
    case "sign_off":
    case "sign":
      return [actor, text(" signed off "), thing];
    case "gate_decision": {
      const decision = after.decision === "go" ? "go" : after.decision === "no_go" ? "no-go" : "";
      return [actor, text(` recorded a ${decision ? `${decision} ` : ""}decision on `), thing];
    }
    case "done":
      return [actor, text(" marked "), thing, text(" done")];
    case "move":
      return [actor, text(" moved "), thing, text(" in the plan")];
    case "import":
      return [actor, text(" imported "), thing];
    case "revoke":
      return [actor, text(" revoked "), ...theThing];
    case "links":
      return [actor, text(" changed what "), thing, text(" is linked to")];
    case "comment":
      return [actor, text(" commented on "), thing];
    case "comment_edit":
      return [actor, text(" edited a comment on "), thing];
    case "comment_delete":
      return [actor, text(" deleted a comment on "), thing];
    case "suggest_responsibilities":
      return [actor, text(" applied the playbook's responsibilities to "), thing];
  }

  // Updates: the most telling change makes the sentence; the rest are named after it.
  const fields = Object.keys(after).filter((k) => k !== "version" && k !== "updatedAt");
  const rest = (used: string[]): ActivityPart[] => {
    const others = fields.filter((f) => !used.includes(f));
    if (others.length === 0) return [];
    const labels = [...new Set(others.map(label))];
    return [text(`, and changed the ${labels.join(", ")}`)];
  };
  const dateField = ["dueDate", "startDate", "baselineDate", "forecastOverride", "actualDate"].find(
    (f) => f in after && isDate(after[f]) && isDate(before[f]),
  );
  if (dateField) {
    const from = before[dateField] as string | null;
    const to = after[dateField] as string | null;
    const used = dateField === "dueDate" ? ["dueDate", "startDate", "duration"] : [dateField];
    if (from && to) {
      return [
        actor,
        text(" moved "),
        thing,
        text(
          dateField === "dueDate" || dateField === "startDate"
            ? " from "
            : ` ${label(dateField)} from `,
        ),
        { kind: "date", date: from },
        text(" to "),
        { kind: "date", date: to },
        ...rest(used),
      ];
    }
    return [
      actor,
      text(to ? ` set the ${label(dateField)} of ` : ` cleared the ${label(dateField)} of `),
      thing,
      ...(to ? [text(" to "), { kind: "date", date: to } as ActivityPart] : []),
      ...rest(used),
    ];
  }
  if ("status" in after) {
    return [
      actor,
      text(" marked "),
      thing,
      text(` ${statusLabel(entry.entityType, after.status)}`),
      ...rest(["status", "percentComplete"]),
    ];
  }
  if ("stage" in after) {
    const stage = projectStageLabels[after.stage as keyof typeof projectStageLabels] ?? after.stage;
    return [actor, text(" moved "), thing, text(` to ${stage}`), ...rest(["stage"])];
  }
  if ("assigneeId" in after) {
    const who = after.assigneeId ? names.people.get(String(after.assigneeId)) : null;
    return after.assigneeId
      ? [actor, text(" assigned "), thing, text(` to ${who ?? "someone"}`), ...rest(["assigneeId"])]
      : [actor, text(" unassigned "), thing, ...rest(["assigneeId"])];
  }
  if ("percentComplete" in after) {
    return [
      actor,
      text(" set "),
      thing,
      text(` to ${Number(after.percentComplete)}% complete`),
      ...rest(["percentComplete"]),
    ];
  }
  if (("title" in after || "name" in after) && fields.length === 1) {
    const was = String(before.title ?? before.name ?? "");
    return [actor, text(` renamed ${noun} “${was}” to `), thing];
  }
  if (fields.length === 0) return [actor, text(" saved "), ...theThing, text(" unchanged")];
  return [actor, text(` changed the ${[...new Set(fields.map(label))].join(", ")} of `), thing];
}

/** The sentence as plain text (dates as written), for notifications and tests. */
export function activityText(parts: readonly ActivityPart[]): string {
  return parts.map((p) => (p.kind === "date" ? (p.date ?? "no date") : p.text)).join("");
}
