import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CAPTURE_PROJECTIONS, project, trimCapturedBody, type Keep } from '../../../lib/capture/trim';
import { readResponse } from '../../../lib/readers';
import { OrderBody, SearchBody } from '../../../lib/readers/orders-api';
import { Random } from '../../demo-site/random';
import { mutateJson } from '../readers/fuzz/mutations';
import { loadSeeds } from '../readers/fuzz/seeds';
import { US } from '../readers/helpers';

// The content script sends only the fields the readers read (lib/capture/trim.ts). These tests keep
// the projection and the readers' schemas in step, and show the worker reads the same either way.

/** Every key a zod schema reads, as a projection: what lib/capture/trim.ts must keep. */
function keepOf(schema: z.ZodType): Keep {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'object':
      return Object.fromEntries(Object.entries(def.shape as Record<string, z.ZodType>).map(([key, value]) => [key, keepOf(value)]));
    case 'array':
      return keepOf(def.element as z.ZodType);
    case 'optional':
    case 'nullable':
    case 'default':
      return keepOf(def.innerType as z.ZodType);
    case 'pipe':
      return keepOf(def.in as z.ZodType);
    case 'union': {
      const records = (def.options as z.ZodType[]).map(keepOf).filter((k): k is Exclude<Keep, true> => k !== true);
      return records.length ? Object.assign({}, ...records) : true;
    }
    default:
      return true; // a leaf: kept as it is
  }
}

const projectionFor = (path: string) => CAPTURE_PROJECTIONS.find((p) => p.matches(path))!.keep;

describe('the capture projection', () => {
  it.each([
    ['/orders-api/search', SearchBody],
    ['/orders-api/order/114-7941379-5480234', OrderBody],
  ] as const)('of %s keeps exactly what the reader schema reads (and the sign-in reason)', (path, schema) => {
    expect(projectionFor(path)).toEqual({ reason: true, ...(keepOf(schema) as object) });
  });

  it('drops unread keys of records and of each element of arrays; anything else stays as it is', () => {
    const keep: Keep = { a: true, list: { x: true } };
    expect(project({ a: { deep: 1 }, b: 2, list: [{ x: 1, y: 2 }, 3, null, [{ x: 4, z: 5 }]] }, keep)).toEqual({
      a: { deep: 1 },
      list: [{ x: 1 }, 3, null, [{ x: 4 }]],
    });
    expect(project('text', keep)).toBe('text');
    expect(project({ list: 'not a list' }, keep)).toEqual({ list: 'not a list' });
    // Inherited names are not own keys: never copied.
    expect(project(JSON.parse('{"__proto__": {"a": 1}}'), { ['__proto__']: true } as Keep)).toEqual({});
  });

  it('sends a body whose key the reader cannot do without was renamed unchanged, so the worker sees the new shape', () => {
    const renamed = '{"orders":[{"orderIdentifier":"114-7941379-5480234","orderDate":1.6e9}],"total":1}';
    expect(trimCapturedBody('/orders-api/search', renamed)).toBe(renamed);
    const detail = '{"order":{"id":"114-7941379-5480234"}}';
    expect(trimCapturedBody('/orders-api/order/114-7941379-5480234', detail)).toBe(detail);
  });

  it('leaves other endpoints, bodies that are not JSON and sign-in answers as the reader needs them', () => {
    const feedback = '{"feedbacks":[{"orderId":"1","buyerName":"x"}]}';
    expect(trimCapturedBody('/fbmapi/v1/feedbacks', feedback)).toBe(feedback);
    expect(trimCapturedBody('/orders-api/search', '<html>sign in</html>')).toBe('<html>sign in</html>');
    expect(trimCapturedBody('/orders-api/search', '{"orders": [')).toBe('{"orders": [');
    expect(JSON.parse(trimCapturedBody('/orders-api/search', '{"reason":"sign_in","x":1}'))).toEqual({ reason: 'sign_in' });
    expect(JSON.parse(trimCapturedBody('/orders-api/order/1-2-3/', '{"order":{"amazonOrderId":"1","blob":"x"}}'))).toEqual({ order: { amazonOrderId: '1' } });
  });
});

describe('the worker reads a trimmed capture as it reads the whole one', () => {
  const captured = loadSeeds().filter((s) => s.endpoint && s.captured && CAPTURE_PROJECTIONS.some((p) => p.matches(s.endpoint!.split('?')[0]!)));
  const read = (path: string, body: string, ctx: (typeof captured)[number]['ctx']) =>
    readResponse(path, 200, 'application/json;charset=UTF-8', body, { ...ctx, marketplaceId: US });

  it('has real and demo captures of both endpoints to compare', () => {
    expect(captured.map((s) => s.endpoint!.split('?')[0]!.replace(/\/order\/.+/, '/order/…'))).toEqual(
      expect.arrayContaining(['/orders-api/search', '/orders-api/order/…']),
    );
  });

  it.each(captured.map((s) => [s.name, s] as const))('%s: same records, a fraction of the size', (_, seed) => {
    const path = seed.endpoint!.split('?')[0]!;
    const trimmed = trimCapturedBody(path, seed.text);
    expect(read(path, trimmed, seed.ctx)).toEqual(read(path, seed.text, seed.ctx));
    expect(trimmed.length).toBeLessThan(seed.text.length * 0.5);
    // What the readers drop anyway never leaves the page: buyer relay e-mail, opaque tokens, names.
    expect(trimmed).not.toMatch(/buyerProxyEmail|blob|customerOrderItemCode|productName|buyerName/);
  });

  it('and every mutated capture (missing, renamed, mistyped fields; truncation; noise) too: same records or the same failure', () => {
    const rng = new Random(20261127);
    let compared = 0;
    for (const seed of captured) {
      const path = seed.endpoint!.split('?')[0]!;
      for (let i = 0; i < 150; i++) {
        const variant = mutateJson(seed.text, rng).input as string;
        expect(read(path, trimCapturedBody(path, variant), seed.ctx), `${seed.name} variant ${i}`).toEqual(read(path, variant, seed.ctx));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  }, 30_000); // a loaded CI machine (test/unit/readers/mutation-fuzz.test.ts has the same ceiling)
});
