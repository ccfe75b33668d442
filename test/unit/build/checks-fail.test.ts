// @vitest-environment node
/**
 * Each check of `npm run lint` fails on the violation it is there for, with the project's own
 * configuration: an engine file importing the browser (the layer rules), a promise nobody awaits in the
 * worker (the type-aware lint), an export nobody imports (the dead-code check). Nothing in the tree is
 * touched: the violations live in memory or in a temporary directory.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type IConfiguration, type IViolation } from 'dependency-cruiser';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
// The tools load the whole project's types; a loaded machine needs more than vitest's 5 s.
const SLOW = 60_000;

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A temporary project with these files (paths relative to it) and the project's node_modules. */
function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'redline-checks-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

describe('the checks fail on what they exist to catch', () => {
  it('layers: an engine file in lib/metrics importing webextension-polyfill', { timeout: SLOW }, async () => {
    const config = createRequire(import.meta.url)(join(ROOT, '.dependency-cruiser.cjs')) as IConfiguration;
    const dir = fixture({
      'lib/metrics/engine.ts': "import browser from 'webextension-polyfill';\nexport const extensionId = (): string => browser.runtime.id;\n",
      'lib/metrics/pure.ts': "import { extensionId } from './engine';\nexport const pure = (): number => extensionId().length;\n",
    });
    const { tsConfig: _projectAliases, ...options } = config.options ?? {};
    const result = await cruise(['lib'], { ...options, ruleSet: { forbidden: config.forbidden }, validate: true, baseDir: dir });
    if (typeof result.output === 'string') throw new Error('expected a cruise result');
    const violations = result.output.summary.violations.map((v: IViolation) => [v.rule.name, v.from, v.to.replace(/.*node_modules\//, 'node_modules/')]);
    expect(violations).toEqual([['pure-layers-stay-pure', 'lib/metrics/engine.ts', expect.stringMatching(/^node_modules\/webextension-polyfill\//)]]);
  });

  it('lint: a floating promise in lib/background', { timeout: SLOW }, async () => {
    const file = join(ROOT, 'lib/background/toolbar.ts');
    const withViolation = `${readFileSync(file, 'utf8')}\nexport function violation(): void {\n  Promise.resolve(1);\n}\n`;
    const [result] = await new ESLint({ cwd: ROOT }).lintText(withViolation, { filePath: file });
    expect(result!.messages.map((m) => m.ruleId)).toEqual(['@typescript-eslint/no-floating-promises']);
  });

  it('dead code: an export nobody imports', { timeout: SLOW }, () => {
    const dir = fixture({
      'package.json': JSON.stringify({ name: 'fixture', private: true, type: 'module' }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'ESNext', moduleResolution: 'Bundler' } }),
      'entrypoints/background.ts': "import { used } from '../lib/background/worker';\nused();\n",
      'lib/background/worker.ts': 'export const used = () => helper();\nexport const helper = () => 1;\nexport const unused = () => 2;\n',
    });
    copyFileSync(join(ROOT, 'knip.jsonc'), join(dir, 'knip.jsonc'));
    const run = spawnSync(join(ROOT, 'node_modules/.bin/knip'), ['--no-progress', '--no-config-hints'], { cwd: dir, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(1);
    // `helper` is used in its own file (ignoreExportsUsedInFile); `unused` is used nowhere.
    expect(run.stdout).toMatch(/Unused exports \(1\)\s+unused\s+lib\/background\/worker\.ts/);
  });
});
