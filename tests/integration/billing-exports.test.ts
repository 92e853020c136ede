import { keyId, type AgingReportView, type CallListItem, type SheetExport } from '@linli/shared';
import { AUDIT_COLLECTION } from '@linli/cloudfunctions/src/_lib/audit';
import { collections } from '@linli/cloudfunctions/src/_lib/collections';
import { runDunning } from '@linli/cloudfunctions/src/billing/dunning/run-dunning';
import { readSheet } from '@linli/cloudfunctions/src/property/import/read-sheet';
import { billingRuntime, commitAll, ESTATE, JULY_10 } from '../helpers/billing';
import type { TestRuntime } from '../helpers/test-runtime';

const range = { estateId: ESTATE, periodFrom: '2026-05', periodTo: '2026-07' };
const rowsOf = async (file: SheetExport) =>
  (await readSheet(file.format, file.content)).filter((cells) => cells.some((c) => c !== ''));

describe('exports for finance in Excel and CSV', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await billingRuntime();
    await commitAll(t);
    await runDunning({ db: collections(t.store), store: t.store, now: () => JULY_10 }, '2026-07-12');
  });
  afterAll(() => t.close());

  it('writes the same bill rows to a workbook as to CSV, with amounts as numbers', async () => {
    const csv = await t.ok<SheetExport>('demo-finance', 'billing', 'stats.export', range);
    const xlsx = await t.ok<SheetExport>('demo-finance', 'billing', 'stats.export', {
      ...range,
      format: 'xlsx',
    });
    expect([csv.filename, xlsx.filename]).toEqual([
      '邻里花园-账单明细-2026-05至2026-07.csv',
      '邻里花园-账单明细-2026-05至2026-07.xlsx',
    ]);
    expect(xlsx.rows).toBe(csv.rows);
    const [csvRows, xlsxRows] = [await rowsOf(csv), await rowsOf(xlsx)];
    expect(xlsxRows).toHaveLength(csv.rows + 1);
    const home = (rows: string[][]) =>
      rows.find((r) => r[0] === '1-1-1201' && r[1] === '2026-07' && r[2] === '物业费');
    expect(home(csvRows)!.slice(3, 6)).toEqual(['待缴', '2026-07-15', '210.40']);
    // A number in the workbook: Excel sums the column (read back as its shortest form).
    expect(home(xlsxRows)!.slice(3, 6)).toEqual(['待缴', '2026-07-15', '210.4']);
  });

  it('groups the collection export as the screen does', async () => {
    const byItem = await t.ok<SheetExport>('demo-finance', 'billing', 'stats.export', {
      ...range,
      kind: 'collection',
      groupBy: 'item',
      format: 'xlsx',
    });
    const rows = await rowsOf(byItem);
    expect(rows[0]![0]).toBe('收费项目');
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['物业费', '水费', '合计']));
  });

  it('exports the arrears by household with the aging buckets, for a building as on screen', async () => {
    const building = keyId('bld', ESTATE, 1);
    const screen = await t.ok<AgingReportView>('demo-finance', 'billing', 'stats.aging', {
      estateId: ESTATE,
      buildingId: building,
      limit: 200,
    });
    const file = await t.ok<SheetExport>('demo-finance', 'billing', 'stats.exportAging', {
      estateId: ESTATE,
      buildingId: building,
      format: 'xlsx',
    });
    const rows = await rowsOf(file);
    expect(rows[0]).toEqual(['房号', '账龄', '欠费账单数', '欠费(元)', '最早到期日', '最长逾期天数']);
    const households = rows.slice(1).filter((r) => !r[0]!.startsWith('合计'));
    expect(households.map((r) => r[0])).toEqual(screen.households.map((h) => h.roomCode));
    expect(households.every((r) => r[0]!.startsWith('1-'))).toBe(true);
    expect(rows.filter((r) => r[0]!.startsWith('合计'))).toHaveLength(4);
  });

  it('exports the call list with phones masked, for the service desk too', async () => {
    const file = await t.ok<SheetExport>('demo-service', 'billing', 'dunning.exportCalls', {
      estateId: ESTATE,
      format: 'csv',
    });
    const rows = await rowsOf(file);
    expect(file.rows).toBeGreaterThan(50);
    expect(rows).toHaveLength(file.rows + 1);
    expect(rows[1]![1]).toBe('到期前 3 天');
    expect(rows[1]![7]).toMatch(/^1\d{2}\*{4}\d{4}/);
    expect(file.content).not.toMatch(/1\d{10}/);
  });

  it('reveals an owner’s full phone on the call list to dial, recorded in the audit log', async () => {
    const list = await t.ok<{ items: CallListItem[] }>('demo-service', 'billing', 'dunning.callList', {
      estateId: ESTATE,
    });
    const item = list.items.find((i) => i.owners.some((o) => o.phone))!;
    const owner = item.owners.find((o) => o.phone)!;
    const shown = await t.ok<{ phone: string }>('demo-service', 'billing', 'dunning.revealPhone', {
      callId: item.callId,
      personId: owner.personId,
    });
    expect(shown.phone).toMatch(/^1\d{10}$/);
    expect(shown.phone.slice(-4)).toBe(owner.phone!.slice(-4));
    const audit = await t.store
      .collection(AUDIT_COLLECTION)
      .find({ where: { action: 'billing.dunning.revealPhone', docId: owner.personId } });
    expect(audit.items).toEqual([
      expect.objectContaining({
        op: 'reveal',
        actorName: '张客服',
        after: expect.objectContaining({ fields: ['phone'] }) as unknown,
      }),
    ]);

    const other = list.items.find((i) => i.householdId !== item.householdId && i.owners.length)!;
    expect(
      await t.errorCode('demo-service', 'billing', 'dunning.revealPhone', {
        callId: item.callId,
        personId: other.owners[0]!.personId,
      }),
    ).toBe('NOT_FOUND');
    const input = { callId: item.callId, personId: owner.personId };
    expect(await t.errorCode('demo-admin-maple', 'billing', 'dunning.revealPhone', input)).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-tech-lift', 'billing', 'dunning.revealPhone', input)).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-owner-1', 'billing', 'dunning.revealPhone', input)).toBe('FORBIDDEN');
  });

  it('refuses callers outside the estate or the role', async () => {
    expect(await t.errorCode('demo-service', 'billing', 'stats.exportAging', { estateId: ESTATE })).toBe(
      'FORBIDDEN',
    );
    expect(
      await t.errorCode('demo-admin-maple', 'billing', 'dunning.exportCalls', { estateId: ESTATE }),
    ).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-tech-lift', 'billing', 'dunning.exportCalls', {})).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-finance', 'billing', 'stats.export', { ...range, format: 'pdf' })).toBe(
      'VALIDATION',
    );
  });
});
