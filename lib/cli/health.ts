import { computeHealthReport, type HealthReport } from '../metrics';
import { DEFAULT_SETTINGS, type Batch } from '../model';
import { mergeBatches } from '../model/merge';
import { detectFormat } from '../readers/detect';
import type { Reader } from '../readers/result';
import { parseHealthArgs, USAGE, type HealthArgs } from './args';
import { textReport } from './text-report';

/**
 * `npm run health`: files → readers → one merged data set → the engine, per marketplace.
 * Everything outside (files, clock, output) comes in through `HealthIo`, so tests run it directly.
 *
 * A file is taken as observed at its modification time, but never after `--as-of`: the engine
 * ignores what was seen after asOf, and a file saved today and read "as of last week" is meant
 * to count.
 */

export interface HealthIo {
  /** The file's text and modification time; throws (with a Node error `code`) when it cannot be read. */
  readFile(path: string): { text: string; modifiedAt?: number };
  stdout(text: string): void;
  stderr(text: string): void;
  now(): number;
}

export interface InputSummary {
  file: string;
  format: string;
  orders: number;
  defects: number;
  readings: number;
  /** Policy category readings (Amazon's performance report). */
  policies: number;
}

/** The JSON `npm run health` prints (docs/health-cli.md). */
export interface HealthOutput {
  asOf: string;
  inputs: InputSummary[];
  reports: HealthReport[];
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
};

function readError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  return (code && READ_ERRORS[code]) ?? (error instanceof Error ? error.message : String(error));
}

class FileProblem {
  constructor(
    readonly file: string,
    readonly message: string,
  ) {}
}

interface Loaded {
  file: string;
  text: string;
  observedAt: number;
  reader: Reader;
  needsMarketplace: boolean;
}

function load(file: string, io: HealthIo, asOf: number): Loaded | FileProblem {
  let content: { text: string; modifiedAt?: number };
  try {
    content = io.readFile(file);
  } catch (error) {
    return new FileProblem(file, `cannot read it (${readError(error)})`);
  }
  const detected = detectFormat(content.text);
  if (!('reader' in detected)) return new FileProblem(file, `not recognized: ${detected.reason} (${detected.detail})`);
  const observedAt = Math.min(Math.round(content.modifiedAt ?? asOf), asOf);
  return { file, text: content.text, observedAt, reader: detected.reader, needsMarketplace: detected.needsMarketplace };
}

const marketplacesOf = (batches: readonly Pick<Batch, 'orders' | 'defects' | 'readings'>[]): string[] =>
  [...new Set(batches.flatMap((b) => [...b.orders, ...b.defects, ...b.readings].map((r) => r.marketplaceId)))].sort();

/** Reads every file; a file without a marketplace of its own gets --marketplace, else the only one the others name. */
function readAll(args: HealthArgs, io: HealthIo, asOf: number): { batches: [string, Batch][] } | { problems: FileProblem[] } {
  const loaded = args.files.map((f) => load(f, io, asOf));
  const unloadable = loaded.filter((l) => l instanceof FileProblem);
  if (unloadable.length) return { problems: unloadable };
  const files = loaded as Loaded[];
  const read = (l: Loaded, marketplaceId: string | undefined) => {
    const result = l.reader(l.text, { observedAt: l.observedAt, ...(marketplaceId ? { marketplaceId } : {}) });
    return result.ok ? result.batch : new FileProblem(l.file, `not recognized: ${result.reason} (${result.detail})`);
  };
  // First the files that name their marketplace (all of them, given --marketplace)…
  const first = files.map((l) => (l.needsMarketplace && !args.marketplaceId ? undefined : read(l, args.marketplaceId)));
  // …then the others, in the one marketplace the first ones name.
  const named = marketplacesOf(first.filter((b): b is Batch => b !== undefined && !(b instanceof FileProblem)));
  const fallback = args.marketplaceId ?? (named.length === 1 ? named[0] : undefined);
  const unnamed = (l: Loaded) =>
    new FileProblem(l.file, `it does not name its marketplace and the other files name ${named.length || 'none'}: pass --marketplace`);
  const results = files.map((l, i) => first[i] ?? (fallback ? read(l, fallback) : unnamed(l)));
  const problems = results.filter((r) => r instanceof FileProblem);
  return problems.length ? { problems } : { batches: results.map((b, i) => [files[i]!.file, b as Batch]) };
}

function run(argv: readonly string[], io: HealthIo): number {
  const args = parseHealthArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`health: ${args}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout(USAGE);
    return 0;
  }
  const asOf = args.asOf ?? io.now();
  const read = readAll(args, io, asOf);
  if ('problems' in read) {
    for (const p of read.problems) io.stderr(`health: ${p.file}: ${p.message}\n`);
    return 2;
  }
  const data = mergeBatches(read.batches.map(([, b]) => b));
  const marketplaces = args.marketplaceId ? [args.marketplaceId] : marketplacesOf([data]);
  const reports = marketplaces.map((m) => computeHealthReport(data, asOf, DEFAULT_SETTINGS, m));
  const output: HealthOutput = {
    asOf: new Date(asOf).toISOString(),
    inputs: read.batches.map(([file, b]) => ({
      file,
      format: b.format,
      orders: b.orders.length,
      defects: b.defects.length,
      readings: b.readings.length,
      policies: b.policies?.length ?? 0,
    })),
    reports,
  };
  if (args.format === 'json') io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  else io.stdout(reports.length ? `${reports.map(textReport).join('\n\n')}\n` : 'No orders, defects or readings in these files.\n');
  return 0;
}

/** Runs the command; returns the exit status. Never throws: an unexpected error is one line on stderr. */
export function runHealth(argv: readonly string[], io: HealthIo): number {
  try {
    return run(argv, io);
  } catch (error) {
    io.stderr(`health: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
