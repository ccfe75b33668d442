import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../messaging/client';
import { t } from '../i18n';
import { Popup, type PopupState } from './Popup';

/** Countdowns and ages move while the popup is open. */
const TICK_MS = 30_000;

/**
 * Loads the cached report (the worker never computes on open) and keeps the clock ticking.
 * `openOptions` is injected so the component has no browser API of its own.
 */
export function PopupRoot({ openOptions }: { openOptions: () => void }) {
  const [state, setState] = useState<PopupState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());

  const load = useCallback((scope?: string) => {
    sendToBackground({ type: 'getPopupState', ...(scope ? { scope } : {}) }).then(
      (s) => {
        setState(s);
        setNow(Date.now());
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);

  useEffect(() => {
    load();
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [load]);

  const selectScope = useCallback(
    (scope: string) => {
      void sendToBackground({ type: 'setActiveScope', scope }).finally(() => load(scope));
    },
    [load],
  );

  if (error) {
    return (
      <div class="popup">
        <div class="notice notice-problem" role="alert">
          <span class="notice-icon" aria-hidden="true">
            !
          </span>
          <div>
            <p class="notice-title">{t('error_title')}</p>
            <p class="small">{error}</p>
          </div>
        </div>
      </div>
    );
  }
  if (!state) return <div class="popup loading" aria-busy="true" />;
  return <Popup state={state} now={now} onSelectScope={selectScope} onOpenOptions={openOptions} />;
}
