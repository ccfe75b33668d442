/**
 * The words that decide which of Amazon's removal grounds a feedback comment touches, in English,
 * German and Japanese. A term ending in `*` matches any word starting with it (`deliver*`: delivery,
 * delivered); other Latin terms match whole words; Japanese terms match anywhere (no spaces to split
 * on). Lists stay short and unambiguous: a word that can be about the seller as well as the product
 * ("box", "Karton") counts as the seller's, so a doubtful comment is never called removable.
 *
 * Grounds (Amazon help, "Can Amazon remove buyer feedback?"): the comment is entirely a product review;
 * the order was fulfilled by Amazon and the complaint is about that fulfilment; obscene language; the
 * seller's personal information.
 */

/** The comment talks about the product itself. */
export const PRODUCT_TERMS = [
  // English
  'product*', 'item', 'items', 'quality', 'broke', 'broken', 'breaks', 'defective', 'faulty', 'stopped working',
  "doesn't work", 'does not work', "didn't work", 'cheap*', 'flimsy', 'material', 'size', 'too small', 'too big',
  'color', 'colour', 'smell*', 'battery', 'instructions', 'design', 'dull', 'rust*', 'leak*', 'works',
  // German
  'produkt*', 'artikel', 'qualität', 'kaputt', 'defekt*', 'funktioniert nicht', 'geht nicht', 'billig*',
  'material', 'größe', 'grösse', 'zu klein', 'zu groß', 'farbe', 'riecht', 'gebrochen', 'verarbeitung',
  'mangelhaft', 'rostet', 'stumpf', 'undicht',
  // Japanese
  '商品', '品質', '壊れ', '故障', '不良', '動かない', '作動しない', '使えない', '安っぽ', '素材', 'サイズ',
  '小さ', '色が', '臭い', '匂い', '電池', '説明書', 'デザイン', '錆', '切れ味',
] as const;

/**
 * The comment talks about the seller, the shipment or the service: then it is not "entirely a product
 * review" (the seller answers for these on seller-fulfilled orders).
 */
export const SELLER_TERMS = [
  // English
  'seller*', 'vendor', 'merchant', 'store', 'shop', 'ship*', 'deliver*', 'arriv*', 'late', 'package*',
  'packag*', 'packed', 'box', 'courier', 'carrier', 'tracking', 'never received', 'never came', 'lost',
  'missing', 'wrong item', 'not as described', 'customer service', 'service', 'respon*', 'answer*',
  'repl*', 'contact*', 'messag*', 'email*', 'refund*', 'return*', 'sent',
  // German
  'verkäufer*', 'händler*', 'shop', 'versand*', 'versendet', 'verschickt', 'liefer*', 'geliefert',
  'zustell*', 'angekommen', 'ankunft', 'paket*', 'verpack*', 'karton', 'spät', 'verspätet', 'bote',
  'kundenservice', 'kundendienst', 'service', 'antwort*', 'geantwortet', 'reagiert', 'kontakt*',
  'erstattung', 'rückerstattung', 'rücksendung', 'retoure', 'nicht erhalten', 'nie erhalten', 'fehlt*',
  'falsche*', 'nicht wie beschrieben',
  // Japanese
  '出品者', '販売者', 'ショップ', '店', '発送', '配送', '配達', '届', '到着', '遅', '梱包', '箱', '対応',
  '返信', '返事', '連絡', '問い合わせ', '返金', '返品', '説明と違', '記載と違', '追跡', '業者', '欠品',
] as const;

/** The complaint is about the delivery itself: Amazon's, on an order it fulfilled. */
export const DELIVERY_TERMS = [
  // English
  'deliver*', 'arriv*', 'late', 'ship*', 'packag*', 'packed', 'box', 'crushed', 'courier', 'carrier',
  'tracking', 'never received', 'never came', 'lost',
  // German
  'liefer*', 'geliefert', 'zustell*', 'versand*', 'verschickt', 'angekommen', 'ankunft', 'paket*',
  'verpack*', 'karton', 'spät', 'verspätet', 'bote', 'nicht erhalten', 'nie erhalten', 'zerdrückt',
  // Japanese
  '配送', '配達', '届', '到着', '遅', '梱包', '箱', '発送', '追跡', '潰れ',
] as const;

/**
 * On an order fulfilled by Amazon these stay with the seller (Amazon: "any portion of the comment
 * [that] applies to the condition of your product as indicated on your listing, or any service that
 * you provided"): the product's condition, the listing, the seller's own messages.
 */
export const SELLER_DUTY_TERMS = [
  // English
  'used', 'not new', 'opened', 'counterfeit', 'fake', 'not as described', 'seller*', 'respon*', 'answer*',
  'repl*', 'contact*', 'messag*', 'refund*',
  // German
  'gebraucht', 'nicht neu', 'geöffnet', 'fälschung', 'gefälscht', 'nicht wie beschrieben', 'verkäufer*',
  'händler*', 'antwort*', 'geantwortet', 'reagiert', 'kontakt*', 'erstattung', 'rückerstattung',
  // Japanese
  '中古', '新品ではな', '開封', '偽物', '説明と違', '記載と違', '出品者', '販売者', '返信', '返事', '連絡', '返金',
] as const;

/** Obscene or profane words (insults aimed at no one in particular are not enough). */
export const OBSCENE_TERMS = [
  // English
  'fuck*', 'shit*', 'bullshit', 'asshole*', 'bitch*', 'bastard*', 'dickhead', 'wtf', 'crap*', 'piss*',
  // German
  'scheiß*', 'scheiss*', 'arschloch*', 'arsch', 'wichser', 'fick*', 'kacke', 'drecks*', 'verarsch*',
  // Japanese
  'クソ', 'くそ', '糞', '死ね', 'ふざけんな', 'ふざけるな', 'カス',
] as const;
