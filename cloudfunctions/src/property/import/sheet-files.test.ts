import ExcelJS from 'exceljs';
import { cellText, readSheet } from './read-sheet';
import { NOTES_SHEET_NAME, writeSheet } from './write-sheet';

const table = [
  ['楼栋', '房号', '业主姓名', '家庭成员'],
  ['3', '0802', '=HYPERLINK("x")', '李娜:配偶;陈子涵:子女'],
  ['-1', 'B01', '-张, "三"', ''],
];

async function workbookOf(base64: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
  return workbook;
}

describe('CSV files', () => {
  it('round-trip through the writer and reader, BOM, quotes and semicolons included', async () => {
    const csv = await writeSheet('csv', table);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(await readSheet('csv', csv)).toEqual([...table, ['']]);
  });

  it('keep Excel from running formula-like text, while negative floors stay plain', async () => {
    const csv = await writeSheet('csv', table);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('\r\n-1,B01,');
  });

  it('read tab-separated text too', async () => {
    expect(await readSheet('csv', '楼栋\t房号\r\n3\t1201')).toEqual([
      ['楼栋', '房号'],
      ['3', '1201'],
    ]);
  });

  it('refuse text that was not UTF-8, and unbalanced quotes', async () => {
    await expect(readSheet('csv', '\uFFFD\uFFFD,\uFFFD')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(readSheet('csv', '\uFFFD\uFFFD,\uFFFD')).rejects.toThrow('UTF-8');
    await expect(readSheet('csv', '楼栋,房号\n"3,1201')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(readSheet('csv', '楼栋,房号\n"3,1201')).rejects.toThrow('引号');
  });
});

describe('xlsx files', () => {
  it('round-trip as text cells, with a notes sheet when asked', async () => {
    const xlsx = await writeSheet('xlsx', table, [['列名', '说明']]);
    expect(await readSheet('xlsx', xlsx)).toEqual(table);
    const workbook = await workbookOf(xlsx);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['房屋信息', NOTES_SHEET_NAME]);
    expect(workbook.worksheets[0]!.getCell('B2').value).toBe('0802');
  });

  it('read numbers, dates, formulas and rich text as the text a person sees', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('自己做的表');
    sheet.addRow([
      '楼栋',
      89.53,
      new Date(Date.UTC(2021, 5, 30)),
      { formula: 'A1', result: 12 },
      { richText: [{ text: '陈' }, { text: '伟' }] },
      13812345678,
    ]);
    const base64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    expect(await readSheet('xlsx', base64)).toEqual([
      ['楼栋', '89.53', '2021-06-30', '12', '陈伟', '13812345678'],
    ]);
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText(null)).toBe('');
  });

  it('refuse a file that is not an xlsx workbook', async () => {
    await expect(readSheet('xlsx', Buffer.from('not a workbook').toString('base64'))).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});
