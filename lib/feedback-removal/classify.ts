/**
 * Could Amazon remove (or strike through) this negative feedback? A transparent guess, never a
 * verdict: every ground comes with the words or facts that matched, and the answer is at most
 * "likely eligible". Pure; runs in the worker for Feedback Manager and the popup.
 */
import { DELIVERY_TERMS, OBSCENE_TERMS, PRODUCT_TERMS, SELLER_DUTY_TERMS, SELLER_TERMS } from './terms';

export type RemovalGround = 'productReview' | 'fbaDelivery' | 'obscene' | 'personalInfo';

/** What matched: words as they appear in the comment, or a fact about the order. */
export type Evidence = { kind: 'word'; text: string } | { kind: 'fact'; fact: 'fulfilledByAmazon' } | { kind: 'email' | 'phone'; text: string };

export interface GroundMatch {
  ground: RemovalGround;
  evidence: Evidence[];
}

export interface FeedbackToAssess {
  rating: number;
  comment: string;
  /** The order was fulfilled by Amazon (FBA); undefined when no source says. */
  fulfilledByAmazon: boolean | undefined;
  removed?: boolean;
  /** Days since the feedback was left: Amazon takes removal requests for 90 days. */
  ageDays?: number;
}

export interface RemovalAssessment {
  /** At least one ground matched and nothing rules a request out. Never more than "likely". */
  likelyEligible: boolean;
  grounds: GroundMatch[];
  /** Words that kept a ground from matching (e.g. the comment mentions the seller), for the explanation. */
  against: { ground: 'productReview' | 'fbaDelivery'; words: string[] }[];
  /** Why the feedback is not a candidate at all. */
  notCandidate?: 'notNegative' | 'alreadyRemoved' | 'tooOld';
}

/** Amazon accepts removal requests within 90 days of the feedback (Feedback Manager help). */
export const REMOVAL_REQUEST_DAYS = 90;

const LATIN = /[a-zäöüß]/i;

/** One regular expression per term list, each term a named alternative so the match says which. */
function compile(terms: readonly string[]): RegExp {
  const sources = terms.map((term) => {
    const prefix = term.endsWith('*');
    const body = (prefix ? term.slice(0, -1) : term).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
    if (!LATIN.test(body)) return body; // Japanese: anywhere
    return `(?<![\\p{L}\\p{N}])${body}${prefix ? '' : '(?![\\p{L}\\p{N}])'}`;
  });
  return new RegExp(sources.join('|'), 'giu');
}

const LISTS = {
  product: compile(PRODUCT_TERMS),
  seller: compile(SELLER_TERMS),
  delivery: compile(DELIVERY_TERMS),
  sellerDuty: compile(SELLER_DUTY_TERMS),
  obscene: compile(OBSCENE_TERMS),
};

/** The distinct words of a list found in the text, as written there (a prefix term: the whole word). */
function wordsOf(text: string, list: RegExp): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(list)) {
    const end = match.index + match[0].length;
    const rest = LATIN.test(match[0]) ? (/^[\p{L}\p{N}]*/u.exec(text.slice(end))?.[0] ?? '') : '';
    found.add(text.slice(match.index, end) + rest);
  }
  return [...found];
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/** 7–15 digits with optional separators; Amazon order ids (3-7-7) are not phone numbers. */
const PHONE = /(?<![\p{N}-])\+?\(?\p{N}[\p{N}\s().\/-]{5,18}\p{N}(?![\p{N}-])/gu;
const ORDER_ID = /^\d{3}-\d{7}-\d{7}$/;

function personalInfo(comment: string): Evidence[] {
  const evidence: Evidence[] = [...comment.matchAll(EMAIL)].map((m) => ({ kind: 'email' as const, text: m[0] }));
  for (const m of comment.matchAll(PHONE)) {
    const text = m[0].trim();
    const digits = text.replace(/\D/g, '').length;
    if (digits >= 7 && digits <= 15 && !ORDER_ID.test(text)) evidence.push({ kind: 'phone', text });
  }
  return evidence;
}

const word = (text: string): Evidence => ({ kind: 'word', text });

export function assessFeedback(feedback: FeedbackToAssess): RemovalAssessment {
  const none = (notCandidate: RemovalAssessment['notCandidate']): RemovalAssessment => ({ likelyEligible: false, grounds: [], against: [], notCandidate });
  if (feedback.rating > 2) return none('notNegative');
  if (feedback.removed) return none('alreadyRemoved');
  // NFKC: full-width Latin and half-width katakana read as their usual forms.
  const text = feedback.comment.normalize('NFKC');
  const grounds: GroundMatch[] = [];
  const against: RemovalAssessment['against'] = [];

  const obscene = wordsOf(text, LISTS.obscene);
  if (obscene.length) grounds.push({ ground: 'obscene', evidence: obscene.map(word) });
  const personal = personalInfo(text);
  if (personal.length) grounds.push({ ground: 'personalInfo', evidence: personal });

  const product = wordsOf(text, LISTS.product);
  const seller = wordsOf(text, LISTS.seller);
  if (product.length && !seller.length) grounds.push({ ground: 'productReview', evidence: product.map(word) });
  else if (product.length) against.push({ ground: 'productReview', words: seller });

  if (feedback.fulfilledByAmazon === true) {
    const delivery = wordsOf(text, LISTS.delivery);
    const duty = wordsOf(text, LISTS.sellerDuty);
    if (delivery.length && !duty.length) {
      grounds.push({ ground: 'fbaDelivery', evidence: [{ kind: 'fact', fact: 'fulfilledByAmazon' }, ...delivery.map(word)] });
    } else if (delivery.length) {
      against.push({ ground: 'fbaDelivery', words: duty });
    }
  }

  const tooOld = feedback.ageDays !== undefined && feedback.ageDays > REMOVAL_REQUEST_DAYS;
  return { likelyEligible: grounds.length > 0 && !tooOld, grounds, against, ...(tooOld ? { notCandidate: 'tooOld' as const } : {}) };
}
