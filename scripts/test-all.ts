/**
 * `npm test`: everything CI checks, in order, streaming each tool's own output:
 *   tsc --noEmit · eslint (type-aware lint) · depcruise (the layer rules, .dependency-cruiser.cjs) · knip ·
 *   vitest run (unit) · wxt zip · wxt zip -b firefox (the builds and their store packages, `npm run zip`) ·
 *   web-ext lint of the Firefox build (scripts/lint-firefox.ts) · the browser tests in Chromium and
 *   Firefox (test/e2e/run.ts).
 * It totals the passed and failed tests of both vitest runs (from their JSON reports) and ends with the
 * plain line `N passed, N failed`, which is what CI reads. A step that is not a test run (typecheck, a
 * build) and fails counts as one failure; so does a test run that fails without reporting a failed test.
 * Exits non-zero on any failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'test-results');
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);

interface Step {
  name: string;
  command: string;
  args: string[];
  /** Vitest JSON report this step writes; absent for steps that are not test runs. */
  report?: string;
  /** Skip (and count as failed) when one of these earlier steps failed. */
  needs?: string[];
}

const vitestReport = (file: string) => ['--reporter=default', '--reporter=json', `--outputFile.json=${join(RESULTS, file)}`];

const STEPS: Step[] = [
  { name: 'typecheck', command: bin('tsc'), args: ['--noEmit'] },
  // The checks of `npm run lint`: the format (.prettierrc.json), ESLint with types, the layer rules, the
  // dead-code check.
  { name: 'format', command: bin('prettier'), args: ['--check', '.', '--log-level', 'warn'] },
  { name: 'lint code', command: bin('eslint'), args: ['.'] },
  { name: 'layers', command: bin('depcruise'), args: ['--config', '.dependency-cruiser.cjs', '.'] },
  { name: 'dead code', command: bin('knip'), args: [] },
  { name: 'unit tests', command: bin('vitest'), args: ['run', ...vitestReport('unit.json')], report: 'unit.json' },
  // `wxt zip` builds, then packages: the browser tests use the builds, bundle.e2e.ts checks the packages.
  { name: 'package chrome', command: bin('wxt'), args: ['zip'] },
  { name: 'package firefox', command: bin('wxt'), args: ['zip', '-b', 'firefox'] },
  { name: 'lint firefox', command: process.execPath, args: ['--import', 'tsx', 'scripts/lint-firefox.ts'], needs: ['package firefox'] },
  {
    name: 'browser tests',
    command: process.execPath,
    args: ['--import', 'tsx', 'test/e2e/run.ts', '--no-build', ...vitestReport('e2e.json')],
    report: 'e2e.json',
    needs: ['package chrome', 'package firefox'],
  },
];

interface Outcome {
  name: string;
  ok: boolean;
  seconds: number;
  passed: number;
  failed: number;
  note: string;
}

interface VitestReport {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  testResults?: { status: string; assertionResults?: { status: string }[] }[];
}

/**
 * Counts from a vitest JSON report (jest-compatible fields), or null when there is none. A test file
 * that failed outside its tests (an import error, a failing beforeAll) counts as one failure: its tests
 * show as skipped, and the line must not read "0 failed".
 */
function readReport(file: string): { passed: number; failed: number; skipped: number } | null {
  const path = join(RESULTS, file);
  if (!existsSync(path)) return null;
  const r = JSON.parse(readFileSync(path, 'utf8')) as VitestReport;
  const brokenFiles = (r.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')).length;
  return {
    passed: r.numPassedTests ?? 0,
    failed: (r.numFailedTests ?? 0) + brokenFiles,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
  };
}

mkdirSync(RESULTS, { recursive: true });
const outcomes: Outcome[] = [];
for (const step of STEPS) {
  const failedNeed = step.needs?.find((name) => outcomes.find((o) => o.name === name)?.ok === false);
  if (failedNeed) {
    outcomes.push({ name: step.name, ok: false, seconds: 0, passed: 0, failed: 1, note: `not run: ${failedNeed} failed` });
    continue;
  }
  console.log(`\n━━ ${step.name}: ${[step.command.replace(ROOT + '/', ''), ...step.args].join(' ')}`);
  if (step.report) rmSync(join(RESULTS, step.report), { force: true }); // never count a stale report
  const started = performance.now();
  const run = spawnSync(step.command, step.args, { cwd: ROOT, stdio: 'inherit' });
  const seconds = (performance.now() - started) / 1000;
  const exitOk = run.status === 0;
  const report = step.report ? readReport(step.report) : null;
  const passed = report?.passed ?? 0;
  let failed = report?.failed ?? 0;
  let note = report ? `${report.passed} passed, ${report.failed} failed${report.skipped ? `, ${report.skipped} skipped/todo` : ''}` : '';
  if (!exitOk && failed === 0) {
    failed = 1; // the step failed without a failed test to show for it (type error, build error, crash)
    note = [note, `exit ${run.status ?? run.signal}`].filter(Boolean).join('; ');
  }
  outcomes.push({ name: step.name, ok: exitOk && failed === 0, seconds, passed, failed, note });
}

console.log('\n━━ summary');
for (const o of outcomes) {
  console.log(`${o.ok ? 'ok  ' : 'FAIL'}  ${o.name.padEnd(16)} ${o.seconds.toFixed(1).padStart(6)} s  ${o.note}`);
}
const passed = outcomes.reduce((n, o) => n + o.passed, 0);
const failed = outcomes.reduce((n, o) => n + o.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
