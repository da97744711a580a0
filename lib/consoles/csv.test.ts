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
    expect(csv.split('\r\n')).toEqual([
      'name,count',
      '"Lovelace, Ada",1',
      '"She said ""hi""",2',
      '"two\nlines",3',
      ',4',
      '',
    ]);
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(toCsv([{ name: '=HYPERLINK("x")', count: -1 }], columns)).toBe('name,count\r\n"\'=HYPERLINK(""x"")",-1\r\n');
    expect(toCsv([{ name: '+1+cmd|"/c calc"!A0', count: 0 }], columns)).toContain(`"'+1+cmd`);
    expect(toCsv([{ name: '-2+3', count: 0 }], columns)).toContain("'-2+3");
    expect(toCsv([{ name: '@SUM(A1)', count: 0 }], columns)).toContain("'@SUM(A1)");
  });

  it('writes phone numbers as they are, quoted, with no quote mark in front', () => {
    expect(toCsv([{ name: '+14155550123', count: 0 }], columns)).toBe('name,count\r\n"+14155550123",0\r\n');
  });
});

describe('toCsv cells a spreadsheet could split or run', () => {
  it('quotes cells holding a semicolon or a tab, which spreadsheets in many locales take for separators', () => {
    const csv = toCsv(
      [
        { name: 'Ada; Grace', count: 1 },
        { name: 'col\tumn', count: 2 },
      ],
      columns,
    );
    expect(csv.split('\r\n')).toEqual(['name,count', '"Ada; Grace",1', '"col\tumn",2', '']);
  });

  it('defuses every formula start (=, +, -, @, tab, carriage return) in text cells, and still quotes what needs it', () => {
    for (const start of ['=', '+', '-', '@']) {
      expect(toCsv([{ name: `${start}SUM(A1;A2)`, count: 0 }], columns)).toBe(
        `name,count\r\n"'${start}SUM(A1;A2)",0\r\n`,
      );
      expect(toCsv([{ name: `${start}1`, count: 0 }], columns)).toBe(`name,count\r\n'${start}1,0\r\n`);
    }
    expect(toCsv([{ name: '\t=1', count: 0 }], columns)).toBe(`name,count\r\n"'\t=1",0\r\n`);
  });
});
