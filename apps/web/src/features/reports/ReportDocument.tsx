import { List, Table, Text, Title, type TitleOrder } from "@mantine/core";
import {
  formatMoney,
  healthDimensionLabels,
  healthDimensions,
  type Rag,
  rags,
  riskBands,
  riskResponseLabels,
  riskResponses,
  type StatusReport,
} from "@rollout/domain";
import type { ReactNode } from "react";
import { isOneOf } from "../../lib/isOneOf.ts";
import { RagBadge } from "../../ui/badges.tsx";
import { DateText } from "../../ui/DateText.tsx";
import { formatNumber } from "../../ui/format.ts";
import { BandBadge } from "../../ui/raidBadges.tsx";
import { SlipBadge } from "../schedule/scheduleBadges.tsx";
import { TextBlocks } from "./TextBlocks.tsx";
import "./reports.css";

const ragWords: Record<Rag, string> = { green: "Green", amber: "Amber", red: "Red" };

export const ragStrip = [
  { key: "overall", label: "Overall" },
  { key: "schedule", label: "Schedule" },
  { key: "budget", label: "Budget" },
  { key: "scope", label: "Scope" },
  { key: "risk", label: "Risk" },
] as const;

const percent = (value: number) =>
  formatNumber(value / 100, { style: "percent", maximumFractionDigits: 0 });
const index = (value: number | null) =>
  value === null || !Number.isFinite(value)
    ? "—"
    : formatNumber(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function Section({
  title,
  order,
  children,
  className,
}: {
  title: string;
  order: TitleOrder;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={`report-section ${className ?? ""}`}>
      <Title order={order} fz="h5" className="report-section-title">
        {title}
      </Title>
      {children}
    </section>
  );
}

function Metric({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <div className="report-metric">
      <dt>{label}</dt>
      <dd>
        <span className="report-metric-value">{value}</span>
        {hint ? <span className="report-metric-hint">{hint}</span> : null}
      </dd>
    </div>
  );
}

/**
 * A status report laid out as one page: the RAG strip, the numbers it was published with, the
 * milestones and their slip, the top risks, and what was done, comes next and is asked for.
 * Used for a published report, a draft's preview, and each report on the stakeholder view.
 */
export function ReportDocument({
  report,
  headingLevel = 3,
}: {
  report: StatusReport;
  /** The level of this document's section headings (the page around it has its own). */
  headingLevel?: TitleOrder;
}) {
  const m = report.metrics;
  const computed = isOneOf(rags, m.computedHealth) ? m.computedHealth : null;
  const reasons = healthDimensions.flatMap((d) =>
    (m.reasons[d] ?? []).map((text) => ({ dimension: healthDimensionLabels[d], text })),
  );
  const overBudget = m.plannedBudget > 0 && m.forecastCost > m.plannedBudget;

  return (
    <article className="report-doc" aria-label={`Status report ${report.number}`}>
      <dl className="report-rags" aria-label="Health">
        {ragStrip.map(({ key, label }) => (
          <div key={key} className="report-rag" data-rag={report[key]} data-key={key}>
            <dt>{label}</dt>
            <dd>
              <RagBadge rag={report[key]} size={key === "overall" ? "lg" : "md"} />
            </dd>
          </div>
        ))}
      </dl>
      {computed && computed !== report.overall ? (
        <Text size="xs" c="dimmed" mt={-4}>
          The written health rules gave {ragWords[computed]} overall; the project manager reports{" "}
          {ragWords[report.overall]}.
        </Text>
      ) : null}
      {reasons.length > 0 ? (
        <List size="xs" spacing={0} c="dimmed" className="report-reasons" aria-label="Why">
          {reasons.map((r) => (
            <List.Item key={`${r.dimension}-${r.text}`}>
              <b>{r.dimension}:</b> {r.text}
            </List.Item>
          ))}
        </List>
      ) : null}

      <dl className="report-metrics" aria-label="Figures">
        <Metric
          label="Progress"
          value={percent(m.progress)}
          hint={`planned ${percent(m.plannedProgress)}`}
        />
        <Metric label="SPI" value={index(m.spi)} hint="schedule performance" />
        <Metric label="CPI" value={index(m.cpi)} hint="cost performance" />
        <Metric
          label="Forecast cost"
          value={
            <span className={overBudget ? "report-over" : undefined}>
              {formatMoney(m.forecastCost, m.currency)}
            </span>
          }
          hint={`of ${formatMoney(m.plannedBudget, m.currency)} · spent ${formatMoney(m.actualCost, m.currency)}`}
        />
        <Metric
          label="Open tasks"
          value={formatNumber(m.openTasks)}
          hint={`${formatNumber(m.overdueTasks)} overdue`}
        />
        <Metric label="High risks" value={formatNumber(m.openHighRisks)} hint="open" />
      </dl>

      <Section title="Summary" order={headingLevel}>
        <TextBlocks text={report.summary} empty="No summary written." />
      </Section>

      <div className="report-columns">
        <Section title="Milestones" order={headingLevel}>
          {report.milestones.length === 0 ? (
            <Text size="sm" c="dimmed">
              No milestones in the plan.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={420} type="native">
              <Table
                fz="sm"
                verticalSpacing={4}
                horizontalSpacing="xs"
                aria-label={`Milestones in report ${report.number}`}
                className="report-table"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Milestone</Table.Th>
                    <Table.Th>Baseline</Table.Th>
                    <Table.Th>Forecast</Table.Th>
                    <Table.Th>Actual</Table.Th>
                    <Table.Th>Slip</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.milestones.map((ms) => (
                    <Table.Tr key={ms.id}>
                      <Table.Td>{ms.name}</Table.Td>
                      <Table.Td className="nowrap">
                        <DateText value={ms.baselineDate} size="sm" />
                      </Table.Td>
                      <Table.Td className="nowrap">
                        <DateText value={ms.forecastDate} size="sm" />
                      </Table.Td>
                      <Table.Td className="nowrap">
                        <DateText value={ms.actualDate} size="sm" />
                      </Table.Td>
                      <Table.Td>
                        <SlipBadge days={ms.slip} size="sm" />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Section>

        <Section title="Top risks" order={headingLevel}>
          {report.topRisks.length === 0 ? (
            <Text size="sm" c="dimmed">
              No open risks.
            </Text>
          ) : (
            <ul className="report-risks">
              {report.topRisks.map((r) => (
                <li key={r.id}>
                  <div className="report-risk-head">
                    {isOneOf(riskBands, r.band) ? (
                      <BandBadge band={r.band} score={r.score} size="sm" />
                    ) : (
                      <Text span size="sm" fw={600}>
                        {r.score}
                      </Text>
                    )}
                    <Text span size="sm" fw={600}>
                      {r.ref} · {r.title}
                    </Text>
                  </div>
                  <Text size="xs" c="dimmed">
                    {r.response && isOneOf(riskResponses, r.response)
                      ? `${riskResponseLabels[r.response]}: `
                      : ""}
                    {r.mitigation.trim() || (
                      <Text span size="xs" c="orange.8">
                        no mitigation recorded
                      </Text>
                    )}
                  </Text>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>

      <div className="report-columns report-columns-3">
        <Section title="Accomplishments" order={headingLevel}>
          <TextBlocks text={report.accomplishments} />
        </Section>
        <Section title="Next steps" order={headingLevel}>
          <TextBlocks text={report.nextSteps} />
        </Section>
        <Section title="Asks" order={headingLevel}>
          <TextBlocks text={report.asks} empty="Nothing asked." />
        </Section>
      </div>
    </article>
  );
}
