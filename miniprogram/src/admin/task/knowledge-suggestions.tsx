import { Text, View } from '@tarojs/components';
import { formatDateTime, type KnowledgeHitView, type WorkOrderDetail } from '@linli/shared';
import { useState } from 'react';
import { Button } from '../../components/nutui';
import { TextInput } from '../../components/text-input';
import { useAction } from '../../hooks/use-action';
import { call } from '../../services/api';

interface KnowledgeSuggestionsProps {
  order: WorkOrderDetail;
  /** Start the completion report from a past fix; null when the order cannot be completed now. */
  onUse: ((hit: KnowledgeHitView) => void) | null;
}

/** Similar past fixes (维修知识库): suggested with the order, and searchable by other words. */
export function KnowledgeSuggestions({ order, onUse }: KnowledgeSuggestionsProps) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<KnowledgeHitView[] | null>(null);
  const search = useAction((text: string) =>
    call('workorder', 'knowledgeSearch', { query: text, category: order.category, limit: 5 }),
  );
  const hits = found ?? order.suggestions;

  const onSearch = async () => {
    const text = query.trim();
    if (text.length < 2) {
      search.setFailure({ code: 'VALIDATION', message: '请输入至少 2 个字', fields: {} });
      return;
    }
    const result = await search.run(text);
    if (result) setFound(result.items);
  };

  return (
    <View className="task__knowledge">
      <Text className="reason-form__title">相似维修记录</Text>
      <View className="task__search">
        <View className="task__search-input">
          <TextInput
            placeholder="搜索故障现象，例如 水管漏水"
            value={query}
            maxLength={100}
            onChange={setQuery}
          />
        </View>
        <Button size="small" fill="outline" disabled={search.pending} onClick={() => void onSearch()}>
          搜索
        </Button>
      </View>
      {search.failure ? <Text className="reason-form__error">{search.failure.message}</Text> : null}
      {hits.length === 0 ? (
        <Text className="task__knowledge-empty">
          {found ? '没有找到相似的维修记录' : '暂无相似的维修记录，完工后本单会加入知识库'}
        </Text>
      ) : (
        hits.map((hit) => <Hit key={hit.entryId} hit={hit} onUse={onUse} />)
      )}
    </View>
  );
}

function Hit({ hit, onUse }: { hit: KnowledgeHitView; onUse: KnowledgeSuggestionsProps['onUse'] }) {
  return (
    <View className="task__hit">
      <View className="task__hit-head">
        <Text className="task__hit-fault">{hit.fault}</Text>
        <Text className="task__hit-score">相似 {Math.round(hit.score * 100)}%</Text>
      </View>
      <Text className="task__hit-line">原因：{hit.cause}</Text>
      <Text className="task__hit-line">处理：{hit.fix}</Text>
      {hit.parts.length ? <Text className="task__hit-line">配件：{hit.parts.join('、')}</Text> : null}
      <Text className="task__hit-meta">
        {hit.why.join(' · ')} · {hit.technicianName} {formatDateTime(hit.completedAt)} · {hit.orderNo}
      </Text>
      {onUse ? (
        <View className="task__hit-use">
          <Button size="small" fill="outline" onClick={() => onUse(hit)}>
            参考此记录填写完工单
          </Button>
        </View>
      ) : null}
    </View>
  );
}
