// Service worker (Chrome's MV3 build) or background page (Firefox's MV2 build), and the import path
// that follows from it (lib/messaging/bulk.ts): the worker's postMessage, or runtime.sendMessage.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backgroundKind, isServiceWorkerScope } from '../../../lib/browser/background-kind';

const runtime = vi.hoisted(() => ({
  manifest: {} as { background?: object },
  sendMessage: vi.fn(async (_message: unknown) => ({ ok: true, value: 'by sendMessage' })),
  connect: vi.fn(() => ({ onDisconnect: { addListener: vi.fn(), removeListener: vi.fn() }, disconnect: vi.fn() })),
  onConnect: { addListener: vi.fn() },
  id: 'redline',
}));
vi.mock('webextension-polyfill', () => ({
  default: { runtime: { ...runtime, getManifest: () => runtime.manifest } },
}));
const { sendBulkToBackground, answerBulk } = await import('../../../lib/messaging/bulk');

// What runtime.getManifest() answers for the `wxt build` and `wxt build -b firefox` builds. Firefox
// answers its normalised manifest, every key present (as Firefox ESR 153 does, seen 2026-12-02).
const CHROME_MANIFEST = { manifest_version: 3, background: { service_worker: 'background.js' } };
const FIREFOX_MANIFEST = {
  manifest_version: 2,
  background: { page: null, persistent: true, preferred_environment: null, scripts: ['moz-extension://0e1f/background.js'], service_worker: null, type: null },
};
const MESSAGE = { type: 'importBatches' as const, files: [{ name: 'a.json', batch: {} }] };

afterEach(() => {
  vi.unstubAllGlobals();
  runtime.sendMessage.mockClear();
});

describe('background kind', () => {
  it('Chrome: a service worker', () => {
    expect(backgroundKind(CHROME_MANIFEST)).toBe('service-worker');
  });

  it('Firefox: a background page', () => {
    expect(backgroundKind(FIREFOX_MANIFEST)).toBe('page');
    expect(backgroundKind({ background: { scripts: ['background.js'] } })).toBe('page'); // as written in the file
  });

  it('tells a service worker’s global scope from a page’s', () => {
    expect(isServiceWorkerScope({ registration: {}, addEventListener: () => undefined })).toBe(true);
    expect(isServiceWorkerScope(window)).toBe(false);
    expect(isServiceWorkerScope(null)).toBe(false);
  });
});

describe('an import’s files reach the background', () => {
  it('Chrome: by the service worker’s postMessage, with a reply port, not sendMessage', async () => {
    runtime.manifest = CHROME_MANIFEST;
    const postMessage = vi.fn((message: unknown, [port]: MessagePort[]) => port!.postMessage({ ok: true, value: ['by postMessage', message] }));
    vi.stubGlobal('navigator', { serviceWorker: { getRegistration: async () => ({ active: { postMessage } }) } });
    expect(await sendBulkToBackground(MESSAGE)).toEqual(['by postMessage', MESSAGE]);
    expect(postMessage).toHaveBeenCalledOnce();
    expect(runtime.sendMessage).not.toHaveBeenCalled();
  });

  it('Firefox: by runtime.sendMessage, without looking for a service worker', async () => {
    runtime.manifest = FIREFOX_MANIFEST;
    const getRegistration = vi.fn();
    vi.stubGlobal('navigator', { serviceWorker: { getRegistration } }); // Firefox's extension pages have none; were it asked, it fails
    expect(await sendBulkToBackground(MESSAGE)).toBe('by sendMessage');
    expect(runtime.sendMessage).toHaveBeenCalledWith(MESSAGE);
    expect(getRegistration).not.toHaveBeenCalled();
  });

  it('Firefox’s background page listens for no postMessage; Chrome’s worker does', () => {
    const page = { addEventListener: vi.fn() };
    vi.stubGlobal('registration', undefined);
    vi.stubGlobal('addEventListener', page.addEventListener);
    answerBulk(async () => undefined);
    expect(page.addEventListener).not.toHaveBeenCalled();
    vi.stubGlobal('registration', {});
    answerBulk(async () => undefined);
    expect(page.addEventListener).toHaveBeenCalledWith('message', expect.any(Function));
  });
});
