import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { SHOWN, useFirstFew } from '../../../lib/ui/popup/first-few';
import { useLocale } from './messages';

function List({ count }: { count: number }) {
  const { shown, toggle } = useFirstFew(
    Array.from({ length: count }, (_, i) => i),
    'list',
  );
  return (
    <section id="list">
      <ol>
        {shown.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ol>
      {toggle}
    </section>
  );
}

function show(count: number): HTMLElement {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<List count={count} />, root);
  return root;
}

beforeEach(() => useLocale('en'));

describe('a popup list: the first few, then "show all"', () => {
  it('draws the first rows and a button that shows all of them, then fewer again', async () => {
    const root = show(SHOWN + 12);
    expect(root.querySelectorAll('li')).toHaveLength(SHOWN);
    const button = root.querySelector('button')!;
    expect(button.textContent).toBe(`Show all ${SHOWN + 12}`);
    expect(button.getAttribute('aria-controls')).toBe('list');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await act(() => button.click());
    expect(root.querySelectorAll('li')).toHaveLength(SHOWN + 12);
    expect(button.textContent).toBe('Show fewer');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    await act(() => button.click());
    expect(root.querySelectorAll('li')).toHaveLength(SHOWN);
  });

  it('draws a short list whole, with no button', () => {
    const root = show(SHOWN);
    expect(root.querySelectorAll('li')).toHaveLength(SHOWN);
    expect(root.querySelector('button')).toBeNull();
  });
});
