import {
  annualSurveyQuestions,
  keyId,
  type SurveyCard,
  type SurveyFormView,
  type SurveyResultsView,
  type SurveyStaffView,
} from '@linli/shared';
import { AUDIT_COLLECTION } from '@linli/cloudfunctions/src/_lib/audit';
import { DEMO_ESTATE_ID } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { surveyCollections } from '@linli/cloudfunctions/src/survey/documents';
import { postRepairSurveyId, startPostRepairSurvey } from '@linli/cloudfunctions/src/survey/post-repair';
import { readSheet } from '@linli/cloudfunctions/src/property/import/read-sheet';
import { createTestRuntime, snapshotStore, type TestRuntime } from '../helpers/test-runtime';
import { acceptSubscription, accountOf, outboxMessages, runJob, testClock } from '../helpers/messaging';
import { bindAccount, buildingIdOf, householdIdOf } from '../helpers/notices';

const OWNER_B1 = 'demo-owner-1'; // 1-1-1201
const OWNER_B2 = 'demo-owner-2'; // 2-1-0802
const OWNER_MAPLE = 'demo-owner-3';
const DAY = 24 * 60 * 60 * 1000;
const HH_B2 = householdIdOf('2-1-0802');

/** grid: 5 dimensions; nps; up to 3 improvements; free text (the annual template). */
const answersOf = (score: number, nps: number, text?: string) => ({
  q1: { cleaning: score, security: score, repairs: score, greenery: score, customer_service: score },
  q2: nps,
  q3: ['o1'],
  ...(text ? { q4: text } : {}),
});

