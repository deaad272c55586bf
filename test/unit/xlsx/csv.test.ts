import { csvSheetName, csvToWorkbook, parseCsvRows } from '../../../src/host/xlsx/csv';

describe('CSV files read as a one-sheet workbook', () => {
  it('splits quoted fields with commas, doubled quotes and newlines', () => {
    expect(parseCsvRows('a,"b,c","say ""hi""\nthere"\r\n1,2,3').map((r) => r.map((f) => f.value))).toEqual([
      ['a', 'b,c', 'say "hi"\nthere'],
      ['1', '2', '3'],
    ]);
  });

  it('turns plain numbers into numbers and keeps year headers and dashes as text', () => {
    const wb = csvToWorkbook('"","2005-06 ","2006-07 "\n"Total ",14236.05,"-"\n"Gwynedd ",552,759\n', 'parking');
    const rows = wb.sheets[0]!.rows;
    expect(wb.sheets[0]!.name).toBe('parking');
    expect(rows[0]![0]).toBeUndefined();
    expect(rows[0]![1]).toEqual({ value: '2005-06 ' });
    expect(rows[1]![1]).toEqual({ value: 14236.05 });
    expect(rows[1]![2]).toEqual({ value: '-' });
    expect(rows[2]![2]).toEqual({ value: 759 });
  });

  it('names the sheet after the file, as Excel does', () => {
    expect(csvSheetName('/data/statswales_parking.csv')).toBe('statswales_parking');
  });
});
