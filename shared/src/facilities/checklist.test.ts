import {
  Checklist,
  ChecklistItem,
  describeLimits,
  evaluateChecklist,
  ItemResult,
  type ChecklistItem as Item,
} from './checklist';
import { repairDescription } from './inspection';

const pressure: Item = {
  kind: 'value',
  key: 'pressure',
  label: '出口压力',
  unit: 'MPa',
  min: 0.25,
  max: 0.6,
};
const temp: Item = { kind: 'value', key: 'temp', label: '轴承温度', unit: '℃', min: null, max: 75 };
const brake: Item = { kind: 'check', key: 'brake', label: '制动器动作可靠' };
const items = [pressure, temp, brake];
const result = (r: Partial<ItemResult> & { key: string }) => ItemResult.parse(r);

describe('inspection checklist', () => {
  it('passes when every item is answered within limits, limits inclusive', () => {
    const evaluation = evaluateChecklist(items, [
      result({ key: 'pressure', value: 0.25 }),
      result({ key: 'temp', value: 75 }),
      result({ key: 'brake', passed: true }),
    ]);
    expect(evaluation.passed).toBe(true);
    expect(evaluation.failed).toEqual([]);
  });

  it('fails readings outside the limits and says why', () => {
    const evaluation = evaluateChecklist(items, [
      result({ key: 'pressure', value: 0.18 }),
      result({ key: 'temp', value: 80.5 }),
      result({ key: 'brake', passed: false, note: '制动间隙过大' }),
    ]);
    expect(evaluation.passed).toBe(false);
    expect(evaluation.failed.map((f) => f.reason)).toEqual([
      '读数 0.18 MPa 低于下限 0.25 MPa',
      '读数 80.5 ℃ 高于上限 75 ℃',
      '制动间隙过大',
    ]);
  });

  it('reports unanswered items as missing, not passed', () => {
    const evaluation = evaluateChecklist(items, [
      result({ key: 'brake', passed: true }),
      result({ key: 'other', passed: false }),
    ]);
    expect(evaluation.passed).toBe(false);
    expect(evaluation.missing.map((m) => m.key)).toEqual(['pressure', 'temp']);
    expect(evaluation.failed).toEqual([]);
  });

  it('refuses value items without limits, inverted limits and duplicate keys', () => {
    expect(ChecklistItem.safeParse({ ...pressure, min: null, max: null }).success).toBe(false);
    expect(ChecklistItem.safeParse({ ...pressure, min: 1, max: 0.5 }).success).toBe(false);
    expect(Checklist.safeParse([brake, brake]).success).toBe(false);
    expect(Checklist.safeParse([]).success).toBe(false);
  });

  it('describes limits and builds one repair description for all failed items', () => {
    expect(describeLimits(pressure)).toBe('0.25–0.6 MPa');
    expect(describeLimits(temp)).toBe('≤ 75 ℃');
    expect(
      repairDescription({ deviceName: '1号消防泵', deviceCode: 'FP-01', planName: '季度消防测试' }, [
        { label: '出口压力', reason: '读数 0.18 MPa 低于下限 0.25 MPa' },
        { label: '阀门', reason: null },
      ]),
    ).toBe(
      '1号消防泵（FP-01）「季度消防测试」发现不合格项：出口压力：读数 0.18 MPa 低于下限 0.25 MPa；阀门：不合格',
    );
  });
});
