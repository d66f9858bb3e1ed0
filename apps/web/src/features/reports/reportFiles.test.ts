import { describe, expect, it } from "vitest";
import { base64Bytes, fileBlob, safeFileName } from "./reportFiles.ts";

const pdfText = "%PDF-1.7\n1 0 obj << /Type /Page >> endobj\n%%EOF";

describe("report files", () => {
  it("decodes base64 to the exact bytes, binary included", () => {
    const bytes = base64Bytes(Buffer.from([0, 255, 37, 80, 128]).toString("base64"));
    expect([...bytes]).toEqual([0, 255, 37, 80, 128]);
    expect(() => base64Bytes("not base64!")).toThrow();
  });

  it("turns a base64 PDF into a Blob of its type and bytes", async () => {
    const blob = fileBlob({
      filename: "ACME-CRM-status-report-3.pdf",
      contentType: "application/pdf",
      content: Buffer.from(pdfText, "latin1").toString("base64"),
      encoding: "base64",
    });
    expect(blob.type).toBe("application/pdf");
    const text = Buffer.from(await blob.arrayBuffer()).toString("latin1");
    expect(text.startsWith("%PDF-")).toBe(true);
    expect(text).toBe(pdfText);
  });

  it("keeps Markdown as UTF-8 text", async () => {
    const content = "# Zürich — status report 1\n\n🟢 Green\n";
    const blob = fileBlob({
      filename: "ZRH-status-report-1.md",
      contentType: "text/markdown",
      content,
      encoding: "utf8",
    });
    expect(blob.type).toBe("text/markdown;charset=utf-8");
    expect(await blob.text()).toBe(content);
    expect(blob.size).toBe(Buffer.byteLength(content, "utf8"));
  });

  it("saves under the server's name, never a path or an empty name", () => {
    expect(safeFileName("ACME-CRM-status-report-3.pdf")).toBe("ACME-CRM-status-report-3.pdf");
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("C:\\temp\\report.md")).toBe("report.md");
    expect(safeFileName('a<b>:"c"|?*.md')).toBe("a_b___c____.md");
    expect(safeFileName("tab\there.pdf")).toBe("tab_here.pdf");
    expect(safeFileName("...")).toBe("status-report");
    expect(safeFileName("", "fallback.pdf")).toBe("fallback.pdf");
  });
});
