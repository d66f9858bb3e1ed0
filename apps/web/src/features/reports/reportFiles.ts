import type { reportFileOutput } from "@rollout/domain";
import type * as z from "zod";
import { downloadFile } from "../../lib/download.ts";

/** A file the API hands over for the browser to save: a PDF in base64 or Markdown text. */
export type ReportFile = z.infer<typeof reportFileOutput>;

/** The bytes of base64 text (what `report.pdf` sends); throws on text that is not base64. */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The file as a Blob of its own type; Markdown is saved as UTF-8 text. */
export function fileBlob(file: ReportFile): Blob {
  if (file.encoding === "base64") {
    return new Blob([base64Bytes(file.content)], { type: file.contentType });
  }
  return new Blob([file.content], { type: `${file.contentType};charset=utf-8` });
}

/**
 * A name the file can be saved under: no folders, no characters file systems refuse, never
 * empty. The server's names ("ACME-CRM-status-report-3.pdf") pass through unchanged.
 */
export function safeFileName(name: string, fallback = "status-report"): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = [...base]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || '<>:"|?*'.includes(ch) ? "_" : ch))
    .join("")
    .replace(/^\.+/, "")
    .trim();
  return cleaned === "" ? fallback : cleaned;
}

/** Saves the file in the browser's downloads under the server's name. */
export function saveFile(file: ReportFile) {
  const blob = fileBlob(file);
  downloadFile(safeFileName(file.filename), [blob], blob.type);
}
