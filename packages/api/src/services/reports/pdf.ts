import { formatMoney, type StatusReport } from "@rollout/domain";
import PDFDocument from "pdfkit";

const ragColour = { green: "#2f9e44", amber: "#f08c00", red: "#e03131" } as const;
const ragWord = { green: "Green", amber: "Amber", red: "Red" } as const;

/**
 * The built-in PDF fonts speak Windows-1252 only: keep what they can draw, spell out common
 * symbols, and replace the rest, so a report never renders as gibberish.
 */
export function pdfText(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[→⇒]/g, "->")
    .replace(/[≤]/g, "<=")
    .replace(/[≥]/g, ">=")
    .replace(/[×]/g, "x")
    .replace(/[^\t\n\r\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2026\u20ac]/gu, "?");
}

const slipText = (slip: number | null) =>
  slip === null ? "-" : slip > 0 ? `+${slip} wd` : slip < 0 ? `${slip} wd` : "on time";

/** A status report as a real, paginated A4 PDF (text, not an image). */
export function reportPdf(
  report: StatusReport,
  project: { key: string; name: string; customer: string },
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    bufferPages: true,
    info: {
      Title: pdfText(`${project.name} - status report ${report.number}`),
      Author: "Rollout",
      Subject: `${project.key} ${report.periodStart} to ${report.periodEnd}`,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - 100;
  const heading = (text: string) => {
    doc.moveDown(0.8).font("Helvetica-Bold").fontSize(13).fillColor("#1c2024").text(pdfText(text));
    doc.moveDown(0.3).font("Helvetica").fontSize(10).fillColor("#1c2024");
  };
  const body = (text: string) => {
    const t = text.trim();
    doc
      .font("Helvetica")
      .fontSize(10)
      .fillColor(t ? "#1c2024" : "#868e96")
      .text(pdfText(t || "Nothing reported."), { width });
  };

  doc.font("Helvetica-Bold").fontSize(18).fillColor("#1c2024").text(pdfText(project.name));
  doc
    .font("Helvetica")
    .fontSize(10)
    .fillColor("#495057")
    .text(
      pdfText(
        `${project.key}${project.customer ? ` - ${project.customer}` : ""} - status report ${report.number} - ${report.periodStart} to ${report.periodEnd}${report.status === "draft" ? " - DRAFT" : ""}`,
      ),
    );

  heading("Health");
  const cells = [
    ["Overall", report.overall],
    ["Schedule", report.schedule],
    ["Budget", report.budget],
    ["Scope", report.scope],
    ["Risk", report.risk],
  ] as const;
  const top = doc.y;
  const cell = width / cells.length;
  cells.forEach(([label, rag], i) => {
    const x = 50 + i * cell;
    doc.roundedRect(x, top, cell - 8, 34, 4).fill(ragColour[rag]);
    doc
      .fillColor("#ffffff")
      .font("Helvetica-Bold")
      .fontSize(9)
      .text(label, x + 6, top + 6, { width: cell - 20 })
      .font("Helvetica")
      .text(ragWord[rag], x + 6, top + 19, { width: cell - 20 });
  });
  doc.x = 50;
  doc.y = top + 44;
  const m = report.metrics;
  body(
    `Progress ${m.progress}% (planned ${m.plannedProgress}%)${m.spi !== null ? ` - SPI ${m.spi}` : ""}${m.cpi !== null ? ` - CPI ${m.cpi}` : ""} - forecast cost ${formatMoney(m.forecastCost, m.currency)} of ${formatMoney(m.plannedBudget, m.currency)}`,
  );
  for (const reason of Object.values(m.reasons).flat()) {
    doc.text(pdfText(`- ${reason}`), { width });
  }

  heading("Summary");
  body(report.summary);

  heading("Milestones");
  if (report.milestones.length === 0) body("");
  for (const ms of report.milestones) {
    doc.text(
      pdfText(
        `${ms.name}: baseline ${ms.baselineDate ?? "-"}, forecast ${ms.forecastDate ?? "-"}${ms.actualDate ? `, achieved ${ms.actualDate}` : ""} (${slipText(ms.slip)})`,
      ),
      { width },
    );
  }

  heading("Top risks");
  if (report.topRisks.length === 0) body("");
  for (const r of report.topRisks) {
    doc.text(
      pdfText(
        `${r.ref} ${r.title} - score ${r.score} (${r.band})${r.mitigation ? `. Mitigation: ${r.mitigation}` : ""}`,
      ),
      { width },
    );
  }

  heading("Accomplishments");
  body(report.accomplishments);
  heading("Next steps");
  body(report.nextSteps);
  heading("Asks");
  body(report.asks);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin: lift the margin so it does not start a new page.
    doc.page.margins.bottom = 0;
    doc
      .font("Helvetica")
      .fontSize(8)
      .fillColor("#868e96")
      .text(`Page ${i + 1} of ${range.count}`, 50, doc.page.height - 40, {
        width,
        align: "right",
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}
