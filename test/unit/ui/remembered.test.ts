import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PopupState } from '../../../lib/ui/popup/Popup';
import { forgetRemembered, remember, rememberedState } from '../../../lib/ui/popup/remembered';
import { NOW, sampleReport } from './fixtures';

const g = globalThis as unknown as { chrome?: { runtime: { getManifest(): { version: string } } } };
let version = '1.2.3';

function state(overrides: Partial<PopupState> = {}): PopupState {
  return {
    scopes: ['default|ATVPDKIKX0DER'],
    scope: 'default|ATVPDKIKX0DER',
    report: sampleReport(),
    history: {},
    lastCapture: null,
    problem: null,
    computing: false,
    ...overrides,
  } as PopupState;
}

describe('the popup’s kept answer', () => {
  let saved: typeof g.chrome;
  beforeEach(() => {
    saved = g.chrome;
    g.chrome = { runtime: { getManifest: () => ({ version }) } };
    version = '1.2.3';
    localStorage.clear();
  });
  afterEach(() => {
    g.chrome = saved;
    localStorage.clear();
  });

  it('gives back the last answer with a report, and when it came', () => {
    expect(rememberedState()).toBeNull();
    remember(state(), NOW);
    const kept = rememberedState();
    expect(kept?.at).toBe(NOW);
    expect(kept?.state).toEqual(JSON.parse(JSON.stringify(state())));
  });

  it('forgets on an answer without a report (no data, deleted) and on forgetRemembered', () => {
    remember(state(), NOW);
    remember(state({ report: null }), NOW + 1);
    expect(rememberedState()).toBeNull();
    remember(state(), NOW);
    forgetRemembered();
    expect(rememberedState()).toBeNull();
  });

  it('is not used by another build, nor when damaged', () => {
    remember(state(), NOW);
    version = '1.2.4';
    expect(rememberedState()).toBeNull();
    localStorage.setItem('redline:popup-last', '{"version":"1.2.4","at":');
    expect(rememberedState()).toBeNull();
  });

  it('keeps nothing too big to be worth parsing', () => {
    const report = sampleReport();
    const many = Array.from({ length: 20_000 }, (_, i) => ({ ...report.atRiskOrders[0]!, orderId: `111-${String(i).padStart(7, '0')}-0000000` }));
    remember(state(), NOW);
    remember(state({ report: { ...report, atRiskOrders: many } }), NOW + 1);
    expect(rememberedState()).toBeNull();
  });
});
