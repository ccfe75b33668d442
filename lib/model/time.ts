import { z } from 'zod';

/** An instant as UTC epoch milliseconds (metrics-spec §1). Amazon's epoch-second floats are converted on the way in. */
export const EpochMs = z.number().int().min(0).max(8.64e15);
export type EpochMs = z.infer<typeof EpochMs>;

/** A calendar day in a marketplace's time zone, `YYYY-MM-DD`. */
export const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export type LocalDate = z.infer<typeof LocalDate>;
