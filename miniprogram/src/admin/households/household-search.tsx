import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { SearchHit } from '@linli/shared';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { Button } from '../../components/nutui';
import { TextInput } from '../../components/text-input';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';

const matchedByLabels: Record<SearchHit['matchedBy'], string> = {
  room: '房号',
  name: '姓名',
  phone: '手机号',
  tail: '手机尾号',
  plate: '车牌',
};

export const openHousehold = (householdId: string) =>
  void Taro.navigateTo({ url: `/admin/household/index?householdId=${encodeURIComponent(householdId)}` });

/** Technicians find rooms, not people by phone number: the server drops phone readings for them. */
export function HouseholdSearch({ estateId, byPhone }: { estateId: string; byPhone: boolean }) {
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const search = () => setQuery(typed.trim() || null);
  return (
    <>
      <View className="household-search">
        <View className="household-search__input">
          <TextInput
            placeholder={byPhone ? '房号 / 姓名 / 手机号 / 车牌' : '房号 / 姓名 / 车牌'}
            value={typed}
            maxLength={30}
            confirmType="search"
            onChange={setTyped}
            onConfirm={search}
          />
        </View>
        <Button type="primary" size="small" onClick={search}>
          搜索
        </Button>
      </View>
      <Text className="household-search__hint">
        {byPhone
          ? '可输入房号（如 3-2-1201）、业主或住户姓名、手机号或后 4 位、车牌号'
          : '可输入房号（如 3-2-1201）、业主或住户姓名、车牌号'}
      </Text>
      {query ? <SearchResults estateId={estateId} query={query} /> : null}
    </>
  );
}

function SearchResults({ estateId, query }: { estateId: string; query: string }) {
  const results = useRemote(() => call('property', 'search', { estateId, query }), [estateId, query]);
  return (
    <RemoteView remote={results}>
      {({ hits }) =>
        hits.length === 0 ? (
          <EmptyState
            title="没有找到匹配的房屋"
            description={`没有与「${query}」匹配的房屋或住户`}
            glyph="?"
          />
        ) : (
          <View className="household-search__hits">
            <Text className="household-search__count">找到 {hits.length} 户</Text>
            {hits.map((hit) => (
              <HitRow key={hit.householdId} hit={hit} />
            ))}
          </View>
        )
      }
    </RemoteView>
  );
}

function HitRow({ hit }: { hit: SearchHit }) {
  return (
    <View className="search-hit" onClick={() => openHousehold(hit.householdId)}>
      <View className="search-hit__head">
        <Text className="search-hit__room">{hit.roomCode}</Text>
        <Text className="search-hit__matched">按{matchedByLabels[hit.matchedBy]}匹配</Text>
        <Text className="search-hit__arrow">›</Text>
      </View>
      <Text className="search-hit__line">业主：{hit.ownerNames.join('、') || '未登记'}</Text>
      {hit.phones.length ? <Text className="search-hit__line">电话：{hit.phones.join('、')}</Text> : null}
      {hit.plates.length ? <Text className="search-hit__line">车牌：{hit.plates.join('、')}</Text> : null}
    </View>
  );
}
