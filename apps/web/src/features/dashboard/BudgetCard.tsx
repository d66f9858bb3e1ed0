import { Stack, Table, Text } from "@mantine/core";
import { formatMoney, type ProjectDashboard } from "@rollout/domain";
import { formatNumber } from "../../ui/format.ts";
import { budgetBars, budgetVariance } from "./chartData.ts";
import { DashCard, Figure } from "./DashCard.tsx";
import { formatIndex, indexColor, percentText } from "./dashboardFormat.ts";

function money(minor: number, currency: string): string {
  try {
    return formatMoney(minor, currency);
  } catch {
    return `${formatNumber(minor / 100)} ${currency}`;
  }
}

const hours = (h: number) => `${formatNumber(h, { maximumFractionDigits: 0 })} h`;

/**
 * Money (planned, spent, forecast at completion) and earned value on estimate hours: PV, EV,
 * AC with SPI and CPI, for the project and per phase.
 */
export function BudgetCard({ dashboard }: { dashboard: ProjectDashboard }) {
  const { budget, ev, phases } = dashboard;
  const bars = budgetBars(budget);
  const variance = budgetVariance(budget);
  const over = variance !== null && variance > 0;
  return (
    <DashCard title="Budget and earned value" testId="budget-card">
      <Stack gap="md">
        {budget.planned === 0 && budget.actual === 0 && budget.forecast === 0 ? null : (
          <div className="budget-bars">
            {bars.map((bar) => (
              <div key={bar.key} style={{ display: "contents" }}>
                <Text size="sm">{bar.label}</Text>
                <div className="budget-track" aria-hidden>
                  <div
                    className="budget-fill"
                    data-key={bar.key}
                    data-over={(bar.key === "forecast" && over) || undefined}
                    style={{ width: `${bar.width}%` }}
                  />
                </div>
                {bar.key === "forecast" && bar.value === budget.planned ? (
                  // The same figure twice reads like a typo: say it instead.
                  <Text size="sm" c="dimmed" ta="right">
                    as planned
                  </Text>
                ) : (
                  <Text
                    size="sm"
                    fw={600}
                    ta="right"
                    style={{ fontVariantNumeric: "tabular-nums" }}
                  >
                    {money(bar.value, budget.currency)}
                  </Text>
                )}
              </div>
            ))}
          </div>
        )}
        <Text size="sm" c={over ? "red" : "dimmed"} fw={over ? 600 : 400}>
          {variance === null
            ? "No budget planned yet."
            : variance === 0
              ? "Forecast on plan."
              : over
                ? `Forecast ${formatNumber(variance, { maximumFractionDigits: 1 })}% over plan (${money(budget.forecast - budget.planned, budget.currency)})`
                : `Forecast within plan (${money(budget.planned - budget.forecast, budget.currency)} to spare)`}
        </Text>

        <div className="figure-row">
          <Figure label="Planned value (PV)" value={hours(ev.pv)} />
          <Figure label="Earned value (EV)" value={hours(ev.ev)} />
          <Figure label="Actual hours (AC)" value={hours(ev.ac)} />
          <Figure label="SPI" value={formatIndex(ev.spi)} color={indexColor(ev.spi)} />
          <Figure label="CPI" value={formatIndex(ev.cpi)} color={indexColor(ev.cpi)} />
        </div>

        {phases.length > 0 ? (
          <Table.ScrollContainer minWidth={520} type="native">
            <Table
              verticalSpacing={4}
              fz="sm"
              className="dense-table"
              aria-label="Earned value per phase"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Phase</Table.Th>
                  <Table.Th scope="col" className="num">
                    Done
                  </Table.Th>
                  <Table.Th scope="col" className="num">
                    <abbr title="Budget at completion (estimate hours)">BAC</abbr>
                  </Table.Th>
                  <Table.Th scope="col" className="num">
                    PV
                  </Table.Th>
                  <Table.Th scope="col" className="num">
                    EV
                  </Table.Th>
                  <Table.Th scope="col" className="num">
                    AC
                  </Table.Th>
                  <Table.Th scope="col" className="num">
                    SPI
                  </Table.Th>
                  <Table.Th scope="col" className="num">
                    CPI
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {phases.map((phase) => (
                  <Table.Tr key={phase.id}>
                    <Table.Td style={{ whiteSpace: "normal" }}>{phase.name}</Table.Td>
                    <Table.Td className="num">{percentText(phase.progress)}</Table.Td>
                    <Table.Td className="num">{hours(phase.ev.bac)}</Table.Td>
                    <Table.Td className="num">{hours(phase.ev.pv)}</Table.Td>
                    <Table.Td className="num">{hours(phase.ev.ev)}</Table.Td>
                    <Table.Td className="num">{hours(phase.ev.ac)}</Table.Td>
                    <Table.Td className="num">
                      <Text
                        span
                        size="sm"
                        c={indexColor(phase.ev.spi)}
                        fw={indexColor(phase.ev.spi) ? 700 : 400}
                      >
                        {formatIndex(phase.ev.spi)}
                      </Text>
                    </Table.Td>
                    <Table.Td className="num">
                      <Text
                        span
                        size="sm"
                        c={indexColor(phase.ev.cpi)}
                        fw={indexColor(phase.ev.cpi) ? 700 : 400}
                      >
                        {formatIndex(phase.ev.cpi)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text size="sm" c="dimmed">
            Earned value per phase appears once the plan has phases with estimated tasks.
          </Text>
        )}
        <Text size="xs" c="dimmed">
          Earned value counts estimate hours: PV is the work planned by today, EV the work done, AC
          the hours booked. SPI = EV ÷ PV, CPI = EV ÷ AC; below {formatIndex(0.9)} shows in red.
        </Text>
      </Stack>
    </DashCard>
  );
}
