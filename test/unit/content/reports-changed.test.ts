import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// The content script refreshes its overlays when the worker broadcasts `reportsChanged`, and on
// nothing else: not on a capture's answer (written, not yet recomputed), not on other messages.
vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
vi.mock('../../../lib/messaging/client', () => ({ sendToBackground: vi.fn(async () => ({ ok: true })) }));

const { startContentScript } = await import('../../../lib/content/main');
const { onDataChanged } = await import('../../../lib/content/data-events');

/** What each listener returned, as is: `undefined` when it answers nothing (a promise would be an answer). */
const deliver = (message: unknown, sender: object): Promise<unknown[]> => fakeBrowser.runtime.onMessage.trigger(message, sender);

describe('new figures in the content script', () => {
  let controller: AbortController;
  const changed = vi.fn();

  beforeEach(() => {
    fakeBrowser.reset();
    changed.mockClear();
    controller = new AbortController();
    startContentScript({ signal: controller.signal, onLocationChange: () => {} }, []);
    onDataChanged(changed, controller.signal);
  });
  afterEach(() => controller.abort());

  it('come with the worker’s reportsChanged broadcast, and the listener answers nothing', async () => {
    const answers = await deliver({ type: 'reportsChanged' }, { id: fakeBrowser.runtime.id });
    expect(changed).toHaveBeenCalledTimes(1);
    // Other listeners (none in the content script today) keep the right to answer.
    expect(answers.every((a: unknown) => a === undefined)).toBe(true);
  });

  it('not with any other message, and no longer once the content script stopped', async () => {
    await deliver({ type: 'captureResponse' }, {});
    await deliver('reportsChanged', {});
    expect(changed).not.toHaveBeenCalled();
    controller.abort();
    await deliver({ type: 'reportsChanged' }, {});
    expect(changed).not.toHaveBeenCalled();
  });
});
