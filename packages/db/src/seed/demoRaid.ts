import {
  addDays,
  type CommFrequency,
  type CommOwnerRole,
  type EngagementLevel,
  type IssueSeverity,
  type Quadrant,
  type RaidKind,
  type RaidStatus,
  type RiskPolarity,
  type RiskResponse,
  type StakeholderSide,
} from "@rollout/domain";
import { eq } from "drizzle-orm";
import type { Tx } from "../client.ts";
import { newId } from "../ids.ts";
import {
  commAudience,
  commItem,
  raidItem,
  raidMilestoneLink,
  raidScore,
  raidTaskLink,
  stakeholder,
} from "../schema/index.ts";
import type { LaidOutPhase } from "./demoPlan.ts";

type Side = StakeholderSide;
type Eng = EngagementLevel;
/** name, title, side, power, interest, engagement now, engagement wanted, notes, signs in as */
type PersonSpec = [string, string, Side, number, number, Eng, Eng, string, ("stakeholder" | null)?];

/** Who owns an item: a demo role on the project, or a stakeholder by name. */
type Owner = "pm" | "ipm" | "contributor" | { stakeholder: string } | null;

interface ItemSpec {
  kind: RaidKind;
  title: string;
  description?: string;
  status?: RaidStatus;
  owner: Owner;
  /** Days from today of the review or due date (negative: past, so it may be overdue). */
  due?: number;
  /** Risks: [probability, impact], residual, and earlier ratings [days ago, P, I]. */
  pi?: [number, number];
  residual?: [number, number];
  history?: Array<[number, number, number]>;
  polarity?: RiskPolarity;
  response?: RiskResponse;
  mitigation?: string;
  contingency?: string;
  trigger?: string;
  severity?: IssueSeverity;
  internal?: boolean;
  tasks?: string[];
  milestones?: string[];
  /** An issue raised when the risk with this title occurred. */
  from?: string;
}

interface CommSpec {
  purpose: string;
  channel: string;
  frequency: CommFrequency;
  ownerRole: CommOwnerRole;
  /** Days from today; null when nothing is scheduled. */
  due: number | null;
  audience: Quadrant | string[];
  lastDone?: number;
}

interface DemoRegister {
  people: PersonSpec[];
  items: ItemSpec[];
  comms: CommSpec[];
}

