import { afterAll, describe, expect, it } from 'vitest';
import type { Batch, ReadResult } from '../../../lib/model';
import { readAny, readResponse } from '../../../lib/readers';
import { Random } from '../../demo-site/random';
import { mutateJson, mutateTable, type Variant, type VariantKind } from './fuzz/mutations';
import { checkInvariants, noNewFacts, sameRecords, type Verdict } from './fuzz/oracle';
import { loadSeeds, type Seed } from './fuzz/seeds';
import { US } from './helpers';

/**
 * Mutation fuzzing of every reader (docs/reliability.md): thousands of seeded variants of real and
 * demo inputs (removed, renamed and mistyped fields, reordered columns, other spellings, huge
 * values, 1 MB strings, hostile text, truncation, random bytes). Each ends in exactly the right
 * records or "not recognized": never an exception, never a wrong number (oracles in fuzz/oracle.ts).
 * Repeatable: the seed is fixed; set REDLINE_FUZZ_SEED / REDLINE_FUZZ_VARIANTS to explore further.
 */
const BASE_SEED = Number(process.env.REDLINE_FUZZ_SEED ?? 20261126);
const VARIANTS_PER_SEED = Number(process.env.REDLINE_FUZZ_VARIANTS ?? 220);

const seeds = loadSeeds();
const tally = { variants: 0, recognized: 0, notRecognized: 0, byKind: { same: 0, lossy: 0, noise: 0 } as Record<VariantKind, number> };

/** Every third variant of a page response goes the capture way (readResponse, host marketplace), the rest as a file. */
function read(seed: Seed, variant: Variant, viaCapture: boolean): { result: ReadResult; reference: Batch } {
  if (viaCapture && seed.endpoint && seed.captured) {
    const ctx = { ...seed.ctx, marketplaceId: US };
    return { result: readResponse(seed.endpoint, 200, 'application/json;charset=UTF-8', variant.input as string, ctx), reference: seed.captured };
  }
  return { result: readAny(variant.input as string, seed.ctx), reference: seed.batch };
}

function judge(reference: Batch, variant: Variant, result: ReadResult, observedAt: number): Verdict {
  const broken = checkInvariants(result, observedAt);
  if (broken) return broken;
  if (variant.kind === 'same') return sameRecords(reference, result);
  if (variant.kind === 'lossy') return noNewFacts(reference, result, variant.traces, observedAt);
  return undefined;
}

afterAll(() => {
  const { variants, recognized, notRecognized, byKind } = tally;
  console.log(
    `mutation fuzz: ${variants} variants of ${seeds.length} inputs (same meaning ${byKind.same}, lossy ${byKind.lossy}, noise ${byKind.noise}); ` +
      `${recognized} read, ${notRecognized} not recognized; seed ${BASE_SEED}`,
  );
});

describe('mutation fuzzing of every reader', () => {
  it('covers every format Redline reads', () => {
    const formats = new Set(seeds.flatMap((s) => [s.batch.format, s.captured?.format ?? s.batch.format]));
    expect([...formats].sort()).toEqual([
      'chargebacks-api',
      'claims-api',
      'fbmapi/feedbacks',
      'flat/all-orders',
      'flat/feedback',
      'flat/unshipped',
      'orders-api/countOrders',
      'orders-api/order',
      'orders-api/search',
      'performance-api/summary',
      'redline-export',
      'sp-api/orders-2026',
      'sp-api/orders-v0',
      'sp-api/performance-report',
    ]);
  });

  it.each(seeds.map((s, i) => [s.name, i] as const))(
    '%s: right records or "not recognized"',
    (_name, index) => {
      const seed = seeds[index]!;
      const rng = new Random(BASE_SEED + index * 7919);
      const failures: string[] = [];
      for (let n = 0; n < VARIANTS_PER_SEED; n++) {
        const variant = seed.table ? mutateTable(seed.text, rng) : mutateJson(seed.text, rng);
        const { result, reference } = read(seed, variant, n % 3 === 2);
        tally.variants++;
        tally.byKind[variant.kind]++;
        if (result.ok) tally.recognized++;
        else tally.notRecognized++;
        const verdict = judge(reference, variant, result, seed.ctx.observedAt);
        if (verdict && failures.length < 5) failures.push(`#${n} ${variant.op} (${variant.kind}): ${verdict}`);
      }
      expect(failures).toEqual([]);
    },
    30_000,
  ); // ~0.2 s each on an idle machine; CI shares two cores with other test files
});
