/**
 * The same-run baselines that stand for "what any extension pays", made from the built extension:
 *
 * - a null extension: Redline's manifest (the same content scripts, the same matches, the page bridge
 *   registered in the MAIN world, the same worker registration) with every script emptied. Its
 *   content scripts' cost on a Seller Central load is the floor of ours.
 * - a blank extension page (`bench-blank.html`, added to the bench's copy only): one line of text, no
 *   script, no style sheet. Its first contentful paint is the floor of the popup's first paint in the
 *   same browser: Chromium's new tab and extension-page load.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface Manifest {
  background?: { service_worker?: string };
  content_scripts?: { js?: string[] }[];
}

export const BLANK_PAGE = 'bench-blank.html';

/** Writes the null extension next to `extensionDir` and returns its directory. */
export function nullExtension(extensionDir: string): string {
  const dir = join(dirname(extensionDir), 'null-extension');
  rmSync(dir, { recursive: true, force: true });
  cpSync(extensionDir, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const scripts = [...(manifest.content_scripts ?? []).flatMap((c) => c.js ?? []), manifest.background?.service_worker ?? 'background.js'];
  for (const file of scripts) writeFileSync(join(dir, file), '');
  return dir;
}

/** Adds the blank page to the built extension the bench loads (bench-output/ only: never shipped). */
export function addBlankPage(extensionDir: string): void {
  if (!existsSync(join(extensionDir, 'manifest.json'))) return;
  writeFileSync(
    join(extensionDir, BLANK_PAGE),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Redline</title></head><body><p>Redline</p></body></html>\n',
  );
}
