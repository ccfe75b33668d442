import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { sendToBackground } from '../../messaging/client';
import { onReportsChanged } from '../../messaging/reports-changed';
import { t } from '../i18n';
import { Popup, type PopupState } from './Popup';
import { remember, type Remembered } from './remembered';

/** Countdowns and ages move while the popup is open. */
const TICK_MS = 30_000;

/**
 * The worker's answer to the popup's first question, asked by the entry script before anything else
 * (docs/performance.md: the round trip overlaps loading and rendering instead of following them).
 */
export function askPopupState(scope?: string): Promise<PopupState> {
  // User Timing marks (DevTools' Performance panel, and npm run bench): script ready → worker answered.
  performance.mark('redline:popup-ask');
  return sendToBackground({ type: 'getPopupState', ...(scope ? { scope } : {}) }).then((s) => {
    performance.mark('redline:popup-answer');
    return s;
  });
}

/**
 * Shows the last answer kept from the previous popup at once, marked as being brought up to date
 * (`remembered`), then the worker's cached report (the worker never computes on open); loads it
 * again when the worker says it changed, and keeps the clock ticking.
 * `openOptions` is injected so the component has no browser API of its own.
 */
export function PopupRoot({ openOptions, first, remembered = null }: { openOptions: () => void; first?: Promise<PopupState>; remembered?: Remembered | null }) {
  const [state, setState] = useState<PopupState | null>(remembered?.state ?? null);
  const [live, setLive] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const shown = useRef<string | undefined>(undefined);
  const asked = useRef(0);

  const show = useCallback((answer: Promise<PopupState>) => {
    // Only the newest question's answer shows: a slow first answer must not replace a newer scope's.
    const ask = ++asked.current;
    answer.then(
      (s) => {
        if (ask !== asked.current) return;
        setState(s);
        setLive(true);
        setNow(Date.now());
        setError(null);
        remember(s, Date.now());
      },
      (e: unknown) => {
        if (ask === asked.current) setError(e instanceof Error ? e.message : String(e));
      },
    );
  }, []);

  const load = useCallback(
    (scope?: string) => {
      shown.current = scope;
      show(askPopupState(scope));
    },
    [show],
  );

  useEffect(() => {
    if (first) show(first);
    else load();
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    // A capture or import finished recomputing while the popup is open: show the new figures.
    const closed = new AbortController();
    onReportsChanged(() => load(shown.current), closed.signal);
    return () => {
      clearInterval(timer);
      closed.abort();
    };
  }, [load, show, first]);

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
  return <Popup state={state} now={now} updating={!live} onSelectScope={selectScope} onOpenOptions={openOptions} />;
}
