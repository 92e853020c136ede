import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  fromMarkup,
  NoticeBody,
  NoticeCategory,
  noticeCategoryLabels,
  NoticeImportance,
  noticeImportanceLabels,
  shanghai,
  startOfLocalDate,
  toLocalDate,
  toMarkup,
  type NoticeStaffView,
  type NoticeTarget,
} from '@linli/shared';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { FormCard, FormField } from '../../components/form-field';
import { MessageBlock } from '../../components/message-block';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { TextInput } from '../../components/text-input';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { ApiError, call } from '../../services/api';
import { StaffPage, staffPageRoles } from '../components/staff-page';
import { BodyEditor } from './body-editor';
import { TargetEditor, type RoomNames } from './target-editor';
import './index.css';

const categories = NoticeCategory.options.map((value) => ({ value, label: noticeCategoryLabels[value] }));
const importances = NoticeImportance.options.map((value) => ({
  value,
  label: noticeImportanceLabels[value],
}));
const yesNo = [
  { value: 'no', label: '不置顶' },
  { value: 'yes', label: '置顶' },
] as const;

interface Draft {
  title: string;
  markup: string;
  category: NoticeCategory;
  importance: NoticeImportance;
  target: NoticeTarget | null;
  pinned: boolean;
  /** Last day shown to owners (Shanghai), or '' for no expiry. */
  expiresOn: string;
  /** Scheduled publication, or '' to publish on tap. */
  publishDate: string;
  publishTime: string;
}

function draftOf(notice: NoticeStaffView | null): Draft {
  const publishAt = notice?.publishAt ? shanghai(notice.publishAt) : null;
  return {
    title: notice?.title ?? '',
    markup: notice ? toMarkup(notice.body) : '',
    category: notice?.category ?? 'other',
    importance: notice?.importance ?? 'normal',
    target: notice?.target ?? { scope: 'estate' },
    pinned: notice?.pinned ?? false,
    // expiresAt is the end of the last day: the day before it, in Shanghai.
    expiresOn: notice?.expiresAt ? toLocalDate(notice.expiresAt - 1) : '',
    publishDate: publishAt ? publishAt.format('YYYY-MM-DD') : '',
    publishTime: publishAt ? publishAt.format('HH:mm') : '08:00',
  };
}

/** Write a notice: save it as a draft, or publish it now or at a set time. */
export default function NoticeEdit() {
  const noticeId = decodeURIComponent(Taro.getCurrentInstance().router?.params.id ?? '');
  return (
    <StaffPage allow={staffPageRoles.notices} pickEstate={!noticeId}>
      {({ estateId }) =>
        noticeId ? <Existing noticeId={noticeId} /> : <Editor estateId={estateId} notice={null} />
      }
    </StaffPage>
  );
}

function Existing({ noticeId }: { noticeId: string }) {
  const notice = useRemote(() => call('notice', 'detail', { noticeId }), [noticeId]);
  return (
    <RemoteView remote={notice}>
      {(view) =>
        view.canEdit ? (
          <Editor estateId={view.estateId} notice={view} />
        ) : (
          <MessageBlock tone="info" title="通知已发布，不能再修改">
            <Text>可在阅读统计页查看阅读情况或撤回。</Text>
          </MessageBlock>
        )
      }
    </RemoteView>
  );
}

