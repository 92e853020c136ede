import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  answerProgress,
  checkAnswers,
  formatDateTime,
  type AnswerValue,
  type Answers,
  type SurveyFormView,
} from '@linli/shared';
import { useState } from 'react';
import { BackRow, goBack } from '../../components/back-row';
import { ChoiceChips } from '../../components/choice-chips';
import { EmptyState } from '../../components/empty-state';
import { MessageBlock } from '../../components/message-block';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { Screen } from '../../components/screen';
import { QuestionInput } from '../../components/survey-question';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import './index.css';

/** 问卷: answer a survey (`?id=`), with progress, save-and-continue and a thank-you. */
export default function SurveyPage() {
  const surveyId = useRouter().params.id ?? '';
  const [householdId, setHouseholdId] = useState<string | undefined>(undefined);
  const form = useRemote(
    () => call('survey', 'open', { surveyId, ...(householdId ? { householdId } : {}) }),
    [surveyId, householdId],
  );
  return (
    <Screen>
      <BackRow label="返回首页" fallbackUrl="/pages/home/index" fallbackIsTab />
      <RemoteView remote={form}>
        {(view) => <SurveyForm key={view.householdId} view={view} onHome={setHouseholdId} />}
      </RemoteView>
    </Screen>
  );
}

function SurveyForm({ view, onHome }: { view: SurveyFormView; onHome: (householdId: string) => void }) {
  const [answers, setAnswers] = useState<Answers>(() => view.draft?.answers ?? {});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [savedAt, setSavedAt] = useState<number | null>(view.draft?.savedAt ?? null);
  const [submitted, setSubmitted] = useState(view.submitted);
  const save = useAction(() =>
    call('survey', 'saveDraft', { surveyId: view.surveyId, householdId: view.householdId, answers }),
  );
  const submit = useAction(() =>
    call('survey', 'submit', { surveyId: view.surveyId, householdId: view.householdId, answers }),
  );
  const progress = answerProgress(view.questions, answers);

  if (submitted) return <ThankYou anonymous={view.anonymous} />;
  if (view.phase !== 'open')
    return (
      <EmptyState
        title={view.phase === 'upcoming' ? '问卷尚未开始' : '问卷已结束'}
        description={view.phase === 'upcoming' ? '请在开始后再来填写。' : '感谢关注，本次问卷已停止收集。'}
        glyph="✎"
      />
    );

  const set = (questionId: string, value: AnswerValue) => {
    setAnswers((current) => ({ ...current, [questionId]: value }));
    setErrors(({ [questionId]: _fixed, ...rest }) => rest);
  };

  const onSave = async () => {
    const result = await save.run();
    if (!result) return;
    setSavedAt(result.savedAt);
    void Taro.showToast({ title: '已保存，可稍后继续', icon: 'none' });
  };

  const onSubmit = async () => {
    const check = checkAnswers(view.questions, answers, { complete: true });
    if (check.issues.length) {
      setErrors(Object.fromEntries(check.issues.map((i) => [i.path, i.message])));
      void Taro.showToast({ title: `还有 ${check.issues.length} 题需要处理`, icon: 'none' });
      return;
    }
    const done = await submit.run();
    if (done) setSubmitted(true);
  };

  const failure = submit.failure ?? save.failure;
  return (
    <>
      <View className="survey-head">
        <Text className="survey-head__title">{view.title}</Text>
        {view.intro ? <Text className="survey-head__intro">{view.intro}</Text> : null}
        <Text className="survey-head__meta">
          {view.anonymous ? '匿名问卷 · 物业看不到答题人' : '实名问卷'} · {formatDateTime(view.closesAt)} 截止
        </Text>
      </View>
      {view.homes.length > 1 ? (
        <View className="survey-homes">
          <Text className="section-title">为哪套房屋填写</Text>
          <ChoiceChips
            options={view.homes.map((h) => ({
              value: h.householdId,
              label: h.answered ? `${h.roomCode}（已填）` : h.roomCode,
            }))}
            value={view.householdId}
            onChange={onHome}
          />
        </View>
      ) : null}
      <View className="survey-progress">
        <View className="survey-progress__track">
          <View className="survey-progress__bar" style={{ width: `${progress.percent}%` }} />
        </View>
        <Text className="survey-progress__text">
          已答 {progress.answered}/{progress.total}
          {progress.requiredOpen ? ` · 还有 ${progress.requiredOpen} 道必答题` : ' · 必答题已完成'}
        </Text>
      </View>
      {view.questions.map((question, index) => (
        <QuestionInput
          key={question.id}
          question={question}
          index={index}
          value={answers[question.id]}
          error={errors[question.id] ?? submit.failure?.fields[question.id]}
          onChange={(value) => set(question.id, value)}
        />
      ))}
      {failure ? (
        <MessageBlock tone="error" title={submit.failure ? '提交失败' : '保存失败'}>
          <Text>{failure.message}</Text>
        </MessageBlock>
      ) : null}
      <View className="survey-actions">
        <Button className="survey-actions__save" disabled={save.pending} onClick={() => void onSave()}>
          保存草稿
        </Button>
        <Button
          type="primary"
          className="survey-actions__submit"
          disabled={submit.pending}
          onClick={() => void onSubmit()}
        >
          {submit.pending ? '提交中…' : '提交'}
        </Button>
      </View>
      <Text className="survey-saved">
        {savedAt
          ? `草稿已保存于 ${formatDateTime(savedAt)}，可随时回来继续`
          : '提交后不能修改；未完成可先保存草稿'}
      </Text>
    </>
  );
}

function ThankYou({ anonymous }: { anonymous: boolean }) {
  return (
    <EmptyState
      title="感谢您的参与！"
      description={
        anonymous ? '您的答卷已匿名提交，我们会认真改进服务。' : '您的答卷已提交，我们会认真改进服务。'
      }
      glyph="✓"
    >
      <Button type="primary" size="small" onClick={() => goBack('/pages/home/index', true)}>
        返回
      </Button>
    </EmptyState>
  );
}
