/**
 * Resolves with the first element matching `find` once the page has rendered it (the tables appear
 * after the page's own JSON arrives), or undefined after `timeoutMs` or when aborted. One
 * MutationObserver, disconnected as soon as it is done.
 */
export function waitFor<T>(root: Node, find: () => T | null | undefined, signal: AbortSignal, timeoutMs = 15_000): Promise<T | undefined> {
  const found = find();
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    const finish = (value: T | undefined) => {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => finish(undefined);
    const observer = new MutationObserver(() => {
      const value = find();
      if (value) finish(value);
    });
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });
    observer.observe(root, { childList: true, subtree: true });
  });
}
