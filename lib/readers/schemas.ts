import { z } from 'zod';
import { toEpochMs } from './instant';

/**
 * zod building blocks shared by the readers. Input schemas are plain `z.object`s: unknown keys are
 * accepted and stripped (never passed through), so buyer data a source carries cannot reach a batch.
 * Sources write "absent" as null as often as they leave the key out: both mean unknown.
 */

/** null or absent → undefined. */
export const maybe = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

/** Epoch seconds (Seller Central floats), epoch ms, or an ISO string with a zone → epoch ms. */
export const instant = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const ms = toEpochMs(value);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `not an instant: ${String(value).slice(0, 40)}` });
    return z.NEVER;
  }
  return ms;
});

/** `true`, `"true"`, `"Yes"`, `1`…; a value that is neither yes nor no is unknown. */
export function parseYesNo(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (['true', 'yes', 'y', '1'].includes(v)) return true;
  if (['false', 'no', 'n', '0'].includes(v)) return false;
  return undefined;
}

export const yesNo = z.union([z.boolean(), z.string(), z.number()]).transform(parseYesNo);

/** A count as Amazon writes it: an integer, sometimes as a string. */
export const count = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\s*\d+\s*$/)
      .transform(Number),
  ])
  .pipe(z.number().int().min(0));
