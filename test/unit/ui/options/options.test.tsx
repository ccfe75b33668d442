import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../lib/model/settings';
import { useLocale } from '../messages';

const sent: { type: string; [k: string]: unknown }[] = [];
/** Saving (an import with `commit: true`) fails with this; the worker's newest problem is `problem`. */
const failing: { commit: Error | null; problem: unknown } = { commit: null, problem: null };

vi.mock('../../../../lib/messaging/client', () => ({
  sendToBackground: vi.fn(async (message: { type: string; files?: { name: string }[]; commit?: boolean }) => {
    sent.push(message);
    switch (message.type) {
      case 'getSettings':
        return DEFAULT_SETTINGS;
      case 'saveSettings':
      case 'deleteAllData':
        return undefined;
      case 'getPopupState':
        return { problem: failing.problem };
      case 'getDataLog':
        return [];
      case 'getImportContext':
        return {};
      case 'importBatches':
        if (failing.commit) throw failing.commit;
        return undefined;
      default:
        throw new Error(message.type);
    }
  }),
}));

// The options page reads the files itself (lib/readers/import-files.ts; the readers have tests of their
// own): here a .txt file is an All Orders report of 1,234 orders, anything else is not recognised.
vi.mock('../../../../lib/readers/import-files', () => ({
  readImportFiles: (files: { name: string }[]) =>
    files.map((f) => ({
      name: f.name,
      result: f.name.endsWith('.txt')
        ? { ok: true, batch: { format: 'flat/all-orders', orders: [], defects: [], readings: [] } }
        : { ok: false, reason: 'unknownFormat', detail: '<b>bold</b>' },
    })),
  importPreview: ({ name, result }: { name: string; result: { ok: boolean } }) =>
    result.ok
      ? {
          name,
          ok: true,
          format: 'flat/all-orders',
          orders: 1234,
          defects: 0,
          readings: 0,
          marketplaces: ['ATVPDKIKX0DER'],
          from: Date.UTC(2026, 8, 1),
          to: Date.UTC(2026, 10, 25),
        }
      : { name, ok: false, reason: 'unknownFormat', detail: '<b>bold</b>', orders: 0, defects: 0, readings: 0, marketplaces: [] },
}));

// An import's files go by lib/messaging/bulk.ts: the same answers.
vi.mock('../../../../lib/messaging/bulk', async () => ({ sendBulkToBackground: (await import('../../../../lib/messaging/client')).sendToBackground }));

const { Options } = await import('../../../../lib/ui/options/Options');

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

async function show(): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<Options />, root);
  await flush();
  return root;
}

