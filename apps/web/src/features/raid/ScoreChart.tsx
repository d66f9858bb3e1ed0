import "@mantine/charts/styles.css";
import { LineChart } from "@mantine/charts";

/**
 * The score history as lines (its own chunk: the charting library loads only when a risk with a
 * history is opened). Residual is dashed, so the two read apart without colour too.
 */
export default function ScoreChart({
  data,
}: {
  data: { at: string; Score: number | null; Residual: number | null }[];
}) {
  return (
    <LineChart
      h={180}
      data={data}
      dataKey="at"
      curveType="linear"
      lineChartProps={{ margin: { top: 4, right: 16, bottom: 0, left: 0 } }}
      yAxisProps={{ domain: [0, 25], ticks: [0, 5, 10, 15, 20, 25] }}
      withLegend
      legendProps={{ verticalAlign: "top", height: 28 }}
      connectNulls={false}
      series={[
        { name: "Score", color: "red.6" },
        { name: "Residual", color: "blue.6", strokeDasharray: "5 4" },
      ]}
    />
  );
}
