import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  annualSurveyQuestions,
  questionTypeLabels,
  Questions,
  QuestionType,
  responseUnitLabels,
  type AnswerValue,
  type Question,
  type ResponseUnit,
  type SurveyStaffView,
  type SurveyTarget,
} from '@linli/shared';
import { useState } from 'react';
import { ChoiceChips, MultiChoiceChips } from '../../components/choice-chips';
import { FormCard, FormField } from '../../components/form-field';
import { MessageBlock } from '../../components/message-block';
import { Button } from '../../components/nutui';
import { SegmentTabs } from '../../components/segment-tabs';
import { QuestionInput } from '../../components/survey-question';
import { TextInput } from '../../components/text-input';
import { useAction } from '../../hooks/use-action';
import { call } from '../../services/api';
import { TextArea } from '../components/nutui';
import { newQuestion } from './new-question';
import { QuestionEditor } from './question-editor';

const DAY = 24 * 60 * 60 * 1000;
const durations = [3, 7, 14, 30].map((days) => ({ value: days, label: `${days} 天` }));
const units = (['household', 'account'] as const).map((value) => ({
  value,
  label: responseUnitLabels[value],
}));
const privacy = [
  { value: 'named', label: '实名' },
  { value: 'anonymous', label: '匿名' },
] as const;
const types = QuestionType.options.map((value) => ({ value, label: questionTypeLabels[value] }));

interface Draft {
  title: string;
  intro: string;
  questions: Question[];
  scope: 'estate' | 'buildings';
  buildingIds: string[];
  days: number;
  responseUnit: ResponseUnit;
  anonymous: boolean;
}

function draftOf(survey: SurveyStaffView | undefined): Draft {
  if (!survey)
    return {
      title: '',
      intro: '',
      questions: annualSurveyQuestions(),
      scope: 'estate',
      buildingIds: [],
      days: 7,
      responseUnit: 'household',
      anonymous: true,
    };
  const days = Math.round((survey.closesAt - survey.opensAt) / DAY);
  return {
    title: survey.title,
    intro: survey.intro,
    questions: survey.questions,
    scope: survey.target.scope === 'buildings' ? 'buildings' : 'estate',
    buildingIds: survey.target.scope === 'buildings' ? survey.target.buildingIds : [],
    days: durations.some((d) => d.value === days) ? days : 7,
    responseUnit: survey.responseUnit,
    anonymous: survey.anonymous,
  };
}

/** What the server takes: opening now, closing after the chosen number of days. */
function contentOf(draft: Draft) {
  const target: SurveyTarget =
    draft.scope === 'buildings'
      ? { scope: 'buildings', buildingIds: draft.buildingIds }
      : { scope: 'estate' };
  const opensAt = Date.now();
  return {
    title: draft.title.trim(),
    intro: draft.intro.trim(),
    questions: draft.questions,
    target,
    responseUnit: draft.responseUnit,
    anonymous: draft.anonymous,
    opensAt,
    closesAt: opensAt + draft.days * DAY,
  };
}

/** Local checks, by field: title, buildings, and each question by its index. */
function problemsOf(draft: Draft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!draft.title.trim()) problems.title = '请填写问卷标题';
  if (draft.scope === 'buildings' && draft.buildingIds.length === 0) problems.target = '请选择楼栋';
  const parsed = Questions.safeParse(draft.questions);
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      problems[`questions.${String(issue.path[0] ?? '')}`] ??= issue.message;
  return problems;
}

interface SurveyFormProps {
  estateId: string;
  buildings: Array<{ buildingId: string; name: string }>;
  survey?: SurveyStaffView;
}

