/** Saves text as a file through a Blob URL (no network, no downloads permission needed). */
export function downloadText(fileName: string, text: string, type: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // The download has started by the next task; keep the URL a little longer for slow disks.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `redline-export-2026-11-26.json` */
export function datedName(prefix: string, ext: string, now = new Date()): string {
  return `${prefix}-${now.toISOString().slice(0, 10)}.${ext}`;
}
