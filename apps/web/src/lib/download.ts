/** Saves data as a file in the browser's downloads (an anchor with `download`, then released). */
export function downloadFile(fileName: string, parts: BlobPart[], type: string) {
  const blob = new Blob(parts, { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves text as a CSV file; a byte-order mark so spreadsheet programs read it as UTF-8. */
export function downloadCsv(fileName: string, csv: string) {
  downloadFile(fileName, ["\uFEFF", csv], "text/csv;charset=utf-8");
}
