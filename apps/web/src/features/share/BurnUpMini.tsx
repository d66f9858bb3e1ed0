import "@mantine/charts/styles.css";
import { LineChart } from "@mantine/charts";
import { formatDate, formatNumber } from "../../ui/format.ts";
import type { BurnUpPoint } from "./stakeholderModel.ts";

const tick = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});
const shortDate = (iso: string) => {
  const time = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(time) ? iso : tick.format(new Date(time));
};
const percent = (value: number) =>
  formatNumber(value / 100, { style: "percent", maximumFractionDigits: 0 });

/**
 * A small burn-up: planned (dashed) against recorded percent complete (its own chunk: the
 * charting library loads after the figures).
 */
export default function BurnUpMini({ points }: { points: BurnUpPoint[] }) {
  return (
    <LineChart
      h={150}
      data={points}
      dataKey="date"
      curveType="linear"
      withDots={false}
      connectNulls={false}
      lineChartProps={{ margin: { top: 4, right: 12, bottom: 0, left: 0 } }}
      yAxisProps={{ domain: [0, 100], ticks: [0, 50, 100], width: 40 }}
      xAxisProps={{ tickFormatter: shortDate, minTickGap: 32 }}
      valueFormatter={percent}
      tooltipProps={{ labelFormatter: (label) => formatDate(String(label)) }}
      gridAxis="y"
      series={[
        { name: "Planned", color: "gray.6", strokeDasharray: "6 4" },
        { name: "Actual", color: "blue.6" },
      ]}
    />
  );
}
