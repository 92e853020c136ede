import { Text, View } from '@tarojs/components';
import { meterLabels, type MeterKind, type ReadingImportReport, type ReadingImportRow } from '@linli/shared';
import { MessageBlock } from '../../components/message-block';
import { Button, Tag } from '../../components/nutui';
import { StatGrid, StatTile } from '../../components/stat-tile';
import { call } from '../../services/api';
import type { SheetFile } from '../../services/sheet-file';
import { SheetCard } from '../components/sheet-card';
import { SheetImportCard, useSheetImport } from '../components/sheet-card/sheet-import';

interface ImportProps {
  estateId: string;
  period: string;
  meter: MeterKind;
}

/** Rows listed in full; the rest are counted (an estate's file has hundreds of ordinary rows). */
const LISTED = 100;

const outcomeColors: Record<ReadingImportRow['outcome'], { background: string; color: string }> = {
  ok: { background: '#f0fdf4', color: '#16a34a' },
  unchanged: { background: '#f3f4f6', color: '#6b7280' },
  flagged: { background: '#fffbeb', color: '#d97706' },
  rejected: { background: '#fef2f2', color: '#dc2626' },
  unknown_room: { background: '#fef2f2', color: '#dc2626' },
  duplicate: { background: '#fef2f2', color: '#dc2626' },
  invalid: { background: '#fef2f2', color: '#dc2626' },
};

/** 批量导入: download the month's sheet, fill it, check it (nothing written), then import its valid rows. */
export function ReadingImport({ estateId, period, meter }: ImportProps) {
  return (
    <>
      <SheetCard
        title="下载抄表模板"
        verb="下载"
        description={`${period} ${meterLabels[meter]}表，每户一行，已填上次读数。填写“本次读数”后上传；留空的行不导入。`}
        fetch={(format) => call('billing', 'readings.template', { estateId, period, meter, format })}
      />
      <ImportCard estateId={estateId} period={period} />
    </>
  );
}

function ImportCard({ estateId, period }: { estateId: string; period: string }) {
  const sheet = useSheetImport((file: SheetFile, dryRun: boolean) =>
    call('billing', 'readings.import', {
      estateId,
      period,
      format: file.format,
      content: file.content,
      dryRun,
    }),
  );
  const { report } = sheet;
  const writable = report ? report.counts.ok + report.counts.flagged : 0;
  return (
    <SheetImportCard
      title="导入读数"
      description="选择填好的 .xlsx 或 .csv 文件，先逐行检查（不写入），确认后只导入有效的行。读数小于上次读数且未填换表信息的行不导入；用量异常的行会导入，但须复核后才出账。"
      sheet={sheet}
    >
      {report ? <ReportView report={report} /> : null}
      {report?.dryRun && writable > 0 ? (
        <Button type="primary" block disabled={sheet.busy} onClick={sheet.commit}>
          {sheet.committing ? '正在导入…' : `导入 ${writable} 条有效读数`}
        </Button>
      ) : null}
    </SheetImportCard>
  );
}

function ReportView({ report }: { report: ReadingImportReport }) {
  const { counts } = report;
  const problems = counts.rejected + counts.unknown_room + counts.duplicate + counts.invalid;
  const listed = report.items.filter((i) => i.outcome !== 'ok' && i.outcome !== 'unchanged');
  return (
    <View className="reading-import-report">
      <Text className="reading-import-report__title">
        {report.dryRun ? `检查结果（${report.period}，尚未导入）` : `导入结果（${report.period}）`}
      </Text>
      <StatGrid>
        <StatTile label="可导入" value={counts.ok} />
        <StatTile label="待复核" value={counts.flagged} />
        <StatTile label="有问题" value={problems} />
        <StatTile label="已录入" value={counts.unchanged} />
        <StatTile label="未填读数" value={report.blank} />
        <StatTile label="数据行" value={report.rows} />
      </StatGrid>
      {!report.dryRun ? (
        <MessageBlock tone="success" title={`已写入 ${report.written} 条读数`}>
          <Text>
            {!report.written
              ? '文件中的读数均已录入，重复导入不会重复录入。'
              : counts.flagged
                ? '待复核的读数须在“待复核”中确认后才会出账。'
                : '可在“本期读数”中查看，下月出账时计费。'}
          </Text>
        </MessageBlock>
      ) : problems ? (
        <MessageBlock tone="warning" title={`${problems} 行不会导入`}>
          <Text>其余有效的行可以先导入；修改后重新导入同一文件时，已导入的行会跳过。</Text>
        </MessageBlock>
      ) : null}
      {listed.slice(0, LISTED).map((item) => (
        <RowView key={item.row} item={item} />
      ))}
      {listed.length > LISTED ? (
        <Text className="sheet-card__text">另有 {listed.length - LISTED} 行未列出，请先处理上面的行。</Text>
      ) : null}
    </View>
  );
}

function RowView({ item }: { item: ReadingImportRow }) {
  return (
    <View className={`reading-import-row reading-import-row--${item.outcome}`}>
      <View className="reading-import-row__head">
        <Text className="reading-import-row__title">
          第 {item.row} 行{item.roomCode ? ` · ${item.roomCode}` : ''}
          {item.meterLabel ? ` · ${item.meterLabel}表` : ''}
          {item.reading ? ` · ${item.reading}` : ''}
        </Text>
        <Tag {...outcomeColors[item.outcome]}>{item.outcomeLabel}</Tag>
      </View>
      {item.message ? <Text className="reading-import-row__message">{item.message}</Text> : null}
    </View>
  );
}
