/**
 * The background worker's one database connection, opened on first use and opened again after it
 * closed: the seller deleted the database (clearing the extension's site data), a newer version
 * upgraded it, or the browser closed it. Without this the worker kept a dead connection and every
 * capture failed until the worker happened to restart.
 *
 * `open` receives the callback to call when its connection closes. A failed open is not cached:
 * the next call tries again.
 */
export function reopening<T>(open: (onClose: () => void) => Promise<T>): () => Promise<T> {
  let current: Promise<T> | undefined;
  return () => {
    if (!current) {
      const opening = open(() => {
        if (current === opening) current = undefined;
      });
      current = opening;
      opening.catch(() => {
        if (current === opening) current = undefined;
      });
    }
    return current;
  };
}
