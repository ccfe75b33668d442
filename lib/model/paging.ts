/**
 * The paging parameters of the request a captured response answered, and nothing else of its query
 * (the rest can hold what the seller searched for: an order id, a buyer's name). Readers use them to
 * place one page in its table (lib/readers/paging.ts): Seller Central's Feedback Manager answer does
 * not say which page it is (fbmapi-feedbacks.2026-07.IN source note), its request does.
 *
 * Values are kept only when they are short digit strings; a cursor (`lastEvaluatedKey`, an opaque key
 * that may name an order) is reduced to whether it was given: `''` (first page) or `'set'`.
 *
 * What the parameters are lives here, with the model, because the readers, the message protocol and the
 * page bridge (lib/capture/paging.ts reads them from a request) all speak of them.
 */
export const PAGING_PARAMETERS = ['limit', 'offset', 'pageNumber', 'pageSize', 'page', 'lastEvaluatedKey'] as const;
export type PagingParameter = (typeof PAGING_PARAMETERS)[number];
export type RequestPaging = Partial<Record<PagingParameter, string>>;
