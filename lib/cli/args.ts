import { MARKETPLACES, marketplaceById } from '../marketplaces';
import { isoToEpochMs } from '../readers/instant';

/** What `npm run health` was asked to do. */
export interface HealthArgs {
  files: string[];
  asOf?: number;
  marketplaceId?: string;
  format: 'json' | 'text';
  help: boolean;
}

export const USAGE = `Usage: npm run --silent health -- [options] <file>...

Reads Amazon order and report files (Seller Central order JSON, SP-API orders and performance
report, feedback / unshipped / all-orders flat files), merges them, and prints each marketplace's
account-health report: every metric's rate against Amazon's target, its margin and status, and the
orders at risk. The format of each file is recognised from its content.

Options:
  --as-of <instant>      ISO 8601 instant with a zone, e.g. 2026-11-26T20:00:00Z (default: now)
  --marketplace <id>     marketplace id (ATVPDKIKX0DER) or country code (US, DE, …): report only
                         this marketplace, and use it for files that do not name one
  --format json|text     json (default) or a short human summary
  -h, --help             this text

Exit status: 0 report printed, 2 bad arguments or a file that cannot be read.
`;

/** A marketplace id, or a country code of one (`US`, `uk`). */
function marketplaceOf(value: string): string | undefined {
  if (marketplaceById(value)) return value;
  return MARKETPLACES.find((m) => m.country === value.toUpperCase())?.marketplaceId;
}

const FLAGS = new Set(['--as-of', '--marketplace', '--format']);

/** argv (after the script name) → arguments, or the sentence that says what is wrong. */
export function parseHealthArgs(argv: readonly string[]): HealthArgs | string {
  const args: HealthArgs = { files: [], format: 'json', help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      args.files.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') {
      args.help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      args.files.push(arg);
      continue;
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!FLAGS.has(flag)) return `unknown option ${flag}`;
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') return `${flag} needs a value`;
    if (flag === '--as-of') {
      const asOf = isoToEpochMs(value);
      if (asOf === undefined) return `--as-of: "${value}" is not an ISO 8601 instant with a zone (e.g. 2026-11-26T20:00:00Z)`;
      args.asOf = asOf;
    } else if (flag === '--marketplace') {
      const id = marketplaceOf(value);
      if (!id) return `--marketplace: "${value}" is not a marketplace id or country code Redline knows`;
      args.marketplaceId = id;
    } else {
      if (value !== 'json' && value !== 'text') return `--format: "${value}" is not json or text`;
      args.format = value;
    }
  }
  if (!args.help && args.files.length === 0) return 'no files given';
  return args;
}
