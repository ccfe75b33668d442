import { z } from 'zod';

/** An instant as UTC epoch milliseconds (metrics-spec §1). Amazon's epoch-second floats are converted on the way in. */
export const EpochMs = z.number().int().min(0).max(8.64e15);
export type EpochMs = z.infer<typeof EpochMs>;

/** A calendar day in a marketplace's time zone, `YYYY-MM-DD`. */
export const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export type LocalDate = z.infer<typeof LocalDate>;

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of an instant in a time zone, `YYYY-MM-DD` (the en-CA locale formats ISO-like). */
export function localDateOf(epochMs: number, timeZone: string): LocalDate {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  return format.format(epochMs);
}