export function SurveyForm({ estateId, buildings, survey }: SurveyFormProps) {
  const [draft, setDraft] = useState(() => draftOf(survey));
  const [surveyId, setSurveyId] = useState(survey?.surveyId ?? null);
  const [mode, setMode] = useState<'edit' | 'preview'>('edit');
  const [previewAnswers, setPreviewAnswers] = useState<Record<string, AnswerValue>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const edit = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const setQuestions = (questions: Question[]) => edit({ questions });

  const save = useAction(async (publish: boolean) => {
    const content = contentOf(draft);
    const saved = surveyId
      ? await call('survey', 'update', { surveyId, ...content })
      : await call('survey', 'create', { estateId, ...content });
    setSurveyId(saved.surveyId);
    return publish ? call('survey', 'publish', { surveyId: saved.surveyId }) : saved;
  });
  const errors = { ...problems, ...(save.failure?.fields ?? {}) };
  const questionError = (index: number) =>
    Object.entries(errors).find(
      ([path]) => path === `questions.${index}` || path.startsWith(`questions.${index}.`),
    )?.[1];

  const onSave = async (publish: boolean) => {
    const found = problemsOf(draft);
    setProblems(found);
    if (Object.keys(found).length) {
      void Taro.showToast({ title: '请按标红的提示修改', icon: 'none' });
      return;
    }
    if (publish) {
      const { confirm } = await Taro.showModal({
        title: '发布问卷',
        content: '发布后题目不能再修改，并将邀请范围内的住户填写。确定发布吗？',
      });
      if (!confirm) return;
    }
    const result = await save.run(publish);
    if (!result) return;
    if (publish) void Taro.redirectTo({ url: `/admin/survey-results/index?id=${result.surveyId}` });
    else void Taro.showToast({ title: '草稿已保存', icon: 'success' });
  };

  const move = (index: number, delta: -1 | 1) => {
    const next = [...draft.questions];
    const [moved] = next.splice(index, 1);
    next.splice(index + delta, 0, moved!);
    setQuestions(next);
  };

  return (
    <>
      <SegmentTabs
        options={[
          { value: 'edit', label: '编辑' },
          { value: 'preview', label: '预览' },
        ]}
        value={mode}
        onChange={setMode}
      />
      {mode === 'preview' ? (
        <View className="survey-preview">
          <View className="survey-preview__head">
            <Text className="survey-preview__title">{draft.title || '（未填写标题）'}</Text>
            {draft.intro ? <Text className="survey-preview__intro">{draft.intro}</Text> : null}
            <Text className="survey-preview__note">预览：业主看到的样子，此处作答不会保存</Text>
          </View>
          {draft.questions.map((question, index) => (
            <QuestionInput
              key={question.id}
              question={question}
              index={index}
              value={previewAnswers[question.id]}
              onChange={(value) => setPreviewAnswers((a) => ({ ...a, [question.id]: value }))}
            />
          ))}
        </View>
      ) : (
        <>
          <FormCard>
            <FormField label="问卷标题" error={errors.title}>
              <TextInput
                placeholder="如：2026 年度物业服务满意度调查"
                value={draft.title}
                maxLength={40}
                onChange={(title) => edit({ title })}
              />
            </FormField>
            <FormField label="说明" hint="显示在问卷开头，可不填" error={errors.intro}>
              <TextArea value={draft.intro} maxLength={500} onChange={(intro) => edit({ intro })} />
            </FormField>
            <FormField label="发放范围" error={errors.target ?? errors['target.buildingIds']}>
              <ChoiceChips
                options={[
                  { value: 'estate', label: '全体住户' },
                  { value: 'buildings', label: '指定楼栋' },
                ]}
                value={draft.scope}
                onChange={(scope) => edit({ scope })}
              />
              {draft.scope === 'buildings' ? (
                <MultiChoiceChips
                  options={buildings.map((b) => ({ value: b.buildingId, label: b.name }))}
                  values={draft.buildingIds}
                  onChange={(buildingIds) => edit({ buildingIds })}
                />
              ) : null}
            </FormField>
            <FormField label="开放时长" hint="发布后立即开始，到期自动结束" error={errors.closesAt}>
              <ChoiceChips options={durations} value={draft.days} onChange={(days) => edit({ days })} />
            </FormField>
            <FormField label="填写方式" hint="每户一份：同一房屋只需一人填写">
              <ChoiceChips
                options={units}
                value={draft.responseUnit}
                onChange={(responseUnit) => edit({ responseUnit })}
              />
            </FormField>
            <FormField label="是否匿名" hint="匿名问卷不记录答题人，员工也无法查看是谁填写">
              <ChoiceChips
                options={privacy}
                value={draft.anonymous ? 'anonymous' : 'named'}
                onChange={(v) => edit({ anonymous: v === 'anonymous' })}
              />
            </FormField>
          </FormCard>
          <Text className="section-title">题目（{draft.questions.length}）</Text>
          {errors.questions ? <Text className="survey-form__error">{errors.questions}</Text> : null}
          {draft.questions.map((question, index) => (
            <QuestionEditor
              key={question.id}
              question={question}
              index={index}
              count={draft.questions.length}
              error={questionError(index)}
              onChange={(q) => setQuestions(draft.questions.map((old, i) => (i === index ? q : old)))}
              onMove={(delta) => move(index, delta)}
              onRemove={() => setQuestions(draft.questions.filter((_, i) => i !== index))}
            />
          ))}
          <View className="survey-form__add">
            <Text className="q-editor__label">添加题目</Text>
            <ChoiceChips
              options={types}
              value={null}
              onChange={(type) =>
                setQuestions([
                  ...draft.questions,
                  newQuestion(
                    type,
                    draft.questions.map((q) => q.id),
                  ),
                ])
              }
            />
          </View>
        </>
      )}
      {save.failure ? (
        <MessageBlock tone="error" title="保存失败">
          <Text>{save.failure.message}</Text>
        </MessageBlock>
      ) : null}
      <View className="survey-form__actions">
        <Button className="survey-form__save" disabled={save.pending} onClick={() => void onSave(false)}>
          保存草稿
        </Button>
        <Button
          type="primary"
          className="survey-form__publish"
          disabled={save.pending}
          onClick={() => void onSave(true)}
        >
          发布
        </Button>
      </View>
    </>
  );
}
