import { describe, expect, it } from 'vitest';
import { atRiskCsv, CSV_HEADER, csvCell } from '../../../../lib/ui/options/csv';
import { sampleReport } from '../fixtures';

describe('at-risk orders CSV', () => {
  it('writes one line per risk with a header', () => {
    const csv = atRiskCsv([sampleReport()]);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(lines).toHaveLength(1 + 3);
    expect(lines[1]).toBe(
      'ATVPDKIKX0DER,114-1111111-1111111,lateShipment,lsr.10d,orders,2026-11-17,2026-11-26,0,2026-11-26T22:20:00.000Z,0.044776,-1,true,false',
    );
  });

  it('quotes separators and defuses spreadsheet formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(null)).toBe('');
  });
});
