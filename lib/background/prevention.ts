/**
 * The worker's side of "act before Amazon counts it" (issue 9): what a tracking number, a
 * cancellation, a feedback removal or a claim decision would do, answered from stored data with the
 * engine (lib/metrics/what-if.ts). Plain async functions over the database, like service.ts, which
 * spreads them into the service so the router reaches them.
 */
import { assessFeedback, REMOVAL_REQUEST_DAYS, type GroundMatch, type RemovalAssessment } from '../feedback-removal/classify';
import { marketplacesForHost } from '../marketplaces';
import { whatIfs, type Change, type WhatIf } from '../metrics/what-if';
import { DEFAULT_ENGINE_SETTINGS, type Defect } from '../model';
import { CarrierNames } from '../metrics/order-facts';
import type { RedlineDb } from '../storage/db';
import { readMeta } from '../storage/meta';
import type { ScopeData } from '../storage/repository';
import type { ReportInputs } from './report-data';
import { parseScopeKey } from '../storage/scope';
import { checkTracking, normaliseTrackingNumber, trackingLooksWrong, type TrackingCheck } from '../tracking/check';

const DAY_MS = 86_400_000;

/**
 * A seller with hundreds of open disputes asks for a what-if each: every ~10 ms of them, the worker
 * answers whatever else is waiting (the popup's state, a capture). Not after each one: a what-if takes
 * well under a millisecond, and a timer set from a timer waits at least 4 ms once nested five deep,
 * so yielding after each would stretch thousands of them into seconds of waiting.
 */
function givingWay(sliceMs = 10): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    since = performance.now();
  };
}

/** The checks the engine is given everywhere the worker computes a report. */
export const ENGINE_CHECKS = { trackingLooksWrong } as const;

export interface PreventionDeps {
  db: RedlineDb;
  now: () => number;
  /** The service's: what reports read, held between calls. */
  inputs: ReportInputs;
}

export interface RemovableFeedback {
  orderId: string;
  rating: number;
  date: number;
  /** Days left to ask Amazon (90 days from the feedback). */
  daysLeft: number;
  grounds: GroundMatch[];
  against: RemovalAssessment['against'];
  /** The ODR if Amazon removes it. */
  odr: WhatIf;
  /** The order's channel is known (from the order or the feedback): without it the engine cannot place it in ODR. */
  orderSeen: boolean;
}

export interface OpenDispute {
  id: string;
  kind: 'claim' | 'chargeback';
  orderId: string;
  filed: number;
  /** When the seller must respond by; null when no source gives it. */
  deadline: number | null;
  /**
   * `before`: the ODR with it decided against the seller; `after`: decided for the seller. An open
   * chargeback counts while open; an open claim does not (spec v2 §2.1), so its "for" is today's ODR.
   */
  odr: WhatIf;
  /** As for feedback: the order's channel is known. */
  orderSeen: boolean;
}

/**
 * A claim's outcomes as an OpenDispute holds them (`before`: decided against the seller, `after`: for
 * the seller). Spec v2 §2.1: an open claim does not count yet, so today's figures are the outcome for the
 * seller and the what-if of a grant is the one against: the two are swapped.
 */
function againstThenFor(granted: WhatIf): WhatIf {
  return { ...granted, before: granted.after, after: granted.before };
}

