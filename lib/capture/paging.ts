import { PAGING_PARAMETERS, type RequestPaging } from '../model/paging';

/** The paging parameters of a request's query (lib/model/paging.ts says which, and how they are reduced). */
export function pagingOf(query: URLSearchParams): RequestPaging | undefined {
  let paging: RequestPaging | undefined;
  for (const name of PAGING_PARAMETERS) {
    const value = query.get(name);
    if (value === null) continue;
    if (name === 'lastEvaluatedKey') (paging ??= {})[name] = value === '' ? '' : 'set';
    else if (/^\d{1,9}$/.test(value)) (paging ??= {})[name] = value;
  }
  return paging;
}
