import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { sendToBackground } from '../../messaging/client';
import { onReportsChanged } from '../../messaging/reports-changed';
import { t } from '../i18n';
import { Popup, type PopupState } from './Popup';

/** Countdowns and ages move while the popup is open. */
const TICK_MS = 30_000;

/**
 * Loads the cached report (the worker never computes on open), loads it again when the worker says
 * it changed, and keeps the clock ticking.
 * `openOptions` is injected so the component has no browser API of its own.
 */
export function PopupRoot({ openOptions }: { openOptions: () => void }) {
  const [state, setState] = useState<PopupState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const shown = useRef<string | undefined>(undefined);

  const load = useCallback((scope?: string) => {
    shown.current = scope;
    // User Timing marks (DevTools' Performance panel, and npm run bench): script ready → worker answered.
    performance.mark('redline:popup-ask');
    sendToBackground({ type: 'getPopupState', ...(scope ? { scope } : {}) }).then(
      (s) => {
        performance.mark('redline:popup-answer');
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
    // A capture or import finished recomputing while the popup is open: show the new figures.
    const closed = new AbortController();
    onReportsChanged(() => load(shown.current), closed.signal);
    return () => {
      clearInterval(timer);
      closed.abort();
    };
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