export function createPreventionService({ db, now, inputs }: PreventionDeps) {
  /**
   * The dispute and feedback lists, kept while nothing was stored, the settings are the same and the
   * minute has not changed: the popup, Feedback Manager and the dispute pages all ask for them, and
   * each asking again would compute every what-if again. Asked while being computed: the same answer.
   */
  const lists = new Map<string, { stamp: string; answer: Promise<unknown> }>();
  async function kept<T>(name: string, scope: string, compute: () => Promise<T>): Promise<T> {
    const last = await db.transaction('log').store.openCursor(null, 'prev');
    const stamp = `${last?.primaryKey ?? -1} ${Math.floor(now() / 60_000)} ${JSON.stringify(await readMeta(db, 'settings'))}`;
    const key = `${name} ${scope}`;
    const held = lists.get(key);
    if (held?.stamp === stamp) return held.answer as Promise<T>;
    const answer = compute();
    lists.set(key, { stamp, answer });
    answer.catch(() => lists.delete(key));
    return answer;
  }

  async function scopeData(scope: string): Promise<ScopeData> {
    return inputs.get(scope, await readMeta(db, 'settings'), now());
  }

  /**
   * The scope a page or the popup means: for a Seller Central host, its marketplace's scope (the
   * active one first); for our own pages, the requested or active scope.
   */
  async function scopeFor(host: string, requested?: string): Promise<string | undefined> {
    const scopes = await inputs.scopes();
    const active = await readMeta(db, 'activeScope');
    const marketplaces = new Set(marketplacesForHost(host).map((m) => m.marketplaceId));
    if (marketplaces.size) {
      const matching = scopes.filter((s) => marketplaces.has(parseScopeKey(s)?.marketplaceId ?? ''));
      return matching.find((s) => s === active) ?? matching[0];
    }
    if (requested && scopes.includes(requested)) return requested;
    return active && scopes.includes(active) ? active : scopes[0];
  }

  /**
   * What-if answers for one scope at one instant. The report as it is is computed once and shared by
   * every change asked (Feedback Manager asks one per removable feedback).
   */
  async function impacts(scope: string): Promise<(change: Change) => WhatIf> {
    const data = await scopeData(scope);
    const settings = await readMeta(db, 'settings');
    return whatIfs(data, now(), settings, parseScopeKey(scope)!.marketplaceId, ENGINE_CHECKS).of;
  }

  /** Fulfilled by Amazon, from the order or the defect; undefined when neither says. */
  const byAmazon = (data: ScopeData, d: Defect): boolean | undefined => {
    const channel = data.orders.find((o) => o.orderId === d.orderId)?.channel ?? d.channel;
    return channel === undefined ? undefined : channel === 'AFN';
  };

  return {
    /** A tracking number as the seller types it: format, carrier, and whether another order already has it. */
    async checkTracking(orderId: string, carrier: string, trackingNumber: string, host: string): Promise<TrackingCheck> {
      const settings = await readMeta(db, 'settings');
      const unknown = new CarrierNames((settings.engine ?? DEFAULT_ENGINE_SETTINGS).unknownCarriers);
      const check = checkTracking(carrier, trackingNumber, (name) => unknown.has(name));
      const scope = await scopeFor(host);
      if (!scope || !check.normalised) return check;
      // Among the orders a report sees (about the last hundred days, and every open one): an older reuse is no risk to VTR.
      const reusedOn = (await scopeData(scope)).orders
        .filter((o) => o.orderId !== orderId && o.packages?.some((p) => p.trackingNumber && normaliseTrackingNumber(p.trackingNumber) === check.normalised))
        .map((o) => o.orderId)
        .slice(0, 5);
      return reusedOn.length ? { ...check, problems: [...check.problems, { kind: 'reused', orderIds: reusedOn }] } : check;
    },

    /** What cancelling this order, or confirming it without valid tracking, does to its metric; and whether the buyer asked to cancel. */
    async actionImpact(orderId: string, action: 'sellerCancel' | 'shipWithoutValidTracking', host: string) {
      const scope = await scopeFor(host);
      if (!scope) return null;
      const order = (await scopeData(scope)).orders.find((o) => o.orderId === orderId);
      return { impact: (await impacts(scope))({ kind: action, orderId }), buyerCancelRequestOpen: order?.buyerCancelRequestOpen ?? null };
    },

    /** Negative feedback Amazon would likely remove, most urgent (fewest days left to ask) first, with the ODR if removed. */
    async removableFeedback(host: string, requested?: string): Promise<{ marketplaceId: string; items: RemovableFeedback[] } | null> {
      const scope = await scopeFor(host, requested);
      if (!scope) return null;
      return kept('removableFeedback', scope, () => removableIn(scope));
    },

    /** Open A-to-z claims and chargebacks, most urgent first: deadline, then those that decide a breach. */
    async openDisputes(host: string, requested?: string): Promise<{ marketplaceId: string; items: OpenDispute[] } | null> {
      const scope = await scopeFor(host, requested);
      if (!scope) return null;
      return kept('openDisputes', scope, () => disputesIn(scope));
    },
  };

  async function removableIn(scope: string): Promise<{ marketplaceId: string; items: RemovableFeedback[] }> {
    const data = await scopeData(scope);
    const impact = await impacts(scope);
    const at = now();
    const letOthersRun = givingWay();
    const items: RemovableFeedback[] = [];
    for (const d of data.defects) {
      if (d.kind !== 'feedback' || d.comment === undefined) continue;
      const ageDays = Math.floor((at - d.date) / DAY_MS);
      const assessment = assessFeedback({ rating: d.rating, comment: d.comment, fulfilledByAmazon: byAmazon(data, d), removed: d.removed, ageDays });
      if (!assessment.likelyEligible) continue;
      items.push({
        orderId: d.orderId,
        rating: d.rating,
        date: d.date,
        daysLeft: REMOVAL_REQUEST_DAYS - ageDays,
        grounds: assessment.grounds,
        against: assessment.against,
        odr: impact({ kind: 'feedbackRemoved', orderId: d.orderId }),
        orderSeen: byAmazon(data, d) !== undefined,
      });
      await letOthersRun();
    }
    items.sort((a, b) => a.daysLeft - b.daysLeft || b.date - a.date);
    return { marketplaceId: parseScopeKey(scope)!.marketplaceId, items };
  }

  async function disputesIn(scope: string): Promise<{ marketplaceId: string; items: OpenDispute[] }> {
    const data = await scopeData(scope);
    const impact = await impacts(scope);
    const letOthersRun = givingWay();
    const items: OpenDispute[] = [];
    for (const d of data.defects) {
      if (!((d.kind === 'claim' || d.kind === 'chargeback') && d.status === 'open')) continue;
      items.push({
        id: d.id,
        kind: d.kind,
        orderId: d.orderId,
        filed: d.date,
        deadline: d.responseDeadline ?? null,
        odr:
          d.kind === 'claim' ? againstThenFor(impact({ kind: 'decidedAgainstSeller', defectId: d.id })) : impact({ kind: 'decidedForSeller', defectId: d.id }),
        orderSeen: byAmazon(data, d) !== undefined,
      });
      await letOthersRun();
    }
    const breaches = (i: OpenDispute) => Number(i.odr.before.status === 'breach');
    items.sort((a, b) => (a.deadline ?? Infinity) - (b.deadline ?? Infinity) || breaches(b) - breaches(a) || a.filed - b.filed);
    return { marketplaceId: parseScopeKey(scope)!.marketplaceId, items };
  }
}