function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('options page', () => {
  beforeEach(() => {
    useLocale('en');
    sent.length = 0;
    failing.commit = null;
    failing.problem = null;
  });

  it('shows every metric with Amazon’s default, validates, and saves', async () => {
    const root = await show();
    expect(root.querySelectorAll('tbody tr[data-metric]')).toHaveLength(8);
    expect(root.querySelector('tr[data-metric="odr.mfn"] th')!.textContent).toContain('Amazon: target under 1%');
    // Spec v2 §1.1: targets per marketplace, from the one table the engine uses.
    expect(root.querySelector('tr[data-metric="otdr.14d"] th')!.textContent).toContain('target over 90% in the US (enforced since Sep 25, 2024)');
    expect(root.querySelector('tr[data-metric="otdr.14d"] th')!.textContent).toContain('target over 97% elsewhere, advisory');
    expect(root.querySelector('tr[data-metric="idr.7d"] th')!.textContent).toContain('in the UK, Germany, France, Italy and Spain only');
    const target = root.querySelector<HTMLInputElement>('#odr-mfn-target')!;
    expect(target.value).toBe(''); // Amazon's, per marketplace
    expect(target.placeholder).toBe('Amazon’s');
    expect(root.querySelector('label[for="odr-mfn-target"]')!.textContent).toBe('Order Defect Rate · seller-fulfilled: Target');

    type(target, 'abc');
    await flush();
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await flush();
    expect(target.getAttribute('aria-invalid')).toBe('true');
    expect(root.textContent).toContain('A percentage between 0.01 and 99.99');
    expect(sent.some((m) => m.type === 'saveSettings')).toBe(false);

    type(target, '0.8');
    await flush();
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await flush();
    const saved = sent.find((m) => m.type === 'saveSettings') as { settings: typeof DEFAULT_SETTINGS } | undefined;
    expect(saved?.settings.metrics['odr.mfn'].target?.basisPoints).toBe(80);
    expect(root.querySelector('.save-bar [role=status]')!.textContent).toBe('Saved. Figures were recomputed.');
  });

  it('sets a marketplace’s holidays and VTR exemption, and saves them with the settings', async () => {
    const root = await show();
    const select = root.querySelector<HTMLSelectElement>('#rules-marketplace')!;
    select.value = 'A1VC38T7YXB528';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await flush();
    const amount = root.querySelector<HTMLInputElement>('#rules-exemption')!;
    expect(amount.value).toBe('1000');
    expect(amount.parentElement!.textContent).toContain('JPY');
    const holidays = root.querySelector<HTMLTextAreaElement>('#rules-holidays')!;
    holidays.value = '2027-01-01, 2027-01-02';
    holidays.dispatchEvent(new Event('input', { bubbles: true }));
    type(amount, '1500');
    await flush();
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await flush();
    const saved = sent.find((m) => m.type === 'saveSettings') as { settings: typeof DEFAULT_SETTINGS } | undefined;
    expect(saved?.settings.holidays).toEqual({ A1VC38T7YXB528: ['2027-01-01', '2027-01-02'] });
    expect(saved?.settings.vtrExemptBelow).toEqual({ A1VC38T7YXB528: { amount: 1500, currency: 'JPY' } });
  });

  it('previews imported files before saving only the recognised ones', async () => {
    const root = await show();
    const input = root.querySelector<HTMLInputElement>('[data-test-id="import-input"]')!;
    const files = [new File(['order-id\tpurchase-date\n'], 'all-orders.txt'), new File(['?'], 'notes.pdf')];
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await flush();
    expect(sent.at(-1)).toMatchObject({ type: 'getImportContext' }); // read here: the worker stores nothing yet
    const rows = [...root.querySelectorAll('[data-test-id="import-preview"] tbody tr')];
    expect(rows[0]!.textContent).toContain('All Orders report');
    expect(rows[0]!.textContent).toContain('1,234');
    expect(rows[0]!.textContent).toContain('United States');
    expect(rows[1]!.textContent).toContain('Not recognised');
    expect(rows[1]!.querySelector('b')).toBeNull(); // a file's detail is text
    const save = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Save 1 recognised file')!;
    save.click();
    await flush();
    const commit = sent.at(-1) as unknown as { type: string; files: { name: string; batch: { format: string } }[] };
    expect(commit.type).toBe('importBatches');
    expect(commit.files.map((f) => [f.name, f.batch.format])).toEqual([['all-orders.txt', 'flat/all-orders']]);
  });

  /** Picks one recognised file, previews it and saves it; the status line after the save. */
  async function importOne(root: HTMLElement): Promise<string> {
    const input = root.querySelector<HTMLInputElement>('[data-test-id="import-input"]')!;
    Object.defineProperty(input, 'files', { value: [new File(['order-id\tpurchase-date\n'], 'all-orders.txt')], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await flush();
    root.querySelector<HTMLButtonElement>('.actions .button-primary')!.click(); // "Save 1 recognised file"
    await flush();
    return root.querySelector('section [role=status]')!.textContent ?? '';
  }

  it.each(['en', 'de', 'ja'] as const)('says what a full disk means and what to do (%s), and offers to save again', async (lang) => {
    useLocale(lang);
    failing.commit = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const root = await show();
    const status = await importOne(root);
    expect(status).toBe(
      {
        en: 'Not saved: the disk, or the browser’s storage for extensions, is full. Free disk space, or delete old data below (shorten “Keep history for”, or delete all data), then save again. Nothing of the file that failed was stored.',
        de: 'Nicht gespeichert: Die Festplatte oder der Speicher des Browsers für Erweiterungen ist voll. Geben Sie Speicherplatz frei oder löschen Sie unten alte Daten („Verlauf aufbewahren“ verkürzen oder alle Daten löschen) und speichern Sie dann erneut. Von der fehlgeschlagenen Datei wurde nichts gespeichert.',
        ja: '保存されませんでした：ディスク、またはブラウザの拡張機能用ストレージがいっぱいです。ディスクの空き容量を増やすか、下で古いデータを削除し（「履歴の保存期間」を短くするか、全データを削除）、もう一度保存してください。失敗したファイルの内容は何も保存されていません。',
      }[lang],
    );
    // The file is still there to save once space is freed.
    failing.commit = null;
    root.querySelector<HTMLButtonElement>('.actions .button-primary')!.click();
    await flush();
    expect(sent.filter((m) => m.type === 'importBatches')).toHaveLength(2);
    expect(root.querySelector('section [role=status]')!.textContent).not.toBe(status);
  });

  it('knows a full disk from the worker’s log when the error’s own words do not say so', async () => {
    failing.commit = new Error('Transaction was aborted.');
    failing.problem = {
      at: Date.now() + 1000,
      origin: 'import',
      source: 'all-orders.txt',
      ok: false,
      reason: 'storageFailed',
      detail: 'QuotaExceededError: Transaction was aborted.',
    };
    expect(await importOne(await show())).toMatch(/^Not saved: the disk, or the browser’s storage for extensions, is full\./);
    failing.problem = { ...(failing.problem as object), at: Date.now() - 60_000 }; // an old one is not this failure
    expect(await importOne(await show())).toBe('Could not read the files: \u2068Transaction was aborted.\u2069');
  });

  it('says the worker stopped, that what it finished is kept and that saving again completes it', async () => {
    failing.commit = new Error('no answer from the background worker');
    const status = await importOne(await show());
    expect(status).toBe(
      'Redline’s background worker stopped before it finished. Files it had finished are kept; nothing of the one it was saving was stored. Save again to complete them: nothing is counted twice.',
    );
  });

  it('deletes all data only after a confirmation', async () => {
    const root = await show();
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Delete all data…')!.click();
    await flush();
    expect(sent.some((m) => m.type === 'deleteAllData')).toBe(false);
    expect(root.querySelector('[role=alertdialog]')!.textContent).toContain('cannot be undone');
    root.querySelector<HTMLButtonElement>('[data-test-id="confirm-delete"]')!.click();
    await flush();
    expect(sent.some((m) => m.type === 'deleteAllData')).toBe(true);
  });
});
