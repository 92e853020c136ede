import { Text, View } from '@tarojs/components';
import type { SearchHit } from '@linli/shared';
import { useState } from 'react';
import { Button } from '../../../components/nutui';
import { TextInput } from '../../../components/text-input';
import { useAction } from '../../../hooks/use-action';
import { call } from '../../../services/api';
import './index.css';

export interface PickedRoom {
  householdId: string;
  roomCode: string;
}

/** Find a household by room code (names and plates work too) and pick it; an exact room is picked at once. */
export function RoomFinder({ estateId, onPick }: { estateId: string; onPick: (room: PickedRoom) => void }) {
  const [typed, setTyped] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const search = useAction(async () => {
    const query = typed.trim();
    if (!query) return;
    const found = (await call('property', 'search', { estateId, query, limit: 10 })).hits;
    const exact = found.find((hit) => hit.roomCode === query);
    if (exact) {
      setHits(null);
      onPick(exact);
    } else setHits(found);
  });
  return (
    <View className="room-finder">
      <View className="room-finder__bar">
        <View className="room-finder__input">
          <TextInput
            placeholder="房号，如 1-1-1201"
            value={typed}
            maxLength={30}
            confirmType="search"
            onChange={setTyped}
            onConfirm={() => void search.run()}
          />
        </View>
        <Button type="primary" size="small" disabled={search.pending} onClick={() => void search.run()}>
          查找
        </Button>
      </View>
      {search.failure ? <Text className="room-finder__error">{search.failure.message}</Text> : null}
      {hits && hits.length === 0 ? (
        <Text className="room-finder__error">没有找到「{typed.trim()}」</Text>
      ) : null}
      {hits?.map((hit) => (
        <View
          key={hit.householdId}
          className="room-finder__hit"
          onClick={() => {
            setHits(null);
            onPick(hit);
          }}
        >
          <Text className="room-finder__room">{hit.roomCode}</Text>
          <Text className="room-finder__owner">{hit.ownerNames.join('、') || '未登记业主'}</Text>
        </View>
      ))}
    </View>
  );
}
