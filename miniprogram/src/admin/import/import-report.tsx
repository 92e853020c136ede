import { Text, View } from '@tarojs/components';
import type { ImportReport } from '@linli/shared';
import { MessageBlock } from '../../components/message-block';
import { StatGrid, StatTile } from '../../components/stat-tile';

/** What a check (or an import) found: the counts, and every bad row with all of its reasons. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const bad = report.errors.length;
  return (
    <View className="import-report">
      <Text className="import-report__title">{report.dryRun ? '检查结果（尚未导入）' : '导入结果'}</Text>
      <StatGrid>
        <StatTile label="数据行" value={report.rows} />
        <StatTile label="新增" value={report.created} />
        <StatTile label="更新" value={report.updated} />
        <StatTile label="无变化" value={report.unchanged} />
        <StatTile label="出错行" value={bad} />
      </StatGrid>
      {bad ? (
        <>
          <MessageBlock tone="error" title={`${bad} 行有问题，未导入任何数据`}>
            <Text>请在文件中修改下列各行后重新选择文件。</Text>
          </MessageBlock>
          {report.errors.map((error) => (
            <View key={error.row} className="import-report__error">
              <Text className="import-report__row">
                第 {error.row} 行{error.roomCode ? ` · ${error.roomCode}` : ''}
              </Text>
              {error.reasons.map((reason, index) => (
                <Text key={index} className="import-report__reason">
                  · {reason}
                </Text>
              ))}
            </View>
          ))}
        </>
      ) : report.rows === 0 ? (
        <MessageBlock tone="warning" title="文件中没有数据行">
          <Text>请在表头下方填写房屋信息后再导入。</Text>
        </MessageBlock>
      ) : report.dryRun ? (
        <MessageBlock tone="success" title="检查通过">
          <Text>全部 {report.rows} 行均可导入，请确认后点击下方按钮。</Text>
        </MessageBlock>
      ) : null}
    </View>
  );
}
