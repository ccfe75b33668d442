// @vitest-environment node
/**
 * The extension's bundles leave zod's JSON-schema code out (lib/build/zod-without-json-schema.ts;
 * docs/performance.md, "Background bundle"). A small bundle of zod alone, built by Vite with the
 * plugins wxt.config.ts gives every entry, shows it: without the code, and with validation, the
 * schema getters and the errors still working. ~1 s, where building the extension would take ~5;
 * test/e2e/bundle.e2e.ts looks for the same literals in the built extension.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin, type PluginOption, type Rolldown } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { JSON_SCHEMA_LITERALS, NOT_BUNDLED } from '../../../lib/build/zod-without-json-schema';
import wxtConfig from '../../../wxt.config';

const ROOT = resolve(import.meta.dirname, '../../..');
const ENTRY = '\0zod-entry';

const entry: Plugin = {
  name: 'zod-entry',
  resolveId: (id) => (id === ENTRY ? ENTRY : null),
  load: (id) =>
    id === ENTRY
      ? `import { z } from 'zod';
z.config({ jitless: true });
const Row = z.object({ id: z.string().min(2).max(5), n: z.number().int().min(0), on: z.iso.date().optional() });
const attempt = (f) => { try { f(); return 'no error'; } catch (e) { return e.message; } };
export const parsed = Row.safeParse({ id: 'abc', n: 3 });
export const rejected = Row.safeParse({ id: 'a', n: -1 }).error.issues.map((i) => i.path.join('.') + ': ' + i.message);
export const getters = [Row.shape.id.minLength, Row.shape.id.maxLength, Row.shape.n.isInt, Row.shape.n.minValue];
export const standard = Row['~standard'].validate({ id: 'abcdef', n: 1 }).issues.length;
export const toJSONSchema = [attempt(() => z.toJSONSchema(Row)), attempt(() => Row.toJSONSchema())];
export const fromJSONSchema = attempt(() => z.fromJSONSchema({ type: 'string' }));
`
      : null,
};

/** The plugins wxt.config.ts adds to Vite, ours among them (the test fails if it is taken out there). */
async function redlinePlugins(): Promise<Plugin[]> {
  const vite = wxtConfig.vite;
  if (typeof vite !== 'function') throw new Error('wxt.config.ts: vite is not a function any more');
  const config = await vite({ command: 'build', mode: 'production' } as Parameters<typeof vite>[0]);
  const plugins = ((config.plugins ?? []) as PluginOption[]).flat(Infinity as 1) as Plugin[];
  return plugins.filter((p) => p && p.name.startsWith('redline:'));
}

const dir = mkdtempSync(join(tmpdir(), 'redline-zod-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bundle(plugins: Plugin[]): Promise<string> {
  const out = (await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    plugins: [entry, ...plugins],
    build: { write: false, minify: true, rollupOptions: { input: ENTRY, preserveEntrySignatures: 'strict', output: { format: 'es' } } },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const chunks = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).filter((c) => c.type === 'chunk');
  expect(chunks).toHaveLength(1);
  return chunks[0]!.code;
}

describe('zod without its JSON-schema code', () => {
  it('is how wxt.config.ts builds zod: the code is gone and validation still works', async () => {
    const plugins = await redlinePlugins();
    expect(plugins.map((p) => p.name)).toContain('redline:zod-without-json-schema');
    const code = await bundle(plugins);
    for (const literal of JSON_SCHEMA_LITERALS) expect(code).not.toContain(literal);

    const file = join(dir, 'with-plugin.mjs');
    writeFileSync(file, code);
    const m = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, unknown>;
    expect(m.parsed).toEqual({ success: true, data: { id: 'abc', n: 3 } });
    expect(m.rejected).toEqual(['id: Too small: expected string to have >=2 characters', 'n: Too small: expected number to be >=0']);
    // Not JSON schema: the getters stand on aggregateChecks, which the stub keeps.
    expect(m.getters).toEqual([2, 5, true, 0]);
    expect(m.standard).toBe(1);
    expect(m.toJSONSchema).toEqual([`toJSONSchema: ${NOT_BUNDLED}`, `createToJSONSchemaMethod: ${NOT_BUNDLED}`]);
    expect(m.fromJSONSchema).toBe(`fromJSONSchema: ${NOT_BUNDLED}`);
  });

  it('would be there without the plugin (so the literals above still find it)', async () => {
    const code = await bundle([]);
    for (const literal of JSON_SCHEMA_LITERALS) expect(code).toContain(literal);
  });
});
