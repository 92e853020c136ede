import { postRepairQuestions, type Question } from '@linli/shared';
import type { SurveyResponse } from './documents';
import { exportTable } from './export-table';

const questions: Question[] = [
  ...postRepairQuestions(),
  { id: 'grid', type: 'matrix', title: '打分', required: false, rows: ['security', 'greenery'] },
  {
    id: 'many',
    type: 'multiple',
    title: '改进',
    required: false,
    maxChoices: null,
    options: [
      { id: 'a', label: '卫生' },
      { id: 'b', label: '停车' },
    ],
  },
];

const sheet = (overrides: Partial<SurveyResponse>): SurveyResponse => ({
  _id: 'svr_1',
  surveyId: 'svy_1',
  estateId: 'est_1',
  buildingId: 'bld_2',
  answers: {
    overall: 5,
    speed: 3,
    fixed: 'partly',
    comment: '谢谢',
    grid: { security: 4 },
    many: ['a', 'b'],
  },
  submittedOn: '2026-11-29',
  householdId: null,
  accountId: null,
  roomCode: null,
  respondentName: null,
  submittedAt: null,
  ...overrides,
});

describe('survey export table', () => {
  it('writes option labels, one column per matrix row, and blanks for unanswered cells', () => {
    const [header, row] = exportTable({ anonymous: true, questions }, [sheet({})], () => '2号楼');
    expect(header).toEqual([
      '序号',
      '提交日期',
      '1. 您对本次维修服务是否满意？',
      '2. 上门及时吗？',
      '3. 问题解决了吗？',
      '4. 还有什么想对维修师傅说的？',
      '5. 打分 - 安保',
      '5. 打分 - 绿化',
      '6. 改进',
    ]);
    expect(row).toEqual(['1', '2026-11-29', '5', '3', '部分解决', '谢谢', '4', '', '卫生、停车']);
  });

  it('names building, room, person and time only for a named survey', () => {
    const named = sheet({
      householdId: 'hh_1',
      accountId: 'acct_1',
      roomCode: '2-1-0802',
      respondentName: '林女士',
      submittedAt: Date.parse('2026-11-29T02:05:00Z'),
    });
    const [header, row] = exportTable({ anonymous: false, questions }, [named], () => '2号楼');
    expect(header?.slice(0, 5)).toEqual(['序号', '楼栋', '房号', '答题人', '提交时间']);
    expect(row?.slice(0, 5)).toEqual(['1', '2号楼', '2-1-0802', '林女士', expect.stringContaining('10:05')]);
    const [anonymousHeader] = exportTable({ anonymous: true, questions }, [named], () => '2号楼');
    expect(anonymousHeader).not.toContain('房号');
  });
});
