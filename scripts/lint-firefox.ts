/**
 * `npm run lint:firefox`: addons.mozilla.org's linter (`web-ext lint`, the checks AMO runs on upload)
 * on the built Firefox add-on, `.output/firefox-mv2`. It fails on any error, on any warning or notice
 * that docs/firefox-lint.md does not list with its reason, and on a listed one that no longer occurs
 * (so the list stays true). Run through web-ext's API, not its command line, which looks for updates
 * of itself on the network.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import webExt, { type LintMessage } from 'web-ext';

const ROOT = join(import.meta.dirname, '..');
const SOURCE_DIR = join(ROOT, '.output/firefox-mv2');
const LISTED = join(ROOT, 'docs/firefox-lint.md');

interface Listed {
  code: string;
  files: RegExp[];
  row: string;
}

/** The table rows of docs/firefox-lint.md: | `CODE` | `file`, `chunks/x-*.js` | why |. */
function listedWarnings(markdown: string): Listed[] {
  return markdown
    .split('\n')
    .map((row) => /^\|\s*`([A-Z_]+)`\s*\|([^|]+)\|/.exec(row))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({
      code: m[1]!,
      row: m[0],
      files: [...m[2]!.matchAll(/`([^`]+)`/g)].map((f) => new RegExp(`^${f[1]!.replace(/[.+?^${}()[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`)),
    }));
}

const matches = (listed: Listed, message: LintMessage) => listed.code === message.code && listed.files.some((f) => f.test(message.file ?? ''));

if (!existsSync(join(SOURCE_DIR, 'manifest.json'))) {
  console.error(`No Firefox build at ${SOURCE_DIR}: run \`npm run build:firefox\` (or \`npm run zip\`) first.`);
  process.exit(1);
}
const listed = listedWarnings(readFileSync(LISTED, 'utf8'));
const result = await webExt.cmd.lint({ sourceDir: SOURCE_DIR, output: 'none', boring: true }, { shouldExitProgram: false });
const describe = (m: LintMessage) => `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} — ${m.message}`;

const problems: string[] = result.errors.map((m) => `error: ${describe(m)}`);
for (const m of [...result.warnings, ...result.notices]) {
  if (listed.some((l) => matches(l, m))) console.log(`listed: ${describe(m)}`);
  else problems.push(`not listed in docs/firefox-lint.md: ${describe(m)}`);
}
for (const l of listed) {
  if (![...result.warnings, ...result.notices].some((m) => matches(l, m))) problems.push(`listed in docs/firefox-lint.md but no longer reported: ${l.row}`);
}
const { errors, warnings, notices } = result.summary;
console.log(`web-ext lint ${SOURCE_DIR.slice(ROOT.length + 1)}: ${errors} errors, ${warnings} warnings, ${notices} notices`);
for (const p of problems) console.error(p);
process.exit(problems.length === 0 ? 0 : 1);
