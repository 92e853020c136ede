import { Text, View } from '@tarojs/components';
import type { NoticeTarget, TreeView } from '@linli/shared';
import { useState } from 'react';
import { ChoiceChips, MultiChoiceChips } from '../../components/choice-chips';
import { RemoteView } from '../../components/remote-view';
import { TextInput } from '../../components/text-input';
import { useRemote } from '../../hooks/use-remote';
import { call, messageOf } from '../../services/api';

type Scope = NoticeTarget['scope'];
const scopes = [
  { value: 'estate', label: '全体住户' },
  { value: 'buildings', label: '按楼栋' },
  { value: 'units', label: '按单元' },
  { value: 'households', label: '指定房屋' },
] as const;

/** Rooms picked by search, remembered by id so chips can name them. */
export type RoomNames = Record<string, string>;

interface TargetEditorProps {
  estateId: string;
  target: NoticeTarget | null;
  onChange: (target: NoticeTarget | null) => void;
  roomNames: RoomNames;
  onRoomNames: (names: RoomNames) => void;
}

/** Whole estate, some buildings, some units, or a list of households; an empty pick is no target. */
export function TargetEditor({ estateId, target, onChange, roomNames, onRoomNames }: TargetEditorProps) {
  const tree = useRemote(() => call('property', 'tree', { estateId }), [estateId]);
  const scope: Scope = target?.scope ?? 'estate';
  const choose = (next: Scope) => {
    if (next === scope) return;
    onChange(next === 'estate' ? { scope: 'estate' } : null);
    setPending(next);
  };
  // A scope chosen before anything is picked in it.
  const [pending, setPending] = useState<Scope | null>(target ? null : 'estate');
  const shown: Scope = target ? target.scope : (pending ?? 'estate');
  return (
    <View>
      <ChoiceChips options={scopes} value={shown} onChange={choose} />
      <RemoteView remote={tree}>
        {(view) => (
          <Picks
            scope={shown}
            tree={view}
            target={target}
            onChange={onChange}
            estateId={estateId}
            roomNames={roomNames}
            onRoomNames={onRoomNames}
          />
        )}
      </RemoteView>
    </View>
  );
}

function Picks({
  scope,
  tree,
  target,
  onChange,
  estateId,
  roomNames,
  onRoomNames,
}: {
  scope: Scope;
  tree: TreeView;
  target: NoticeTarget | null;
  onChange: (target: NoticeTarget | null) => void;
  estateId: string;
  roomNames: RoomNames;
  onRoomNames: (names: RoomNames) => void;
}) {
  switch (scope) {
    case 'estate':
      return null;
    case 'buildings': {
      const ids = target?.scope === 'buildings' ? target.buildingIds : [];
      return (
        <MultiChoiceChips
          options={tree.buildings.map((b) => ({ value: b.buildingId, label: b.name }))}
          values={ids}
          onChange={(next) => onChange(next.length ? { scope: 'buildings', buildingIds: next } : null)}
        />
      );
    }
    case 'units': {
      const ids = target?.scope === 'units' ? target.unitIds : [];
      return (
        <View>
          {tree.buildings.map((building) => (
            <View key={building.buildingId} className="target-group">
              <Text className="target-group__name">{building.name}</Text>
              <MultiChoiceChips
                options={building.units.map((u) => ({ value: u.unitId, label: u.name }))}
                values={ids.filter((id) => building.units.some((u) => u.unitId === id))}
                onChange={(picked) => {
                  const others = ids.filter((id) => !building.units.some((u) => u.unitId === id));
                  const next = [...others, ...picked];
                  onChange(next.length ? { scope: 'units', unitIds: next } : null);
                }}
              />
            </View>
          ))}
        </View>
      );
    }
    case 'households':
      return (
        <HouseholdPicks
          estateId={estateId}
          ids={target?.scope === 'households' ? target.householdIds : []}
          onChange={(next) => onChange(next.length ? { scope: 'households', householdIds: next } : null)}
          roomNames={roomNames}
          onRoomNames={onRoomNames}
        />
      );
  }
}

function HouseholdPicks({
  estateId,
  ids,
  onChange,
  roomNames,
  onRoomNames,
}: {
  estateId: string;
  ids: string[];
  onChange: (ids: string[]) => void;
  roomNames: RoomNames;
  onRoomNames: (names: RoomNames) => void;
}) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Array<{ householdId: string; roomCode: string }>>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const search = async (text: string) => {
    setQuery(text);
    if (text.trim().length < 2) return setHits([]);
    try {
      const found = await call('property', 'search', { estateId, query: text.trim(), limit: 8 });
      setHits(found.hits);
      setProblem(null);
    } catch (error) {
      setProblem(messageOf(error));
    }
  };
  const add = (hit: { householdId: string; roomCode: string }) => {
    onRoomNames({ ...roomNames, [hit.householdId]: hit.roomCode });
    if (!ids.includes(hit.householdId)) onChange([...ids, hit.householdId]);
  };
  return (
    <View className="target-households">
      <View className="target-households__chosen">
        {ids.map((id) => (
          <Text key={id} className="target-chip" onClick={() => onChange(ids.filter((x) => x !== id))}>
            {roomNames[id] ?? '已选房屋'} ×
          </Text>
        ))}
        {ids.length === 0 ? <Text className="target-households__hint">搜索房号后点选，可选多户</Text> : null}
      </View>
      <TextInput value={query} placeholder="输入房号，如 2-1-0802" onChange={(text) => void search(text)} />
      {problem ? <Text className="target-households__problem">{problem}</Text> : null}
      <View className="target-households__hits">
        {hits.map((hit) => (
          <Text
            key={hit.householdId}
            className={ids.includes(hit.householdId) ? 'target-hit target-hit--on' : 'target-hit'}
            onClick={() => add(hit)}
          >
            {hit.roomCode}
          </Text>
        ))}
      </View>
    </View>
  );
}
