/**
 * Vite plugin (wxt.config.ts, so every bundle and the bench build get it): leaves zod's JSON-schema
 * code out of the extension. Redline never converts to or from JSON Schema, but zod classic's schema
 * classes reach it anyway — each one assigns a `processJSONSchema` closure naming its processor, and
 * `toJSONSchema()` / `~standard.jsonSchema` name the generator — so the bundler keeps all of it:
 * ~15.5 kB minified in background.js (docs/performance.md, "Background bundle").
 *
 * Each module below is replaced by a stub with the real module's export names (read from the
 * installed zod at build time, so an upgrade that adds one cannot break an import), each a function
 * that throws "JSON schema is not bundled". Except:
 * - `keep`: taken from the real module, for what is not JSON schema at all — `aggregateChecks` backs
 *   schema getters such as `minLength`, `maxLength`, `format`, `minValue`, `isInt`;
 * - `factories`: called when a schema method is looked up (the `~standard` getter builds its
 *   `jsonSchema` methods), so they return the throwing function rather than throw themselves.
 * A name in either list that zod no longer exports fails the build: look again at the stubs then.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';

interface Stub {
  keep?: string[];
  factories?: string[];
}

/** Paths inside the zod package. */
const STUBS: Record<string, Stub> = {
  'v4/core/to-json-schema.js': { factories: ['createToJSONSchemaMethod', 'createStandardJSONSchemaMethod'] },
  'v4/core/json-schema-processors.js': { keep: ['aggregateChecks'] },
  'v4/core/json-schema-generator.js': {},
  'v4/classic/from-json-schema.js': {},
};

export const NOT_BUNDLED = 'JSON schema is not bundled';
/** Literals of the left-out code (to-json-schema.js: its drafts' URLs; json-schema-processors.js), for the tests that look for it. */
export const JSON_SCHEMA_LITERALS = ['json-schema.org', 'cannot be represented in JSON Schema'];
/** Marks the real module that a stub takes its `keep` exports from. */
const REAL = '?zod-real';

async function stubCode(file: string, stub: Stub): Promise<string> {
  const names = Object.keys((await import(pathToFileURL(file).href)) as object);
  const missing = [...(stub.keep ?? []), ...(stub.factories ?? [])].filter((n) => !names.includes(n));
  if (missing.length > 0) throw new Error(`zod-without-json-schema: ${file} no longer exports ${missing.join(', ')}`);
  const lines = [`const unbundled = (name) => function () { throw new Error(name + ": ${NOT_BUNDLED}"); };`];
  if (stub.keep?.length) lines.push(`export { ${stub.keep.join(', ')} } from ${JSON.stringify(file + REAL)};`);
  for (const name of names) {
    if (stub.keep?.includes(name)) continue;
    const value = stub.factories?.includes(name) ? `() => unbundled(${JSON.stringify(name)})` : `unbundled(${JSON.stringify(name)})`;
    lines.push(name === 'default' ? `export default ${value};` : `export const ${name} = /* @__PURE__ */ ${value};`);
  }
  return lines.join('\n');
}

export function zodWithoutJsonSchema(): Plugin {
  const zodDir = dirname(createRequire(import.meta.url).resolve('zod/package.json'));
  const stubs = new Map(Object.entries(STUBS).map(([path, stub]) => [join(zodDir, path), stub]));
  return {
    name: 'redline:zod-without-json-schema',
    enforce: 'pre',
    resolveId(id) {
      if (id.endsWith(REAL) && stubs.has(id.slice(0, -REAL.length))) return id;
      return null;
    },
    async load(id) {
      if (id.endsWith(REAL)) {
        const file = id.slice(0, -REAL.length);
        return stubs.has(file) ? readFileSync(file, 'utf8') : null;
      }
      const stub = stubs.get(id);
      return stub ? stubCode(id, stub) : null;
    },
  };
}