function Editor({ estateId, notice }: { estateId: string; notice: NoticeStaffView | null }) {
  const [draft, setDraft] = useState(() => draftOf(notice));
  const [savedId, setSavedId] = useState(notice?.noticeId ?? null);
  const [roomNames, setRoomNames] = useState<RoomNames>({});
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  const contentOf = () => {
    const body = NoticeBody.safeParse(fromMarkup(draft.markup));
    if (!body.success) throw fieldProblem('body', body.error.issues[0]?.message ?? '请填写正文');
    if (!draft.target) throw fieldProblem('target', '请选择发送范围');
    const expiresAt = draft.expiresOn ? startOfLocalDate(draft.expiresOn).add(1, 'day').valueOf() : null;
    return {
      title: draft.title,
      body: body.data,
      category: draft.category,
      importance: draft.importance,
      target: draft.target,
      pinned: draft.pinned,
      expiresAt,
    };
  };

  const save = async (): Promise<string> => {
    const content = contentOf();
    const saved = savedId
      ? await call('notice', 'update', { noticeId: savedId, ...content })
      : await call('notice', 'create', { estateId, ...content });
    setSavedId(saved.noticeId);
    return saved.noticeId;
  };

  const saveDraft = useAction(async () => {
    await save();
    void Taro.showToast({ title: '已保存草稿', icon: 'success' });
  });

  const publish = useAction(async () => {
    const publishAt = draft.publishDate
      ? startOfLocalDate(draft.publishDate)
          .add(Number(draft.publishTime.slice(0, 2)), 'hour')
          .add(Number(draft.publishTime.slice(3)), 'minute')
          .valueOf()
      : undefined;
    const confirmed = await Taro.showModal({
      title: publishAt ? '定时发布' : '立即发布',
      content: publishAt
        ? `将于 ${draft.publishDate} ${draft.publishTime} 发布，并通知范围内已订阅的业主。`
        : '发布后业主立即可见，并通知范围内已订阅的业主。发布后不能修改内容。',
      confirmText: '发布',
    });
    if (!confirmed.confirm) return;
    const id = await save();
    const published = await call('notice', 'publish', { noticeId: id, publishAt });
    void Taro.redirectTo({
      url:
        published.status === 'published'
          ? `/admin/notice-stats/index?id=${encodeURIComponent(id)}`
          : '/admin/notices/index',
    });
  });

  const failure = publish.failure ?? saveDraft.failure;
  const fields = failure?.fields ?? {};
  const problem = (name: string) =>
    fields[name] ?? Object.entries(fields).find(([path]) => path.startsWith(`${name}.`))?.[1];
  const busy = publish.pending || saveDraft.pending;

  return (
    <>
      <FormCard>
        <FormField label="标题" error={problem('title')}>
          <TextInput
            value={draft.title}
            maxLength={60}
            placeholder="如：2号楼明日停水通知"
            onChange={set('title')}
          />
        </FormField>
        <FormField label="类别">
          <ChoiceChips options={categories} value={draft.category} onChange={set('category')} />
        </FormField>
        <FormField label="重要程度">
          <ChoiceChips options={importances} value={draft.importance} onChange={set('importance')} />
        </FormField>
        <FormField label="正文" error={problem('body')}>
          <BodyEditor value={draft.markup} onChange={set('markup')} />
        </FormField>
        <FormField label="发送范围" error={problem('target')}>
          <TargetEditor
            estateId={estateId}
            target={draft.target}
            onChange={set('target')}
            roomNames={roomNames}
            onRoomNames={setRoomNames}
          />
        </FormField>
        <FormField label="置顶">
          <ChoiceChips
            options={yesNo}
            value={draft.pinned ? 'yes' : 'no'}
            onChange={(v) => set('pinned')(v === 'yes')}
          />
        </FormField>
        <FormField label="有效期至" hint="过期后不再出现在业主的公告列表" error={problem('expiresAt')}>
          <DateField value={draft.expiresOn} onChange={set('expiresOn')} empty="长期有效" />
        </FormField>
        <FormField label="发布时间" hint="不设置则点「发布」后立即发布">
          <View className="when-row">
            <DateField value={draft.publishDate} onChange={set('publishDate')} empty="立即发布" />
            {draft.publishDate ? (
              <Picker
                mode="time"
                value={draft.publishTime}
                onChange={(e) => set('publishTime')(e.detail.value)}
              >
                <Text className="when-field">{draft.publishTime}</Text>
              </Picker>
            ) : null}
          </View>
        </FormField>
      </FormCard>
      {failure && !Object.keys(fields).length ? (
        <MessageBlock tone="error">{failure.message}</MessageBlock>
      ) : null}
      <View className="notice-edit__actions">
        <Button fill="outline" disabled={busy} onClick={() => void saveDraft.run()}>
          保存草稿
        </Button>
        <Button type="primary" disabled={busy} onClick={() => void publish.run()}>
          {draft.publishDate ? '定时发布' : '发布'}
        </Button>
      </View>
    </>
  );
}

/** A date on the platform's picker, with a way back to "none". */
function DateField({
  value,
  onChange,
  empty,
}: {
  value: string;
  onChange: (v: string) => void;
  empty: string;
}) {
  return (
    <View className="when-row">
      <Picker mode="date" value={value || toLocalDate(Date.now())} onChange={(e) => onChange(e.detail.value)}>
        <Text className={value ? 'when-field' : 'when-field when-field--empty'}>{value || empty}</Text>
      </Picker>
      {value ? (
        <Text className="when-clear" onClick={() => onChange('')}>
          清除
        </Text>
      ) : null}
    </View>
  );
}

/** A problem found before calling, shown under its field like the server's. */
const fieldProblem = (path: string, message: string) =>
  new ApiError('VALIDATION', message, { issues: [{ path, message }] });
