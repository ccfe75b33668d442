import { useState } from 'preact/hooks';
import { t, tp } from '../i18n';

/** Rows a popup list draws before "show all": a seller with thousands of items would get thousands of rows at once. */
export const SHOWN = 8;

/**
 * The first `SHOWN` of a list, and the button under it that shows all of it (or fewer again), for the
 * list's section `controls` (its element id). No button when the list is short.
 */
export function useFirstFew<T>(items: readonly T[], controls: string) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, SHOWN);
  const toggle =
    items.length > SHOWN ? (
      <button type="button" class="link-button" onClick={() => setAll(!all)} aria-expanded={all} aria-controls={controls}>
        {all ? t('showFewer') : tp('showAll', items.length)}
      </button>
    ) : null;
  return { shown, toggle };
}