const crm: DemoRegister = {
  people: [
    [
      "Sarah Stone",
      "Head of Sales Operations (sponsor's delegate)",
      "customer",
      4,
      5,
      "supportive",
      "leading",
      "Signs off UAT and go-live for ACME. Prefers a one-page status every Friday.",
      "stakeholder",
    ],
    [
      "Marcus Hale",
      "Chief Financial Officer",
      "customer",
      5,
      2,
      "neutral",
      "supportive",
      "Owns the budget; wants the licence ramp-up tied to adoption figures.",
    ],
    [
      "Dana Whitfield",
      "VP Sales",
      "customer",
      5,
      4,
      "resistant",
      "supportive",
      "Worried the new quote process slows her teams at quarter-end. Needs early wins shown to her directly.",
    ],
    [
      "Tom Becker",
      "IT Infrastructure Lead",
      "customer",
      3,
      3,
      "neutral",
      "supportive",
      "Owns SSO and the network; stretched across three projects.",
    ],
    [
      "Leila Haddad",
      "Service Desk Manager",
      "customer",
      2,
      4,
      "supportive",
      "supportive",
      "Takes over first-line support after hypercare.",
    ],
    [
      "Raj Menon",
      "Data Protection Officer",
      "customer",
      4,
      2,
      "neutral",
      "supportive",
      "Must approve the migration of consent flags and the retention rule.",
    ],
    [
      "Emma Lindqvist",
      "Sales Team Lead (key user)",
      "customer",
      2,
      5,
      "unaware",
      "supportive",
      "Key user for the north region; not yet briefed on UAT dates.",
    ],
    [
      "Jonas Richter",
      "Works Council Representative",
      "customer",
      3,
      2,
      "resistant",
      "neutral",
      "Concerned about activity tracking in the CRM; consult before training content is final.",
    ],
    [
      "Victor Osei",
      "Account Manager, CRM vendor",
      "vendor",
      3,
      4,
      "supportive",
      "leading",
      "Escalation path for vendor defects and the 24.3 release.",
    ],
    [
      "Hannah Cole",
      "Lead Consultant, integration partner",
      "vendor",
      2,
      3,
      "neutral",
      "supportive",
      "Runs the ERP integration build; contract ends two weeks after go-live.",
    ],
    [
      "Alex Morgan",
      "Delivery Director",
      "internal",
      4,
      3,
      "leading",
      "leading",
      "Our escalation point; chairs the steering committee with Marcus Hale.",
    ],
  ],
  items: [
    {
      kind: "risk",
      title: "Key users unavailable for UAT during quarter-end",
      description:
        "UAT overlaps the last two weeks of ACME's sales quarter; key users may be pulled back to closing deals.",
      owner: "ipm",
      due: 3,
      pi: [4, 5],
      residual: [2, 4],
      history: [
        [60, 3, 4],
        [30, 4, 4],
      ],
      response: "mitigate",
      mitigation:
        "Agree named UAT slots with Dana Whitfield now; record sessions for late joiners; move regression scripts to the first week.",
      contingency: "Extend UAT by one week into the hypercare buffer.",
      trigger: "Fewer than 8 of 12 key users confirmed two weeks before UAT.",
      tasks: ["UAT with key users", "Write test scripts"],
      milestones: ["UAT sign-off"],
    },
    {
      kind: "risk",
      title: "Duplicate accounts in the legacy database exceed the cleansing estimate",
      owner: "contributor",
      due: -4,
      pi: [4, 4],
      residual: [2, 3],
      history: [[45, 3, 3]],
      response: "mitigate",
      mitigation:
        "Run the fuzzy-match report on the full extract; agree merge rules with Sales Operations.",
      contingency: "Migrate duplicates flagged for post-go-live clean-up.",
      trigger: "Trial migration 1 shows more than 5% duplicates.",
      tasks: ["Cleanse duplicate accounts", "Trial migration 1"],
    },
    {
      kind: "risk",
      title: "ERP customer-master API rate limits throttle the nightly sync",
      owner: { stakeholder: "Hannah Cole" },
      due: 10,
      pi: [3, 5],
      response: "mitigate",
      trigger: "Sync run over 45 minutes in system test.",
      tasks: ["Integration: ERP customer master"],
    },
    {
      kind: "risk",
      title: "Consent flags lost or mis-mapped during migration",
      owner: { stakeholder: "Raj Menon" },
      due: 14,
      pi: [2, 5],
      residual: [1, 5],
      response: "avoid",
      mitigation:
        "Map consent fields one-to-one; DPO reviews the reconciliation of trial migration 2.",
      tasks: ["Mapping rules for accounts and contacts", "Reconcile trial migration 2"],
    },
    {
      kind: "risk",
      title: "CRM vendor release 24.3 slips past our UAT start",
      owner: { stakeholder: "Victor Osei" },
      due: 21,
      pi: [2, 4],
      response: "transfer",
      mitigation: "Contractual date in the vendor SOW with service credits.",
    },
    {
      kind: "risk",
      title: "Sales teams resist the new quote approval step",
      owner: "pm",
      due: -2,
      pi: [3, 3],
      residual: [2, 2],
      history: [[20, 4, 3]],
      response: "mitigate",
      mitigation: "Change champions in each region; show the one-day turnaround from the pilot.",
      tasks: ["Change champion network briefing"],
    },
    {
      kind: "risk",
      title: "Integration partner days overrun the budget",
      owner: "pm",
      due: 7,
      pi: [3, 3],
      response: "accept",
      contingency: "Draw on the 8% contingency line; report to the CFO monthly.",
      internal: true,
    },
    {
      kind: "risk",
      title: "Single sign-on set-up delayed by customer IT",
      owner: { stakeholder: "Tom Becker" },
      due: 5,
      pi: [3, 2],
      response: "accept",
      tasks: ["Integration: single sign-on"],
    },
    {
      kind: "risk",
      title: "Reuse the vendor's standard quote templates",
      description: "The vendor's template pack covers 80% of ACME's quote layouts.",
      owner: "ipm",
      due: 12,
      pi: [3, 3],
      polarity: "opportunity",
      response: "exploit",
      mitigation: "Start configuration from the template pack; saves about six days.",
      tasks: ["Configure core workflows"],
    },
    {
      kind: "risk",
      title: "Training rooms double-booked in go-live week",
      owner: "contributor",
      due: 25,
      pi: [2, 1],
      response: "accept",
    },
    {
      kind: "risk",
      title: "Sandbox refresh wipes prepared UAT data",
      owner: "ipm",
      pi: [3, 4],
      response: "mitigate",
      mitigation: "Ask the vendor to skip refreshes during UAT.",
      status: "open",
    },
    {
      kind: "risk",
      title: "Licence order delayed by procurement",
      owner: "pm",
      status: "closed",
      pi: [3, 3],
      residual: [1, 3],
      response: "mitigate",
      mitigation: "Purchase order raised early; licences delivered.",
      internal: true,
    },
    {
      kind: "issue",
      title: "Sandbox refresh wiped the prepared UAT data",
      description:
        "The vendor's scheduled refresh on Tuesday removed 3 days of prepared test accounts.",
      from: "Sandbox refresh wipes prepared UAT data",
      owner: "ipm",
      due: 2,
      severity: "high",
      tasks: ["Write test scripts"],
    },
    {
      kind: "issue",
      title: "Merge rules for duplicate contacts not agreed",
      owner: "pm",
      status: "in_progress",
      due: -3,
      severity: "medium",
      tasks: ["Cleanse duplicate accounts"],
    },
    {
      kind: "issue",
      title: "Test tenant response times over 4 seconds",
      owner: { stakeholder: "Victor Osei" },
      status: "resolved",
      due: -10,
      severity: "low",
    },
    {
      kind: "issue",
      title: "42 open defects from system integration test",
      owner: "contributor",
      status: "in_progress",
      due: 6,
      severity: "high",
      tasks: ["Fix and retest defects"],
    },
    {
      kind: "assumption",
      title: "ACME delivers full data extracts by the agreed date",
      owner: { stakeholder: "Tom Becker" },
      due: 4,
      tasks: ["Data inventory and ownership"],
    },
    {
      kind: "assumption",
      title: "220 named-user licences cover every sales and service user",
      owner: "pm",
      status: "validated",
    },
    {
      kind: "assumption",
      title: "Regional sales managers attend two train-the-trainer sessions",
      owner: { stakeholder: "Dana Whitfield" },
      due: -1,
      tasks: ["Train the trainers"],
    },
    {
      kind: "dependency",
      title: "ERP team publishes the customer-master API in production",
      owner: { stakeholder: "Hannah Cole" },
      status: "at_risk",
      due: 9,
      tasks: ["Integration: ERP customer master"],
      milestones: ["Configuration complete"],
    },
    {
      kind: "dependency",
      title: "Customer IT enables SAML in their identity provider",
      owner: { stakeholder: "Tom Becker" },
      due: 5,
      tasks: ["Integration: single sign-on"],
    },
    {
      kind: "dependency",
      title: "Vendor patch 24.2.3 for the quote PDF defect",
      owner: { stakeholder: "Victor Osei" },
      status: "delivered",
      due: -12,
    },
    {
      kind: "decision",
      title: "Go live big-bang for all regions rather than phased",
      description:
        "Agreed at steering committee: one cut-over weekend, avoiding two systems in parallel.",
      owner: "pm",
      status: "decided",
      due: -20,
      milestones: ["Go-live"],
    },
    {
      kind: "decision",
      title: "Archive accounts inactive for over 7 years instead of migrating them",
      owner: { stakeholder: "Raj Menon" },
      status: "decided",
      due: -15,
    },
    {
      kind: "decision",
      title: "Length of the legacy system freeze before cut-over",
      owner: "pm",
      status: "proposed",
      due: 8,
      tasks: ["Freeze legacy system"],
    },
  ],
  comms: [
    {
      purpose: "Weekly status: progress, risks, decisions needed",
      channel: "Email",
      frequency: "weekly",
      ownerRole: "pm",
      due: -1,
      audience: "manage_closely",
      lastDone: -8,
    },
    {
      purpose: "Steering committee",
      channel: "Steering committee",
      frequency: "monthly",
      ownerRole: "pm",
      due: 9,
      audience: ["Marcus Hale", "Dana Whitfield", "Alex Morgan", "Sarah Stone"],
      lastDone: -21,
    },
    {
      purpose: "Key-user newsletter: what's coming, UAT dates",
      channel: "Newsletter",
      frequency: "fortnightly",
      ownerRole: "ipm",
      due: 0,
      audience: "keep_informed",
      lastDone: -14,
    },
    {
      purpose: "Vendor and partner sync",
      channel: "Call",
      frequency: "weekly",
      ownerRole: "ipm",
      due: 2,
      audience: ["Victor Osei", "Hannah Cole"],
      lastDone: -5,
    },
    {
      purpose: "Go-live readiness briefing",
      channel: "Meeting",
      frequency: "per_milestone",
      ownerRole: "ipm",
      due: 15,
      audience: "keep_satisfied",
    },
  ],
};

