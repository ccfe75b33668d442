import { describe, expect, it } from 'vitest';
import { clip, quote } from '../../../lib/ui/text';

describe('outside text in our sentences', () => {
  it('clips long text with an ellipsis, never between the halves of a surrogate pair', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('abcdefghij', 5)).toBe('abcd…');
    expect(clip('abc😀def', 5)).toBe('abc…'); // '😀' is two units: not cut in half
    expect(clip('x'.repeat(2 ** 20), 40)).toHaveLength(40);
  });

  it('isolates it (FSI…PDI), dropping its own PDIs so that an override inside cannot escape', () => {
    expect(quote('114-1234567-1234567')).toBe('\u2068114-1234567-1234567\u2069');
    expect(quote('\u2069\u202Etxt.exe')).toBe('\u2068\u202Etxt.exe\u2069');
    expect(quote('y'.repeat(100), 10)).toBe(`\u2068${'y'.repeat(9)}…\u2069`);
  });
});
