import { CellGroup } from '../../../components/nutui';
import { OptionPicker } from '../../../components/option-picker';
import { useRemote } from '../../../hooks/use-remote';
import { call } from '../../../services/api';

/** The estates a staff member serves. Names come from binding.estates; an id stands in if that fails. */
export function EstatePicker({
  estateIds,
  value,
  onChange,
}: {
  estateIds: readonly string[];
  value: string;
  onChange: (id: string) => void;
}) {
  const names = useEstateNames();
  return (
    <CellGroup>
      <OptionPicker
        title="当前小区"
        value={value}
        options={estateIds.map((id) => ({ value: id, label: names.get(id) ?? id }))}
        onChange={onChange}
      />
    </CellGroup>
  );
}

/** Estate id → name, empty until (or unless) the list loads. */
export function useEstateNames(): Map<string, string> {
  const estates = useRemote(() => call('binding', 'estates', {}), []);
  return new Map(estates.status === 'ready' ? estates.data.estates.map((e) => [e.estateId, e.name]) : []);
}
