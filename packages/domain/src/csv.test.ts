import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvSyntaxError, csvCell, parseCsv, toCsv, unguardCell } from "./csv.ts";

describe("CSV", () => {
  it("quotes cells that need it and guards formulas", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("-5 days")).toBe("'-5 days");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
    expect(unguardCell("'=SUM(A1)")).toBe("=SUM(A1)");
    expect(unguardCell("'quoted")).toBe("'quoted");
    expect(unguardCell(csvCell("'=already guarded"))).toBe("'=already guarded");
  });

  it("parses quotes, embedded line breaks, CRLF, a BOM and blank lines, with line numbers", () => {
    const text = '\uFEFFa,b\r\n"x, y","multi\nline"\r\n\r\n"say ""hi""",\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["x, y", "multi\nline"] },
      { line: 5, cells: ['say "hi"', ""] },
    ]);
  });

  it("names the line of a quote that is never closed", () => {
    expect(() => parseCsv('a\nb\n"open')).toThrowError(CsvSyntaxError);
    expect(() => parseCsv('a\nb\n"open')).toThrowError(/Line 3/);
  });

  it("reads back whatever it writes", () => {
    const cell = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 30 }),
      fc.constantFrom("'=x", "=SUM(A1)", "-1", "'", '"', ",", "\r\n", "\n\n", "''+y"),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        (rows) => {
          const parsed = parseCsv(toCsv(rows)).map((r) => r.cells.map(unguardCell));
          expect(parsed).toEqual(rows);
        },
      ),
    );
  });
});
