import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHealth, type HealthIo, type HealthOutput } from '../../../lib/cli/health';
import { USAGE } from '../../../lib/cli/args';
import { HealthReport } from '../../../lib/metrics';
import { fixture, FIXTURES } from '../readers/helpers';

const AS_OF = '2026-11-26T20:00:00Z';
const US = 'ATVPDKIKX0DER';
const CA = 'A2EUQ1WTGCTBG2';
const DE = 'A1PA6795UKMFR9';

/** Runs the command on fixture paths (missing ones fail as on disk); every file "saved" at `modifiedAt`. */
function run(argv: string[], modifiedAt = Date.parse('2026-11-26T18:00:00Z')) {
  const out: string[] = [];
  const err: string[] = [];
  const io: HealthIo = {
    readFile: (path) => {
      try {
        return { text: fixture(path), modifiedAt };
      } catch (error) {
        throw Object.assign(new Error(`ENOENT: ${path}`), { code: (error as { code?: string }).code });
      }
    },
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    now: () => Date.parse(AS_OF),
  };
  const status = runHealth(argv, io);
  return { status, stdout: out.join(''), stderr: err.join('') };
}

const json = (stdout: string) => JSON.parse(stdout) as HealthOutput;

describe('npm run health: reports', () => {
  it('several marketplaces and no --marketplace: one report each, sorted by marketplace id', () => {
    const r = run(['--as-of', AS_OF, 'synthetic/all-orders_US.tsv', 'seller-central/reports/GET_V2_SELLER_PERFORMANCE_REPORT_real-excerpt_DE_2026-10.json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const output = json(r.stdout);
    expect(output.asOf).toBe('2026-11-26T20:00:00.000Z');
    expect(output.reports.map((rep) => rep.marketplaceId)).toEqual([DE, CA, US]);
    for (const report of output.reports) expect(HealthReport.safeParse(report).success).toBe(true);
    expect(output.inputs).toEqual([
      { file: 'synthetic/all-orders_US.tsv', format: 'flat/all-orders', orders: 4, defects: 0, readings: 0, policies: 0 },
      {
        file: 'seller-central/reports/GET_V2_SELLER_PERFORMANCE_REPORT_real-excerpt_DE_2026-10.json',
        format: 'sp-api/performance-report',
        orders: 0,
        defects: 0,
        readings: 7,
        policies: 2,
      },
    ]);
    expect(output.reports[0]!.metrics.ahr.score).toBe(428);
  });

  it('--marketplace reports that marketplace only and gives reports without one their marketplace', () => {
    const r = run(['--as-of', AS_OF, '--marketplace', 'US', 'synthetic/all-orders_US.tsv', 'synthetic/unshipped_US.tsv', 'synthetic/feedback_US.tsv']);
    expect(r.status).toBe(0);
    const output = json(r.stdout);
    expect(output.reports.map((rep) => rep.marketplaceId)).toEqual([US]);
    expect(output.inputs.map((i) => [i.format, i.orders + i.defects])).toEqual([
      ['flat/all-orders', 4],
      ['flat/unshipped', 3],
      ['flat/feedback', 3],
    ]);
    expect(output.reports[0]!.atRiskOrders.map((o) => o.orderId)).toContain('113-0000002-0000002');
  });

  it('a report without a marketplace takes the only one the other files name', () => {
    const r = run(['--as-of', AS_OF, 'synthetic/unshipped_US.tsv', 'seller-central/orders-api/order-detail_2021-11.json']);
    expect(r.stderr).toBe('');
    expect(json(r.stdout).reports.map((rep) => rep.marketplaceId)).toEqual([US]);
  });

  it('the same order in two files is one order', () => {
    const r = run(['--as-of', AS_OF, 'seller-central/orders-api/search_mfn-unshipped_2021-11.json', 'seller-central/orders-api/order-detail_2021-11.json']);
    const output = json(r.stdout);
    expect(output.inputs.map((i) => i.orders)).toEqual([1, 1]);
    expect(output.reports).toHaveLength(1);
  });

  it('a file saved after --as-of still counts as seen at --as-of', () => {
    const later = Date.parse('2027-01-01T00:00:00Z');
    const r = run(['--as-of', AS_OF, 'seller-central/reports/GET_V2_SELLER_PERFORMANCE_REPORT_real-excerpt_DE_2026-10.json'], later);
    const [report] = json(r.stdout).reports;
    expect(report!.metrics.ahr.amazon).toMatchObject({ observedAt: Date.parse(AS_OF), score: 428 });
  });

  it('--format text: each metric with rate, target, margin and status, then the at-risk orders', () => {
    const r = run(['--as-of', AS_OF, '--format', 'text', '--marketplace', US, 'synthetic/unshipped_US.tsv']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ATVPDKIKX0DER \(US\) as of 2026-11-26 12:00 America\/Los_Angeles/);
    expect(r.stdout).toMatch(
      /Late shipment rate, 10 days +\S+ %? *target < 4 % +margin +(-?\d+|n\/a) orders +(OK|WARNING|BREACH|UNKNOWN|INSUFFICIENT) +\(\d+ of \d+ orders, 2026-11-17 … 2026-11-26\)/,
    );
    expect(r.stdout).toMatch(/Valid tracking rate, 30 days .* packages .*\(\d+ of \d+ packages, 2026-10-14 … 2026-11-12, 14-day delay\)/);
    expect(r.stdout).toMatch(/On-time delivery rate, 14 days .* units .*7-day delay\)/);
    expect(r.stdout).toMatch(/At-risk orders \(\d+\):\n +113-0000002-0000002/);
    expect(r.stdout.split('\n').filter((l) => /target [<>]/.test(l))).toHaveLength(7);
  });

  it('policy compliance, Account Health Assurance and the IDR: in the JSON and in the text', () => {
    const example = 'amazon-sp-api/performance-report.example.json';
    const [us] = json(run(['--as-of', AS_OF, example]).stdout).reports;
    expect(us!.policyCompliance.find((p) => p.category === 'productSafetyCustomerComplaints')).toMatchObject({
      count: 165,
      status: 'breach',
      observedAt: Date.parse(AS_OF) - 2 * 3_600_000,
    });
    expect(us!.policyCompliance).toHaveLength(8);
    expect(us!.accountHealthAssurance).toMatchObject({ status: 'unknown', daysBelow250: null, since: null });
    // The example is a US report: no Invoice Defect Rate there, though the report carries one.
    expect(us!.metrics['idr.7d']).toBeUndefined();
    const text = run(['--as-of', AS_OF, '--format', 'text', example]).stdout;
    expect(text).toMatch(
      /Policy compliance: 8 of 8 categories over the line \(target 0\)\n +listingPolicyViolations +86 +BREACH +\(Amazon: BAD, read 2026-11-26 10:00\)/,
    );
    expect(text).toMatch(/documentRequests +8 +BREACH +\(Amazon: GOOD/);
    expect(text).toMatch(/Account Health Assurance +no rating read yet/);

    const de = run(['--as-of', AS_OF, '--format', 'text', 'seller-central/reports/GET_V2_SELLER_PERFORMANCE_REPORT_real-excerpt_DE_2026-10.json']).stdout;
    expect(de).toMatch(/Invoice defect rate, 7 days/);
    expect(de).toMatch(/Account Health Assurance +not enough history yet \(since 2026-11-26; 0 day\(s\) below 250 in the last 180 so far\)/);
    expect(de).toMatch(/Policy compliance: all clear in the 2 categories read/);
  });

  it('the 72-hour dispatch rule is the seller’s own: kind dispatchRule, no metric, no impact', () => {
    const r = run(['--as-of', '2026-11-27T12:00:00Z', '--marketplace', US, 'synthetic/unshipped_US.tsv']);
    const [report] = json(r.stdout).reports;
    expect(report!.dispatchRuleHours).toBe(72);
    const order = report!.atRiskOrders.find((o) => o.orderId === '113-0000002-0000002')!;
    expect(order.risks.filter((k) => k.kind === 'dispatchRule')).toEqual([
      {
        kind: 'dispatchRule',
        deadline: Date.parse('2026-11-28T02:30:00Z'),
        metric: null,
        rateIfHappens: null,
        marginIfHappens: null,
        breaches: false,
        alreadyCounted: false,
      },
    ]);
    const text = run(['--as-of', '2026-11-27T12:00:00Z', '--format', 'text', '--marketplace', US, 'synthetic/unshipped_US.tsv']).stdout;
    expect(text).toMatch(/113-0000002-0000002 +dispatchRule +by 2026-11-27 18:30 +your own dispatch rule \(not an Amazon metric\)/);
  });

  it('header-only reports: nothing to report, said plainly', () => {
    const r = run(['--format', 'text', 'seller-central/reports/GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.header.tsv']);
    expect(r).toMatchObject({ status: 0, stdout: 'No orders, defects or readings in these files.\n' });
    expect(json(run(['seller-central/reports/GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.header.tsv']).stdout).reports).toEqual([]);
  });
});

describe('npm run health: files it cannot read', () => {
  it.each([
    ['synthetic/does-not-exist.json', /cannot read it \(no such file\)/],
    ['synthetic/sign-in.html', /not recognized: signedOut/],
    ['synthetic/sign-in_403.json', /not recognized: signedOut/],
    ['seller-central/legacy-html/feedback-manager_2011.html', /not recognized: unknownFormat/],
    ['synthetic/orders-2026_searchOrders_truncated.json', /not recognized: invalid \(malformed or truncated JSON/],
    ['seller-central/reports/airbyte-fixture_GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE.header.tsv', /not recognized: unknownFormat/],
    ['seller-central/reports/airbyte-fixture_GET_SELLER_FEEDBACK_DATA.tsv', /not recognized: invalid/],
  ])('%s → exit 2, the file and reason on stderr, nothing on stdout', (file, message) => {
    const r = run(['--marketplace', US, 'synthetic/all-orders_US.tsv', file]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^health: ${file.replace(/[.]/g, '\\.')}: `));
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an empty file', () => {
    expect(run(['synthetic/empty.tsv'])).toEqual({ status: 2, stdout: '', stderr: 'health: synthetic/empty.tsv: not recognized: empty (the file is empty)\n' });
  });

  it('a report needing a marketplace when the others name several', () => {
    const r = run(['synthetic/feedback_US.tsv', 'synthetic/all-orders_US.tsv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/feedback_US\.tsv: .*pass --marketplace/);
    expect(r.stdout).toBe('');
  });
});

describe('npm run health: arguments', () => {
  it.each([
    [[], /no files given/],
    [['--format', 'xml', 'a.json'], /--format: "xml" is not json or text/],
    [['--as-of', 'yesterday', 'a.json'], /--as-of: "yesterday" is not an ISO 8601 instant/],
    [['--as-of', '2026-11-26', 'a.json'], /not an ISO 8601 instant with a zone/],
    [['--marketplace', 'XX', 'a.json'], /--marketplace: "XX"/],
    [['--verbose', 'a.json'], /unknown option --verbose/],
    [['a.json', '--as-of'], /--as-of needs a value/],
  ])('%j → usage on stderr, exit 2', (argv, message) => {
    const r = run(argv as string[]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(USAGE);
  });

  it('--help prints the usage on stdout; --flag=value works', () => {
    expect(run(['--help'])).toEqual({ status: 0, stdout: USAGE, stderr: '' });
    const r = run([
      `--as-of=${AS_OF}`,
      '--marketplace=DE',
      '--format=json',
      'seller-central/reports/GET_V2_SELLER_PERFORMANCE_REPORT_real-excerpt_DE_2026-10.json',
    ]);
    expect(json(r.stdout).reports.map((rep) => rep.marketplaceId)).toEqual([DE]);
  });
});

describe('npm run --silent health (real subprocess)', () => {
  it('prints parseable JSON and exits 0 (failures are covered above, through the same runHealth)', () => {
    const npm = (args: string[]) =>
      spawnSync('npm', ['run', '--silent', 'health', '--', ...args], { cwd: join(FIXTURES, '../..'), encoding: 'utf8', timeout: 60_000 });
    const ok = npm(['--as-of', AS_OF, join(FIXTURES, 'seller-central/orders-api/order-detail_2021-11.json')]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(json(ok.stdout).reports[0]!.marketplaceId).toBe(US);
  }, 60_000);
});
