/**
 * `npm run bench`: builds the extension, then measures it (test/bench/*.ts) and prints every figure
 * with its budget and its same-run baseline. Exit code 1 when any budget is missed. Not part of
 * `npm test`: timings depend on the machine and what else runs on it.
 *
 *   npm run bench                  everything (~2–4 min here)
 *   npm run bench -- --no-build    reuse bench-output/chrome-mv3
 *   npm run bench -- --only=engine,bundles   a subset: engine, bundles, page, storage
 *   npm run bench -- --only=page --top=15    also where the content scripts spent their time
 *   npm run bench -- --no-build --extension=bench-output/before/chrome-mv3   measure another build
 *                                  (a before/after pair in one session: docs/performance.md, "Method")
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT, launchHarness, type Harness } from '../e2e/harness';
import { addBlankPage, nullExtension } from './baseline-extensions';
import { bundleFigures } from './bundles';
import { engineFigures } from './engine';
import { formatFigure, passes, type Figure } from './figures';
import { pageFigures } from './page';
import { storageFigures } from './storage';

/** Built by test/bench/wxt.bench.config.ts: a directory no other `wxt build` writes to. */
const BENCH_BUILD = join(PROJECT_ROOT, 'bench-output/chrome-mv3');

type Section = 'engine' | 'bundles' | 'page' | 'storage';
const SECTIONS: Section[] = ['engine', 'bundles', 'page', 'storage'];

const machine = () =>
  `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;

export async function runBench(argv: string[]): Promise<number> {
  const only = argv
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  const top = Number(argv.find((a) => a.startsWith('--top='))?.slice('--top='.length) ?? 0);
  const wanted = SECTIONS.filter((s) => !only || only.includes(s));
  const other = argv.find((a) => a.startsWith('--extension='))?.slice('--extension='.length);
  const EXTENSION_DIR = other ? resolve(PROJECT_ROOT, other) : BENCH_BUILD;
  const started = performance.now();
  console.log(`machine: ${machine()}`);
  if (!other && !argv.includes('--no-build') && wanted.some((s) => s !== 'engine')) {
    const build = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/wxt'), ['build', '-c', 'test/bench/wxt.bench.config.ts'], {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
    });
    if (build.status !== 0) return 1;
  }
  const figures: Figure[] = [];
  let harness: Harness | undefined;
  let floor: Harness | undefined;
  const report = (list: Figure[]) => {
    for (const f of list) console.log(formatFigure(f));
    figures.push(...list);
  };
  for (const section of wanted) {
    console.log(`\n== ${section}`);
    if (section === 'engine') report(engineFigures());
    if (section === 'bundles') report(bundleFigures(EXTENSION_DIR));
    if (section === 'page' || section === 'storage') {
      // One browser for both: launching costs seconds, and the storage figures start from the data
      // the page figures captured, as a seller's would.
      if (!harness) {
        addBlankPage(EXTENSION_DIR);
        harness = await launchHarness({ extensionDir: EXTENSION_DIR });
      }
      if (section === 'page') {
        // The same-run floor of the content scripts' figures: a second browser with the null extension.
        floor = await launchHarness({ extensionDir: nullExtension(EXTENSION_DIR) });
        report(await pageFigures(harness, floor, top));
        await floor.close();
      } else report(await storageFigures(harness));
    }
  }
  await harness?.close();
  const over = figures.filter((f) => !passes(f));
  console.log(
    `\n${figures.length - over.length} within budget, ${over.length} over budget · ${Math.round((performance.now() - started) / 1000)} s · load average now ${loadavg()[0]!.toFixed(1)}`,
  );
  return over.length ? 1 : 0;
}