describe('surveys', () => {
  let t: TestRuntime;
  let clock: ReturnType<typeof testClock>;

  beforeEach(async () => {
    clock = testClock();
    t = await createTestRuntime({ now: clock.now });
  });
  afterEach(() => t.close());

  async function publish(
    overrides: Record<string, unknown> = {},
    staff = 'demo-admin',
  ): Promise<SurveyStaffView> {
    const draft = await t.ok<SurveyStaffView>(staff, 'survey', 'create', {
      estateId: DEMO_ESTATE_ID,
      title: '2026 年度满意度调查',
      intro: '感谢您抽空填写。',
      questions: annualSurveyQuestions(),
      target: { scope: 'buildings', buildingIds: [buildingIdOf(2)] },
      responseUnit: 'household',
      anonymous: false,
      opensAt: clock.now(),
      closesAt: clock.now() + 7 * DAY,
      ...overrides,
    });
    return t.ok<SurveyStaffView>(staff, 'survey', 'publish', { surveyId: draft.surveyId });
  }

  const submit = (openid: string, surveyId: string, answers: unknown, householdId = HH_B2) =>
    t.call(openid, 'survey', 'submit', { surveyId, householdId, answers });

  it('staff build and publish; the owner saves a draft, continues, submits; results count it', async () => {
    const survey = await publish();
    expect(survey).toMatchObject({
      status: 'published',
      phase: 'open',
      audienceHouseholds: 200,
      targetLabel: '2号楼',
    });
    expect(await t.errorCode('demo-finance', 'survey', 'create', {})).toBe('FORBIDDEN');

    const cards = await t.ok<{ items: SurveyCard[] }>(OWNER_B2, 'survey', 'mine', {});
    expect(cards.items).toEqual([
      expect.objectContaining({ surveyId: survey.surveyId, answered: false, hasDraft: false }),
    ]);

    await t.ok(OWNER_B2, 'survey', 'saveDraft', {
      surveyId: survey.surveyId,
      householdId: HH_B2,
      answers: { q2: 8 },
    });
    const opened = await t.ok<SurveyFormView>(OWNER_B2, 'survey', 'open', { surveyId: survey.surveyId });
    expect(opened).toMatchObject({ householdId: HH_B2, submitted: false, draft: { answers: { q2: 8 } } });
    expect((await t.ok<{ items: SurveyCard[] }>(OWNER_B2, 'survey', 'mine', {})).items[0]?.hasDraft).toBe(
      true,
    );

    // A submission missing a required question names it and writes nothing.
    const incomplete = await submit(OWNER_B2, survey.surveyId, { q2: 8 });
    expect(incomplete.ok ? null : incomplete.error).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'q1', message: '此题必答' }],
    });

    await t.ok(OWNER_B2, 'survey', 'submit', {
      surveyId: survey.surveyId,
      householdId: HH_B2,
      answers: answersOf(4, 9, '电梯'),
    });
    const after = await t.ok<SurveyFormView>(OWNER_B2, 'survey', 'open', { surveyId: survey.surveyId });
    expect(after).toMatchObject({ submitted: true, draft: null });

    const { results } = await t.ok<SurveyResultsView>('demo-service', 'survey', 'results', {
      surveyId: survey.surveyId,
    });
    expect(results.responses).toBe(1);
    expect(results.rate).toEqual({ read: 1, total: 200, percent: 0.5 });
    expect(results.nps).toEqual({ score: 100, promoters: 1, passives: 0, detractors: 0 });
    expect(results.dimensions.map((d) => [d.label, d.index])).toEqual([
      ['保洁', 75],
      ['安保', 75],
      ['维修', 75],
      ['绿化', 75],
      ['客服', 75],
    ]);
    expect(results.buildings).toEqual([
      expect.objectContaining({ buildingName: '2号楼', responses: 1, index: 75, withheld: false }),
    ]);
    expect(results.questions[3]).toMatchObject({ type: 'text', texts: ['电梯'] });
  });

  it('refuses a duplicate submission, from the same person, a family member, or two taps at once', async () => {
    const survey = await publish();
    await bindAccount(t, 'b2-spouse', '2-1-0802');
    expect((await submit(OWNER_B2, survey.surveyId, answersOf(5, 10))).ok).toBe(true);
    const again = await submit(OWNER_B2, survey.surveyId, answersOf(1, 0));
    expect(again.ok ? null : again.error).toMatchObject({
      code: 'DUPLICATE',
      message: '您已提交过该问卷，不能重复提交',
    });
    expect(
      await t.errorCode('b2-spouse', 'survey', 'submit', {
        surveyId: survey.surveyId,
        householdId: HH_B2,
        answers: answersOf(1, 0),
      }),
    ).toBe('DUPLICATE');
    expect(
      await t.errorCode(OWNER_B2, 'survey', 'saveDraft', {
        surveyId: survey.surveyId,
        householdId: HH_B2,
        answers: {},
      }),
    ).toBe('DUPLICATE');

    // Per account: each account once, even when both tap at the same moment.
    const perAccount = await publish({ responseUnit: 'account', title: '每人一份' });
    const [first, second] = await Promise.all([
      submit(OWNER_B2, perAccount.surveyId, answersOf(3, 5)),
      submit(OWNER_B2, perAccount.surveyId, answersOf(3, 5)),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect((await submit('b2-spouse', perAccount.surveyId, answersOf(2, 5))).ok).toBe(true);

    const { responses } = surveyCollections(t.store);
    expect(await responses.count({ where: { surveyId: survey.surveyId } })).toBe(1);
    expect(await responses.count({ where: { surveyId: perAccount.surveyId } })).toBe(2);
    expect(
      (await t.ok<SurveyStaffView>('demo-admin', 'survey', 'detail', { surveyId: perAccount.surveyId }))
        .audienceHouseholds,
    ).toBe(2);
  });

  it('a closed survey refuses answers and drafts, closed early or by its date; drafts are cleared', async () => {
    const early = await publish();
    await t.ok(OWNER_B2, 'survey', 'saveDraft', {
      surveyId: early.surveyId,
      householdId: HH_B2,
      answers: { q2: 3 },
    });
    const closed = await t.ok<SurveyStaffView>('demo-admin', 'survey', 'close', { surveyId: early.surveyId });
    expect(closed).toMatchObject({ status: 'closed', phase: 'closed', phaseLabel: '已结束' });
    const refused = await submit(OWNER_B2, early.surveyId, answersOf(4, 9));
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: '问卷已结束，不能再提交或修改答案',
    });
    expect(
      await t.errorCode(OWNER_B2, 'survey', 'saveDraft', {
        surveyId: early.surveyId,
        householdId: HH_B2,
        answers: {},
      }),
    ).toBe('PRECONDITION_FAILED');
    await runJob(t, 'surveys', clock.now);
    expect(await surveyCollections(t.store).drafts.count({ where: { surveyId: early.surveyId } })).toBe(0);

    const dated = await publish({ title: '到期关闭' });
    clock.advance(7 * DAY);
    expect(
      await t.errorCode(OWNER_B2, 'survey', 'submit', {
        surveyId: dated.surveyId,
        householdId: HH_B2,
        answers: answersOf(4, 9),
      }),
    ).toBe('PRECONDITION_FAILED');
    expect((await t.ok<{ items: SurveyCard[] }>(OWNER_B2, 'survey', 'mine', {})).items).toEqual([]);
    expect(
      await t.errorCode('demo-admin', 'survey', 'update', { surveyId: dated.surveyId, title: '改' }),
    ).toBe('PRECONDITION_FAILED');
  });

  it('an owner outside the target cannot open or answer it, nor answer for a home not theirs', async () => {
    const survey = await publish();
    for (const openid of [OWNER_B1, OWNER_MAPLE]) {
      expect(await t.errorCode(openid, 'survey', 'open', { surveyId: survey.surveyId })).toBe('FORBIDDEN');
      expect(
        await t.errorCode(openid, 'survey', 'submit', {
          surveyId: survey.surveyId,
          householdId: HH_B2,
          answers: answersOf(5, 9),
        }),
      ).toBe('FORBIDDEN');
      expect((await t.ok<{ items: SurveyCard[] }>(openid, 'survey', 'mine', {})).items).toEqual([]);
    }
    expect(
      await t.errorCode(OWNER_B1, 'survey', 'submit', {
        surveyId: survey.surveyId,
        householdId: householdIdOf('1-1-1201'),
        answers: answersOf(5, 9),
      }),
    ).toBe('FORBIDDEN');
    // A draft is invisible to owners; another estate's staff cannot see it either.
    const draft = await t.ok<SurveyStaffView>('demo-admin', 'survey', 'create', {
      estateId: DEMO_ESTATE_ID,
      title: '草稿',
      questions: annualSurveyQuestions(),
      target: { scope: 'estate' },
      responseUnit: 'household',
      anonymous: false,
      opensAt: clock.now(),
      closesAt: clock.now() + DAY,
    });
    expect(await t.errorCode(OWNER_B2, 'survey', 'open', { surveyId: draft.surveyId })).toBe('NOT_FOUND');
    expect(await t.errorCode('demo-admin-maple', 'survey', 'results', { surveyId: survey.surveyId })).toBe(
      'FORBIDDEN',
    );
    expect(responsesOf(await snapshotStore(t.store))).toEqual([]);
  });

  it('an anonymous survey never records or shows who answered, even to admins', async () => {
    // The admin also lives in building 2: staff writes are audited, anonymous answers must not be.
    await bindAccount(t, 'demo-admin', '2-2-1504');
    // 张客服 creates it, so 王经理's name appears nowhere but as a respondent.
    const survey = await publish({ anonymous: true, title: '匿名调查' }, 'demo-service');
    expect((await submit(OWNER_B2, survey.surveyId, answersOf(2, 3, '保安态度差'))).ok).toBe(true);
    expect(
      (await submit('demo-admin', survey.surveyId, answersOf(5, 10), householdIdOf('2-2-1504'))).ok,
    ).toBe(true);

    const snapshot = await snapshotStore(t.store);
    const who = [
      accountOf(OWNER_B2),
      accountOf('demo-admin'),
      HH_B2,
      householdIdOf('2-2-1504'),
      '2-1-0802',
      '2-2-1504',
      '林',
      '王经理',
    ];
    const surveyDocs = JSON.stringify(
      Object.entries(snapshot)
        .filter(([name]) => name.startsWith('survey_'))
        .map(([, docs]) => docs),
    );
    for (const trace of who) expect(surveyDocs).not.toContain(trace);
    const sheets = responsesOf(snapshot);
    expect(sheets).toHaveLength(2);
    for (const sheet of sheets)
      expect(sheet).toMatchObject({
        accountId: null,
        householdId: null,
        roomCode: null,
        respondentName: null,
        submittedAt: null,
      });
    expect(
      snapshot.survey_participants?.every(
        (p) =>
          Object.keys(p as object)
            .sort()
            .join() === '_id,surveyId',
      ),
    ).toBe(true);
    const audit = (snapshot[AUDIT_COLLECTION] ?? []) as Array<{ collection: string }>;
    expect(audit.filter((e) => e.collection.startsWith('survey_'))).toEqual([]);

    const results = await t.ok<SurveyResultsView>('demo-admin', 'survey', 'results', {
      surveyId: survey.surveyId,
    });
    expect(results.results.responses).toBe(2);
    // Two answers in one building are too few to show its score without revealing them.
    expect(results.results.buildings).toEqual([
      expect.objectContaining({ responses: 2, index: null, withheld: true }),
    ]);
    const shown = JSON.stringify(results);
    for (const trace of who) expect(shown).not.toContain(trace);

    const file = await t.ok<{ content: string }>('demo-admin', 'survey', 'export', {
      surveyId: survey.surveyId,
      format: 'csv',
    });
    const table = await readSheet('csv', file.content);
    expect(table[0]).not.toContain('房号');
    expect(table[0]).not.toContain('楼栋');
    expect(table.filter((row) => row.some(Boolean))).toHaveLength(3);
    for (const trace of who) expect(file.content).not.toContain(trace);
  });

  it('invites the target once it opens and reminds only those who have not answered', async () => {
    const spouse = await bindAccount(t, 'b2-spouse', '2-1-0802');
    const other = await bindAccount(t, 'b2-other', '2-2-0303');
    await bindAccount(t, 'b1-owner', '1-2-0303');
    for (const openid of [OWNER_B2, 'b2-spouse', 'b2-other'])
      await acceptSubscription(t, openid, ['notice_published']);
    const survey = await publish({ opensAt: clock.now() + DAY, closesAt: clock.now() + 8 * DAY });
    expect(survey.phase).toBe('upcoming');
    expect(
      await t.errorCode(OWNER_B2, 'survey', 'submit', {
        surveyId: survey.surveyId,
        householdId: HH_B2,
        answers: answersOf(4, 9),
      }),
    ).toBe('PRECONDITION_FAILED');
    await runJob(t, 'surveys', clock.now);
    expect(await outboxMessages(t, { eventKey: survey.surveyId })).toEqual([]);

    clock.advance(DAY);
    await runJob(t, 'surveys', clock.now);
    await runJob(t, 'surveys', clock.now);
    const invites = await outboxMessages(t, { eventKey: survey.surveyId });
    expect(invites.map((m) => m.toAccountId).sort()).toEqual([accountOf(OWNER_B2), other, spouse].sort());
    expect(invites[0]).toMatchObject({
      fields: { 公告标题: '邀您填写：2026 年度满意度调查', 公告类型: '问卷调查' },
      page: `pages/survey/index?id=${survey.surveyId}`,
    });

    await submit(OWNER_B2, survey.surveyId, answersOf(4, 9));
    const round = await t.ok<{ round: number; households: number; messages: number }>(
      'demo-admin',
      'survey',
      'remind',
      {
        surveyId: survey.surveyId,
        requestId: 'remind-0001',
      },
    );
    expect(round).toEqual({ round: 1, households: 1, messages: 1 });
    expect(
      (await outboxMessages(t, { eventKey: `${survey.surveyId}.r1` })).map((m) => m.toAccountId),
    ).toEqual([other]);
    // A retried tap is the same round and sends nothing new.
    expect(
      await t.ok('demo-admin', 'survey', 'remind', { surveyId: survey.surveyId, requestId: 'remind-0001' }),
    ).toEqual({
      round: 1,
      households: 1,
      messages: 0,
    });
  });

  it('compares with the previous survey and exports named sheets with rooms', async () => {
    const first = await publish({ title: '上次调查' });
    await submit(OWNER_B2, first.surveyId, answersOf(2, 4));
    clock.advance(DAY);
    const second = await publish({ title: '本次调查' });
    await submit(OWNER_B2, second.surveyId, answersOf(4, 10, '好多了'));
    const view = await t.ok<SurveyResultsView>('demo-admin', 'survey', 'results', {
      surveyId: second.surveyId,
    });
    expect(view.previous).toMatchObject({ surveyId: first.surveyId, title: '上次调查' });
    expect(view.comparison?.overallIndex).toEqual({ current: 75, previous: 25, delta: 50 });
    expect(view.comparison?.nps).toEqual({ current: 100, previous: -100, delta: 200 });

    const xlsx = await t.ok<{ filename: string; content: string }>('demo-admin', 'survey', 'export', {
      surveyId: second.surveyId,
      format: 'xlsx',
    });
    expect(xlsx.filename).toMatch(/^本次调查-答卷-\d{8}\.xlsx$/);
    const table = await readSheet('xlsx', xlsx.content);
    expect(table[0]?.slice(0, 5)).toEqual(['序号', '楼栋', '房号', '答题人', '提交时间']);
    expect(table[1]).toEqual(
      expect.arrayContaining(['2号楼', '2-1-0802', '4', '10', '公共区域卫生', '好多了']),
    );
  });

  it('starts one post-repair survey per accepted order, for the order’s household', async () => {
    await t.store.collection('workorders').insert({
      _id: 'wo_test_1',
      orderNo: 'BX202611290001',
      estateId: DEMO_ESTATE_ID,
      householdId: HH_B2,
      subject: '厨房水龙头漏水',
    });
    const ctx = { store: t.store, now: clock.now };
    expect(await startPostRepairSurvey(ctx, 'wo_test_1')).toBe(postRepairSurveyId('wo_test_1'));
    expect(await startPostRepairSurvey(ctx, 'wo_test_1')).toBe(postRepairSurveyId('wo_test_1'));
    expect(await startPostRepairSurvey(ctx, 'wo_missing')).toBeNull();
    const cards = await t.ok<{ items: SurveyCard[] }>(OWNER_B2, 'survey', 'mine', {});
    expect(cards.items).toEqual([
      expect.objectContaining({ title: '维修回访：厨房水龙头漏水', questionCount: 4 }),
    ]);
    expect(await t.errorCode(OWNER_B1, 'survey', 'open', { surveyId: postRepairSurveyId('wo_test_1') })).toBe(
      'FORBIDDEN',
    );
    expect(
      (await submit(OWNER_B2, postRepairSurveyId('wo_test_1'), { overall: 5, speed: 4, fixed: 'yes' })).ok,
    ).toBe(true);
    expect(keyId('svy', 'wo', 'wo_test_1')).toBe(postRepairSurveyId('wo_test_1'));
  });
});

function responsesOf(snapshot: Record<string, unknown[]>): Array<Record<string, unknown>> {
  return (snapshot.survey_responses ?? []) as Array<Record<string, unknown>>;
}
