import "@mantine/charts/styles.css";
import { LineChart } from "@mantine/charts";
import { formatDate } from "../../ui/format.ts";
import type { BurnUpRow } from "./chartData.ts";
import { percentText } from "./dashboardFormat.ts";

const tick = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" });
const shortDate = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return y && m && d ? tick.format(new Date(y, m - 1, d)) : iso;
};

/**
 * Planned against recorded percent complete over time, with today marked (its own chunk: the
 * charting library loads after the dashboard's figures). The plan is dashed so the two lines
 * read apart without colour too.
 */
export default function BurnUpChart({ rows, today }: { rows: BurnUpRow[]; today: string | null }) {
  return (
    <LineChart
      h={220}
      data={rows}
      dataKey="date"
      curveType="linear"
      withDots={false}
      // The figure is one image with its numbers in words; no tab stop inside it.
      accessibilityLayer={false}
      connectNulls={false}
      lineChartProps={{ margin: { top: 8, right: 16, bottom: 0, left: 0 } }}
      yAxisProps={{ domain: [0, 100], ticks: [0, 25, 50, 75, 100], width: 44 }}
      xAxisProps={{ tickFormatter: shortDate, minTickGap: 24 }}
      valueFormatter={(value) => percentText(value)}
      tooltipProps={{ labelFormatter: (label) => formatDate(String(label)) }}
      withLegend
      legendProps={{ verticalAlign: "top", height: 28 }}
      gridAxis="y"
      referenceLines={
        today ? [{ x: today, label: "Today", color: "red.6", strokeDasharray: "4 3" }] : []
      }
      series={[
        { name: "Planned", color: "gray.6", strokeDasharray: "6 4" },
        { name: "Actual", color: "blue.6" },
      ]}
    />
  );
}
