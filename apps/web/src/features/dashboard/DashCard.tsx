import { Paper, Title } from "@mantine/core";
import { type ReactNode, useId } from "react";
import "./dashboard.css";

interface DashCardProps {
  title: string;
  /** A link to the page with the detail (hidden in print). */
  action?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/** One card of the project dashboard: a titled region, its detail one link away. */
export function DashCard({ title, action, children, testId }: DashCardProps) {
  const id = useId();
  return (
    <Paper
      component="section"
      aria-labelledby={id}
      withBorder
      radius="md"
      p="md"
      h="100%"
      data-testid={testId}
    >
      <div className="dash-card-title">
        <Title order={2} fz="h4" id={id}>
          {title}
        </Title>
        {action ? <div className="no-print">{action}</div> : null}
      </div>
      {children}
    </Paper>
  );
}

/** A labelled figure: "SPI 0.97". */
export function Figure({
  label,
  value,
  hint,
  color,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  color?: string;
}) {
  return (
    <div>
      <div
        className="figure-value"
        style={color ? { color: `var(--mantine-color-${color}-text)` } : undefined}
      >
        {value}
      </div>
      <div
        style={{ fontSize: "var(--mantine-font-size-xs)", color: "var(--mantine-color-dimmed)" }}
      >
        {label}
        {hint ? <> · {hint}</> : null}
      </div>
    </div>
  );
}
