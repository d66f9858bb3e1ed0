import {
  type CommItem,
  commFrequencyLabels,
  commOwnerRoleLabels,
  engagementLabels,
  quadrantLabels,
  type Stakeholder,
  stakeholderSideLabels,
  toCsv,
} from "@rollout/domain";

/** The register as shown (filtered and sorted). */
export function registerCsv(rows: readonly Stakeholder[]): string {
  return toCsv([
    [
      "Name",
      "Title",
      "Side",
      "Email",
      "Power",
      "Interest",
      "Quadrant",
      "Engagement now",
      "Engagement wanted",
      "Gap",
      "Signs in as",
      "Open RAID items",
      "Notes",
    ],
    ...rows.map((s) => [
      s.name,
      s.title,
      stakeholderSideLabels[s.side],
      s.email ?? "",
      s.power,
      s.interest,
      quadrantLabels[s.quadrant],
      engagementLabels[s.engagementCurrent],
      engagementLabels[s.engagementDesired],
      s.engagementGap,
      s.user?.email ?? "",
      s.openRaidItems,
      s.notes,
    ]),
  ]);
}

/** The communication plan, in its order (next due first). */
export function commsCsv(items: readonly CommItem[]): string {
  return toCsv([
    [
      "Purpose",
      "Audience",
      "Channel",
      "Frequency",
      "Owner",
      "Next due",
      "Overdue",
      "Last done",
      "Done by",
      "Notes",
    ],
    ...items.map((c) => [
      c.purpose,
      c.audience.quadrant
        ? `Everyone to ${quadrantLabels[c.audience.quadrant].toLowerCase()}`
        : c.audience.stakeholders.map((s) => s.name).join("; "),
      c.channel,
      commFrequencyLabels[c.frequency],
      commOwnerRoleLabels[c.ownerRole],
      c.nextDue ?? "",
      c.overdue ? "yes" : "no",
      c.lastDoneOn ?? "",
      c.lastDoneBy ?? "",
      c.notes,
    ]),
  ]);
}
