import { formatMoney } from "../money.ts";
import type { StatusReport } from "../schemas/reports.ts";

const ragWord = { green: "Green", amber: "Amber", red: "Red" } as const;
const ragMark = { green: "🟢", amber: "🟠", red: "🔴" } as const;

/** Lines typed as a list stay a list; other text is kept as paragraphs. */
function block(text: string): string {
  const trimmed = text.trim();
  return trimmed === "" ? "_Nothing reported._" : trimmed;
}

/** Text a mail client renders well: escapes what Markdown would read as markup in names. */
function inline(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, "\\$1");
}

const slipText = (slip: number | null) =>
  slip === null ? "—" : slip > 0 ? `+${slip} wd` : slip < 0 ? `${slip} wd` : "on time";

/** A status report as Markdown, ready to paste into an email. */
export function reportMarkdown(
  report: StatusReport,
  project: { key: string; name: string; customer: string },
): string {
  const m = report.metrics;
  const lines = [
    `# ${inline(project.name)} — status report ${report.number}`,
    "",
    `**${inline(project.key)}**${project.customer ? ` · ${inline(project.customer)}` : ""} · period ${report.periodStart} to ${report.periodEnd}${report.status === "draft" ? " · DRAFT" : ""}`,
    "",
    "## Health",
    "",
    "| Overall | Schedule | Budget | Scope | Risk |",
    "| --- | --- | --- | --- | --- |",
    `| ${ragMark[report.overall]} ${ragWord[report.overall]} | ${ragWord[report.schedule]} | ${ragWord[report.budget]} | ${ragWord[report.scope]} | ${ragWord[report.risk]} |`,
    "",
    `Progress ${m.progress}% (planned ${m.plannedProgress}%)${m.spi !== null ? ` · SPI ${m.spi}` : ""}${m.cpi !== null ? ` · CPI ${m.cpi}` : ""} · forecast cost ${formatMoney(m.forecastCost, m.currency)} of ${formatMoney(m.plannedBudget, m.currency)}`,
    "",
  ];
  const reasons = Object.values(m.reasons).flat();
  if (reasons.length > 0) lines.push(...reasons.map((r) => `- ${inline(r)}`), "");
  lines.push("## Summary", "", block(report.summary), "");
  lines.push(
    "## Milestones",
    "",
    "| Milestone | Baseline | Forecast | Actual | Slip |",
    "| --- | --- | --- | --- | --- |",
  );
  for (const ms of report.milestones) {
    lines.push(
      `| ${inline(ms.name)} | ${ms.baselineDate ?? "—"} | ${ms.forecastDate ?? "—"} | ${ms.actualDate ?? "—"} | ${slipText(ms.slip)} |`,
    );
  }
  if (report.milestones.length === 0) lines.push("| _No milestones_ | | | | |");
  lines.push("", "## Top risks", "");
  if (report.topRisks.length === 0) lines.push("_No open risks._");
  for (const r of report.topRisks) {
    lines.push(
      `- **${r.ref}** ${inline(r.title)} — score ${r.score} (${r.band})${r.mitigation ? `; mitigation: ${inline(r.mitigation)}` : ""}`,
    );
  }
  lines.push("", "## Accomplishments", "", block(report.accomplishments), "");
  lines.push("## Next steps", "", block(report.nextSteps), "");
  lines.push("## Asks", "", block(report.asks), "");
  return `${lines.join("\n")}\n`;
}
