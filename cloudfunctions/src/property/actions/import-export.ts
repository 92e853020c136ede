import { AppError, newId, toLocalDate, type Estate, type propertyApi } from '@linli/shared';
import { notesTable, parseSheet, sheetTable, templateTable } from '@linli/shared';
import { AUDIT_COLLECTION, type AuditEntry } from '../../_lib/audit';
import { identityOf, type ActionContext, type Handler } from '../../_lib/define-function';
import { applyImport } from '../import/apply-import';
import { loadEstateDocs } from '../import/estate-docs';
import { exportRecords } from '../import/export-records';
import { planImport } from '../import/plan-import';
import { readSheet } from '../import/read-sheet';
import { writeSheet } from '../import/write-sheet';
import { servedEstateId } from './browse';

async function servedEstate(ctx: ActionContext, estateId: string): Promise<Estate> {
  const estate = await ctx.db.estates.get(servedEstateId(ctx, estateId));
  if (!estate) throw new AppError('NOT_FOUND', '小区不存在');
  return estate;
}

/**
 * Import buildings, rooms, owners and parking from a sheet. All or nothing: every row is
 * checked against the template and the stored data first, and if any row is bad nothing is
 * written and each bad row is named. Counts are per row: created, updated or unchanged.
 */
export const importSheet: Handler<typeof propertyApi.importSheet> = async (input, ctx) => {
  const estate = await servedEstate(ctx, input.estateId);
  const sheet = parseSheet(await readSheet(input.format, input.content));
  const plan = planImport(estate._id, sheet.rows, await loadEstateDocs(ctx.db, estate._id));
  const errors = [...sheet.errors, ...plan.conflicts].sort((a, b) => a.row - b.row);
  const rows = sheet.dataRows;
  if (errors.length) return { dryRun: input.dryRun, rows, created: 0, updated: 0, unchanged: 0, errors };
  if (!input.dryRun) await applyImport(ctx.db, plan);
  ctx.log.log('info', 'property.imported', {
    estateId: estate._id,
    rows,
    created: plan.created,
    updated: plan.updated,
    dryRun: input.dryRun,
  });
  return {
    dryRun: input.dryRun,
    rows,
    created: plan.created,
    updated: plan.updated,
    unchanged: plan.unchanged,
    errors: [],
  };
};

/**
 * Export an estate in the import template's shape. The file holds full phone and ID numbers,
 * so the export is recorded in the audit log as a reveal (a read the store would not audit).
 */
export const exportSheet: Handler<typeof propertyApi.exportSheet> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const estate = await servedEstate(ctx, input.estateId);
  const records = exportRecords(await loadEstateDocs(ctx.db, estate._id));
  const content = await writeSheet(input.format, sheetTable(records));
  const entry: AuditEntry = {
    _id: newId('aud'),
    at: ctx.now(),
    actorId: identity.accountId,
    actorName: identity.displayName,
    roles: identity.roles,
    action: 'property.exportSheet',
    requestId: ctx.requestId,
    collection: 'persons',
    docId: null,
    op: 'reveal',
    before: null,
    after: { fields: ['phone', 'idNumber'], estateId: estate._id, format: input.format },
    count: records.length,
  };
  await ctx.store.collection<AuditEntry>(AUDIT_COLLECTION).insert(entry);
  const filename = `${estate.name}-房屋信息-${toLocalDate(ctx.now()).replace(/-/g, '')}.${input.format}`;
  return { filename, format: input.format, content };
};

/** The empty template: header, a notes row and an example row; the workbook adds a notes sheet. */
export const importTemplate: Handler<typeof propertyApi.importTemplate> = async (input) => ({
  filename: `房屋信息导入模板.${input.format}`,
  format: input.format,
  content: await writeSheet(input.format, templateTable(), notesTable()),
});
