/**
 * Shipped bundle sizes, gzip, read from the built extension (.output/chrome-mv3): each entry counts
 * every file it loads — the manifest's content-script files, the HTML page's scripts, preloads and
 * styles (shared chunks counted in every entry that loads them), the worker's script.
 * Baseline: the same files uncompressed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './figures';

interface Manifest {
  background?: { service_worker?: string };
  content_scripts?: { js?: string[]; css?: string[] }[];
}

/** Scripts, module preloads and stylesheets an extension page loads (absolute paths in WXT's output). */
function pageFiles(dir: string, html: string): string[] {
  const text = readFileSync(join(dir, html), 'utf8');
  return [...text.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
}

function sizes(dir: string, files: string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of new Set(files)) {
    const bytes = readFileSync(join(dir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw: raw / 1024, gzip: gzip / 1024 };
}

export function bundleFigures(dir: string): Figure[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const entries: [string, string[], number][] = [
    ['content scripts', (manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]), 30],
    ['popup', pageFiles(dir, 'popup.html'), 60],
    ['background', [manifest.background?.service_worker ?? 'background.js'], 60],
  ];
  return entries.map(([name, files, budget]) => {
    const s = sizes(dir, files);
    return {
      name: `bundle ${name}, gzip`,
      value: s.gzip,
      unit: 'kB',
      budget,
      baseline: { name: 'uncompressed', value: s.raw },
      note: [...new Set(files)].join(', '),
    };
  });
}
