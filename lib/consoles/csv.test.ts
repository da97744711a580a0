import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

interface Row {
  name: string | null;
  count: number;
}
const columns = [
  { header: 'name', value: (r: Row) => r.name },
  { header: 'count', value: (r: Row) => r.count },
];

describe('toCsv', () => {
  it('writes a header and one CRLF line per row', () => {
    expect(toCsv([{ name: 'Ada', count: 2 }], columns)).toBe('name,count\r\nAda,2\r\n');
  });

  it('quotes commas, quotes and line breaks, and leaves empty cells for null', () => {
    const csv = toCsv(
      [
        { name: 'Lovelace, Ada', count: 1 },
        { name: 'She said "hi"', count: 2 },
        { name: 'two\nlines', count: 3 },
        { name: null, count: 4 },
      ],
      columns,
    );
    expect(csv.split('\r\n')).toEqual(['name,count', '"Lovelace, Ada",1', '"She said ""hi""",2', '"two\nlines",3', ',4', '']);
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(toCsv([{ name: '=HYPERLINK("x")', count: -1 }], columns)).toBe('name,count\r\n"\'=HYPERLINK(""x"")",-1\r\n');
    expect(toCsv([{ name: '+14155550123', count: 0 }], columns)).toContain("'+14155550123");
  });
});
