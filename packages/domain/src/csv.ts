/**
 * CSV as spreadsheets write it (RFC 4180): comma-separated, fields quoted with `"` when they
 * hold a comma, quote or line break, `""` for a quote inside quotes, CRLF or LF line ends.
 */

/**
 * One cell: quoted when needed, and text a spreadsheet would run as a formula (=, +, -, @ first)
 * prefixed with an apostrophe so opening the export never executes it.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  // A cell already starting with apostrophes before a formula character gets one more, so that
  // `unguardCell` (which strips one) reads back exactly what was written.
  const safe = typeof value === "string" && /^'*[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to CSV text, with CRLF line ends (what spreadsheets expect). */
export function toCsv(
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
): string {
  return `${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/** Undoes the formula guard of `csvCell`: `'=SUM(A1)` reads back as `=SUM(A1)`. */
export function unguardCell(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`Line ${line}: ${message}`);
    this.name = "CsvSyntaxError";
  }
}

/**
 * Parses CSV text into rows of cells. A byte-order mark is dropped; blank lines are skipped.
 * Each row carries the line it started on, so errors can name it. An unclosed quote throws.
 */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let cells: string[] = [];
  let cell = "";
  let rowLine = 1;
  let quoted = false;
  let quoteLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === "")) rows.push({ line: rowLine, cells });
    cells = [];
    cell = "";
  };
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === "") {
      quoted = true;
      quoteLine = line;
    } else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (quoted) throw new CsvSyntaxError("a quoted field is never closed", quoteLine);
  if (cell !== "" || cells.length > 0) endRow();
  return rows;
}
