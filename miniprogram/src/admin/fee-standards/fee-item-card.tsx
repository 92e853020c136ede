import { Text, View } from '@tarojs/components';
import { formatDateTime, type FeeItemView, type FeeStandardView } from '@linli/shared';
import { useState } from 'react';
import { Button, Tag } from '../../components/nutui';

const tagColors = {
  current: { background: '#f0fdf4', color: '#16a34a' },
  upcoming: { background: '#eff6ff', color: '#2563eb' },
  past: { background: '#f3f4f6', color: '#6b7280' },
};

/** One fee item: what applies today, what is coming, and (on request) every earlier version. */
export function FeeItemCard({ item, onNewVersion }: { item: FeeItemView; onNewVersion: () => void }) {
  const [history, setHistory] = useState(false);
  const shown = new Set([item.current?.standardId, ...item.upcoming.map((v) => v.standardId)]);
  const past = item.versions.filter((v) => !shown.has(v.standardId));
  return (
    <View className="fee-item">
      <View className="fee-item__head">
        <Text className="fee-item__name">{item.name}</Text>
        <Text className="fee-item__kind">
          {item.kindLabel} · {item.itemCode}
        </Text>
      </View>
      {item.current ? (
        <Version version={item.current} tag="current" label="现行" />
      ) : (
        <Text className="fee-item__none">尚未生效</Text>
      )}
      {item.upcoming.map((version) => (
        <Version key={version.standardId} version={version} tag="upcoming" label="待生效" />
      ))}
      {history
        ? past.map((version) => (
            <Version key={version.standardId} version={version} tag="past" label="历史" />
          ))
        : null}
      <View className="fee-item__actions">
        {past.length ? (
          <Text className="fee-item__toggle" onClick={() => setHistory(!history)}>
            {history ? '收起历史版本' : `历史版本（${past.length}）`}
          </Text>
        ) : (
          <View />
        )}
        <Button size="small" type="primary" fill="outline" onClick={onNewVersion}>
          新增版本
        </Button>
      </View>
    </View>
  );
}

function Version({
  version,
  tag,
  label,
}: {
  version: FeeStandardView;
  tag: keyof typeof tagColors;
  label: string;
}) {
  return (
    <View className={`fee-version fee-version--${tag}`}>
      <View className="fee-version__head">
        <Tag {...tagColors[tag]}>{label}</Tag>
        <Text className="fee-version__from">{version.effectiveFrom} 起</Text>
      </View>
      <Text className="fee-version__text">{version.description}</Text>
      <Text className="fee-version__meta">
        {version.createdByName} · {formatDateTime(version.createdAt)}
      </Text>
    </View>
  );
}