const warehouse: DemoRegister = {
  people: [
    [
      "Greta Novak",
      "Operations Director",
      "customer",
      5,
      5,
      "supportive",
      "leading",
      "Sponsor. Wants pick accuracy reported weekly from day one.",
    ],
    [
      "Paul Adeyemi",
      "DC1 Site Manager",
      "customer",
      3,
      5,
      "leading",
      "leading",
      "First site live; his super users will coach DC2 and DC3.",
    ],
    [
      "Ingrid Sorensen",
      "DC3 Site Manager (cold store)",
      "customer",
      3,
      4,
      "neutral",
      "supportive",
      "Cold-store Wi-Fi and battery life are her main worries.",
    ],
    [
      "Mo Rahman",
      "Union Shop Steward",
      "customer",
      3,
      3,
      "resistant",
      "neutral",
      "Objects to per-person pick-rate dashboards; agreed to review the reporting design.",
    ],
    [
      "Claire Dubois",
      "IT Network Manager",
      "customer",
      4,
      3,
      "neutral",
      "supportive",
      "Owns the Wi-Fi upgrade in DC3.",
    ],
    [
      "Ben Hartley",
      "Finance Controller",
      "customer",
      4,
      1,
      "neutral",
      "neutral",
      "Approves the hardware capex release.",
    ],
    [
      "Aisha Khan",
      "Health and Safety Officer",
      "customer",
      2,
      3,
      "supportive",
      "supportive",
      "Signs off the scanner holsters and freezer gloves.",
    ],
    [
      "Lukas Brandt",
      "Night Shift Supervisor, DC2",
      "customer",
      1,
      4,
      "unaware",
      "supportive",
      "Night shift missed the first briefing.",
    ],
    [
      "Nina Petrova",
      "Account Manager, ScanTech (devices)",
      "vendor",
      2,
      4,
      "supportive",
      "supportive",
      "Handles replacements and the MDM licences.",
    ],
    [
      "Omar Haddad",
      "WMS mobile app lead, vendor",
      "vendor",
      3,
      4,
      "supportive",
      "leading",
      "Owns the Android 14 crash fix.",
    ],
  ],
  items: [
    {
      kind: "risk",
      title: "Peak season starts in go-live week",
      owner: "pm",
      due: 1,
      pi: [4, 5],
      history: [[40, 3, 5]],
      response: "escalate",
      mitigation: "Steering committee to choose between go-live now and after peak.",
      milestones: ["Go-live"],
    },
    {
      kind: "risk",
      title: "Wi-Fi dead zones in the DC3 cold store",
      owner: { stakeholder: "Claire Dubois" },
      due: -5,
      pi: [4, 4],
      residual: [2, 3],
      history: [[50, 4, 3]],
      response: "mitigate",
      mitigation: "Site survey done; four extra access points ordered.",
      contingency: "Batch mode scanning with sync at the dock door.",
    },
    {
      kind: "risk",
      title: "Scanner batteries drain in the freezer in under a shift",
      owner: "ipm",
      due: 6,
      pi: [3, 4],
      residual: [2, 2],
      response: "mitigate",
      mitigation: "Cold-rated batteries and warm charging racks at each freezer door.",
    },
    {
      kind: "risk",
      title: "Second device shipment held at customs",
      owner: { stakeholder: "Nina Petrova" },
      due: 3,
      pi: [2, 5],
      response: "transfer",
      mitigation: "Vendor ships DDP; delay penalties in the contract.",
    },
    {
      kind: "risk",
      title: "Union objection to individual pick-rate tracking",
      owner: "pm",
      due: 4,
      pi: [3, 4],
      response: "mitigate",
      mitigation: "Team-level dashboards only; agreement with the works council before go-live.",
    },
    {
      kind: "risk",
      title: "Label printer drivers incompatible with the new app",
      owner: "contributor",
      due: 15,
      pi: [2, 3],
      response: "accept",
    },
    {
      kind: "risk",
      title: "Reuse DC1 super users to coach DC2 and DC3",
      owner: "ipm",
      due: 10,
      pi: [4, 2],
      polarity: "opportunity",
      response: "enhance",
      mitigation: "Release two super users per shift for two weeks.",
    },
    {
      kind: "issue",
      title: "12 scanners dead on arrival",
      owner: { stakeholder: "Nina Petrova" },
      status: "resolved",
      due: -8,
      severity: "medium",
    },
    {
      kind: "issue",
      title: "WMS mobile app crashes on Android 14 devices",
      owner: { stakeholder: "Omar Haddad" },
      status: "in_progress",
      due: 1,
      severity: "critical",
    },
    {
      kind: "issue",
      title: "Night shift not briefed on go-live changes",
      owner: "ipm",
      due: -1,
      severity: "medium",
    },
    {
      kind: "assumption",
      title: "Each DC keeps the legacy RF guns for one week after go-live",
      owner: "ipm",
      due: 5,
    },
    {
      kind: "assumption",
      title: "Customer IT manages devices through the existing MDM",
      owner: { stakeholder: "Claire Dubois" },
      status: "invalidated",
    },
    {
      kind: "dependency",
      title: "Four extra access points installed in DC3",
      owner: { stakeholder: "Claire Dubois" },
      status: "at_risk",
      due: 2,
      milestones: ["Go-live"],
    },
    {
      kind: "dependency",
      title: "MDM licences activated for 340 devices",
      owner: { stakeholder: "Nina Petrova" },
      due: -2,
    },
    {
      kind: "decision",
      title: "Go live site by site: DC1, then DC2 and DC3 a week later",
      owner: "pm",
      status: "decided",
      due: -30,
    },
    {
      kind: "decision",
      title: "Go live before or after peak season",
      owner: { stakeholder: "Greta Novak" },
      status: "proposed",
      due: 1,
      milestones: ["Go-live"],
    },
  ],
  comms: [
    {
      purpose: "Weekly status to the sponsor",
      channel: "Status report",
      frequency: "weekly",
      ownerRole: "pm",
      due: -2,
      audience: ["Greta Novak"],
      lastDone: -9,
    },
    {
      purpose: "Site managers' cut-over call",
      channel: "Call",
      frequency: "weekly",
      ownerRole: "ipm",
      due: 1,
      audience: ["Paul Adeyemi", "Ingrid Sorensen", "Lukas Brandt"],
      lastDone: -6,
    },
    {
      purpose: "Shift briefings: what changes on the floor",
      channel: "Meeting",
      frequency: "per_milestone",
      ownerRole: "ipm",
      due: 4,
      audience: "keep_informed",
    },
    {
      purpose: "Budget and capex update",
      channel: "Email",
      frequency: "monthly",
      ownerRole: "pm",
      due: 12,
      audience: "keep_satisfied",
      lastDone: -19,
    },
  ],
};

