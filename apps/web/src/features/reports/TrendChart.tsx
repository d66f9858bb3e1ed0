import "@mantine/charts/styles.css";
import { LineChart } from "@mantine/charts";
import { formatDate } from "../../ui/format.ts";
import type { TrendChartData } from "./trendModel.ts";

const tick = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});
const dayTick = (day: number) => tick.format(new Date(day * 86_400_000));

/**
 * Each milestone's forecast in each published report (its own chunk: the charting library loads
 * only here). A flat line is a stable date, a rising one a slipping date; each baseline is a
 * dashed line in the milestone's colour.
 */
export default function TrendChart({ data }: { data: TrendChartData }) {
  return (
    <LineChart
      h={300}
      data={data.rows}
      dataKey="period"
      curveType="linear"
      connectNulls={false}
      strokeWidth={2.5}
      lineChartProps={{ margin: { top: 8, right: 24, bottom: 0, left: 8 } }}
      yAxisProps={{ domain: data.domain, ticks: data.ticks, width: 72, allowDecimals: false }}
      valueFormatter={dayTick}
      tooltipProps={{
        labelFormatter: (label, payload) => {
          const end = payload?.[0]?.payload?.periodEnd;
          return typeof end === "string" ? `${label} · period ending ${formatDate(end)}` : label;
        },
      }}
      withLegend
      legendProps={{ verticalAlign: "top", height: 44 }}
      gridAxis="y"
      referenceLines={data.series.flatMap((s) =>
        s.baselineDay === null
          ? []
          : [{ y: s.baselineDay, color: s.color, strokeDasharray: "6 4", strokeOpacity: 0.75 }],
      )}
      series={data.series.map((s) => ({ name: s.key, label: s.name, color: s.color }))}
    />
  );
}
