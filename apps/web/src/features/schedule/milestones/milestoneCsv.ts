import { type Milestone, milestoneStatusLabels, toCsv } from "@rollout/domain";

/** The milestones as shown, with forecast, slip, status, gate state and sign-offs. */
export function milestoneCsv(milestones: readonly Milestone[]): string {
  return toCsv([
    [
      "Milestone",
      "Gate",
      "Go-live",
      "Baseline",
      "Forecast",
      "Forecast set by hand",
      "Actual",
      "Slip (working days)",
      "Status",
      "Criteria met",
      "Decision",
      "Signed off",
      "Tasks",
    ],
    ...milestones.map((m) => [
      m.name,
      m.isGate ? "yes" : "no",
      m.isGoLive ? "yes" : "no",
      m.baselineDate,
      m.forecastDate,
      m.forecastOverride ? `yes: ${m.forecastOverride.reason}` : "no",
      m.actualDate,
      m.slip,
      milestoneStatusLabels[m.status],
      m.criteria.length > 0
        ? `${m.criteria.filter((c) => c.met).length} of ${m.criteria.length}`
        : "",
      m.decision ? `${m.decision.decision === "go" ? "Go" : "No go"}: ${m.decision.reason}` : "",
      m.signers.length > 0
        ? `${m.signers.filter((s) => s.signedAt).length} of ${m.signers.length}`
        : "",
      m.taskIds.length,
    ]),
  ]);
}