const registers: Record<string, DemoRegister> = { "ACME-CRM": crm, "NW-WMS": warehouse };

/**
 * A RAID log, a stakeholder register and a communication plan for the active demo projects:
 * every kind and band, some reviews overdue, a risk that became an issue, score histories.
 */
export function insertDemoRaid(
  tx: Tx,
  projectId: string,
  options: {
    projectKey: string;
    today: string;
    stamp: string;
    phases: LaidOutPhase[];
    milestones: Array<{ id: string; name: string }>;
    people: { pm: string; ipm: string; contributor: string | null; stakeholder: string | null };
  },
) {
  const register = registers[options.projectKey];
  if (!register) return { items: 0, stakeholders: 0 };
  const { today, stamp } = options;
  const at = (daysAgo: number) => `${addDays(today, -daysAgo)}T09:00:00.000Z`;

  const stakeholderIds = new Map<string, string>();
  for (const [name, title, side, power, interest, now, wanted, notes, signsIn] of register.people) {
    const id = newId();
    stakeholderIds.set(name, id);
    const first = name.split(" ")[0]?.toLowerCase() ?? "contact";
    tx.insert(stakeholder)
      .values({
        id,
        projectId,
        name,
        title,
        side,
        email: signsIn
          ? "stakeholder@rollout.demo"
          : `${first}@${side === "vendor" ? "vendor" : "customer"}.example`,
        power,
        interest,
        engagementCurrent: now,
        engagementDesired: wanted,
        notes,
        userId: signsIn && options.people.stakeholder ? options.people.stakeholder : null,
        createdAt: stamp,
        updatedAt: stamp,
      })
      .run();
  }

  const taskIds = new Map(
    options.phases.flatMap((p) => p.tasks.map((t) => [t.title, t.id] as const)),
  );
  const milestoneIds = new Map(options.milestones.map((m) => [m.name, m.id] as const));
  const ownerOf = (owner: Owner) => {
    if (owner === null) return { ownerUserId: null, ownerStakeholderId: null };
    if (typeof owner === "object") {
      return {
        ownerUserId: null,
        ownerStakeholderId: stakeholderIds.get(owner.stakeholder) ?? null,
      };
    }
    const userId =
      owner === "contributor"
        ? (options.people.contributor ?? options.people.ipm)
        : options.people[owner];
    return { ownerUserId: userId, ownerStakeholderId: null };
  };

  const numbers = new Map<RaidKind, number>();
  const itemIds = new Map<string, string>();
  for (const spec of register.items) {
    const id = newId();
    itemIds.set(spec.title, id);
    const number = (numbers.get(spec.kind) ?? 0) + 1;
    numbers.set(spec.kind, number);
    const fromId = spec.from ? (itemIds.get(spec.from) ?? null) : null;
    tx.insert(raidItem)
      .values({
        id,
        projectId,
        kind: spec.kind,
        number,
        title: spec.title,
        description: spec.description ?? "",
        status: spec.status ?? (spec.kind === "decision" ? "proposed" : "open"),
        ...ownerOf(spec.owner),
        dueDate: spec.due === undefined ? null : addDays(today, spec.due),
        probability: spec.pi?.[0] ?? null,
        impact: spec.pi?.[1] ?? null,
        residualProbability: spec.residual?.[0] ?? null,
        residualImpact: spec.residual?.[1] ?? null,
        polarity: spec.polarity ?? "threat",
        response: spec.response ?? null,
        mitigation: spec.mitigation ?? "",
        contingency: spec.contingency ?? "",
        trigger: spec.trigger ?? "",
        severity: spec.severity ?? null,
        internalOnly: spec.internal ?? false,
        convertedFromId: fromId,
        createdAt: stamp,
        updatedAt: stamp,
      })
      .run();
    if (fromId) {
      // The risk it came from occurred: it points at this issue.
      tx.update(raidItem)
        .set({ status: "occurred", convertedToId: id })
        .where(eq(raidItem.id, fromId))
        .run();
    }
    if (spec.kind === "risk" && spec.pi) {
      const points: Array<[number, number, number]> = [
        ...(spec.history ?? []),
        [0, spec.pi[0], spec.pi[1]],
      ];
      for (const [daysAgo, probability, impact] of points) {
        const last = daysAgo === 0;
        tx.insert(raidScore)
          .values({
            id: newId(),
            raidItemId: id,
            at: last ? stamp : at(daysAgo),
            byUserId: options.people.ipm,
            probability,
            impact,
            residualProbability: last ? (spec.residual?.[0] ?? null) : null,
            residualImpact: last ? (spec.residual?.[1] ?? null) : null,
          })
          .run();
      }
    }
    for (const title of spec.tasks ?? []) {
      const taskId = taskIds.get(title);
      if (taskId) tx.insert(raidTaskLink).values({ raidItemId: id, taskId }).run();
    }
    for (const name of spec.milestones ?? []) {
      const milestoneId = milestoneIds.get(name);
      if (milestoneId) tx.insert(raidMilestoneLink).values({ raidItemId: id, milestoneId }).run();
    }
  }

  for (const c of register.comms) {
    const id = newId();
    const nextDue = c.due === null ? null : addDays(today, c.due);
    tx.insert(commItem)
      .values({
        id,
        projectId,
        quadrant: typeof c.audience === "string" ? c.audience : null,
        purpose: c.purpose,
        channel: c.channel,
        frequency: c.frequency,
        ownerRole: c.ownerRole,
        nextDue,
        anchorDay: nextDue ? Number(nextDue.slice(8, 10)) : null,
        lastDoneOn: c.lastDone === undefined ? null : addDays(today, c.lastDone),
        lastDoneBy: c.lastDone === undefined ? null : options.people[c.ownerRole],
        createdAt: stamp,
        updatedAt: stamp,
      })
      .run();
    if (Array.isArray(c.audience)) {
      for (const name of c.audience) {
        const stakeholderId = stakeholderIds.get(name);
        if (stakeholderId)
          tx.insert(commAudience).values({ commId: id, stakeholderId, createdAt: stamp }).run();
      }
    }
  }
  return { items: register.items.length, stakeholders: register.people.length };
}
