import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { workOrderVerbs, type WorkOrderDetail, type WorkOrderVerb } from '@linli/shared';
import { useEffect, useState } from 'react';
import { Button } from '../../components/nutui';
import { ReasonForm } from '../../components/reason-form';
import { useAction } from '../../hooks/use-action';
import { call } from '../../services/api';
import { CompleteForm } from './complete-form';
import { QuoteForm } from './quote-form';

/** Steps that need nothing but a tap. */
const ONE_TAP = ['grab', 'accept', 'depart', 'start', 'resume'] as const;
type OneTap = (typeof ONE_TAP)[number];
const isOneTap = (verb: WorkOrderVerb): verb is OneTap =>
  (ONE_TAP as readonly WorkOrderVerb[]).includes(verb);
/** Steps that open a form first. */
type WithForm = 'reject' | 'pause' | 'complete' | 'quote';
/** In the order a technician meets them; the first one shown is the main button. */
const TECH_VERBS: readonly WorkOrderVerb[] = [...ONE_TAP, 'complete', 'quote', 'pause', 'reject'];

const rejectReasons = ['不在我的技能范围', '今天排满，无法按时上门', '需要其他工种配合'];
const pauseReasons = ['等待配件到货', '业主暂时不在家', '需要停水停电后再修'];

const doneText: Record<OneTap | WithForm, string> = {
  grab: '抢单成功',
  accept: '已接单',
  depart: '已出发',
  start: '已开始维修',
  resume: '已继续维修',
  reject: '已退单',
  pause: '已暂停',
  complete: '已完工',
  quote: '报价已发送',
};

interface TechActionsProps {
  order: WorkOrderDetail;
  onChanged: (order: WorkOrderDetail) => void;
  /** A past fix the technician chose to start the completion report from. */
  draft: { cause: string; fix: string } | null;
}

export function TechActions({ order, onChanged, draft }: TechActionsProps) {
  const [open, setOpen] = useState<WithForm | null>(null);
  const step = useAction((verb: OneTap) => call('workorder', verb, { orderId: order.orderId }));
  const verbs = TECH_VERBS.filter((verb) => order.actions.includes(verb));
  const orderId = order.orderId;
  // Choosing a past fix starts the completion report from it.
  useEffect(() => {
    if (draft) setOpen('complete');
  }, [draft]);

  const done = (changed: WorkOrderDetail, verb: OneTap | WithForm) => {
    setOpen(null);
    onChanged(changed);
    void Taro.showToast({ title: doneText[verb], icon: 'success' });
  };
  const tap = async (verb: WorkOrderVerb) => {
    if (verb === 'reject' || verb === 'pause' || verb === 'complete' || verb === 'quote') setOpen(verb);
    else if (isOneTap(verb)) {
      const changed = await step.run(verb);
      if (changed) done(changed, verb);
    }
  };

  switch (open) {
    case 'reject':
      return (
        <ReasonForm
          title="退单"
          suggestions={rejectReasons}
          placeholder="请说明退单原因，工单将重新派给其他师傅"
          submitLabel="确认退单"
          danger
          onClose={() => setOpen(null)}
          onSubmit={async (reason) => done(await call('workorder', 'reject', { orderId, reason }), 'reject')}
        />
      );
    case 'pause':
      return (
        <ReasonForm
          title="暂停维修"
          suggestions={pauseReasons}
          placeholder="请说明暂停原因，暂停期间不计完工时限"
          submitLabel="确认暂停"
          onClose={() => setOpen(null)}
          onSubmit={async (reason) => done(await call('workorder', 'pause', { orderId, reason }), 'pause')}
        />
      );
    case 'complete':
      return (
        <CompleteForm
          order={order}
          draft={draft}
          onClose={() => setOpen(null)}
          onCompleted={(changed) => done(changed, 'complete')}
        />
      );
    case 'quote':
      return (
        <QuoteForm
          order={order}
          onClose={() => setOpen(null)}
          onQuoted={(changed) => done(changed, 'quote')}
        />
      );
    case null:
      if (verbs.length === 0) return null;
      return (
        <View className="task__actions">
          <Text className="task__next">{nextHint(order)}</Text>
          {step.failure ? <Text className="task__error">{step.failure.message}</Text> : null}
          <View className="task__buttons">
            {verbs.map((verb, index) => (
              <Button
                key={verb}
                size="small"
                type={verb === 'reject' ? 'danger' : index === 0 ? 'primary' : 'default'}
                fill={index === 0 && verb !== 'reject' ? 'solid' : 'outline'}
                disabled={step.pending}
                onClick={() => void tap(verb)}
              >
                {verb === 'start' ? '开始维修' : workOrderVerbs[verb].label}
              </Button>
            ))}
          </View>
          {order.contactPhone ? (
            <Text
              className="task__phone"
              onClick={() => void Taro.makePhoneCall({ phoneNumber: order.contactPhone ?? '' })}
            >
              联系报修人 {order.reporterName} {order.contactPhone}
            </Text>
          ) : null}
        </View>
      );
  }
}

/** What the technician should do next, in words. */
function nextHint(order: WorkOrderDetail): string {
  switch (order.state) {
    case 'assigned':
      return '新派工单，请尽快接单或说明原因退单';
    case 'accepted':
      return '已接单，出发时请点「出发」，业主会收到通知';
    case 'en_route':
      return '到达现场后点「开始维修」';
    case 'in_progress':
      return order.actions.includes('quote')
        ? '入户有偿维修：先报价，业主确认后维修并填写完工单'
        : '维修完成后填写完工单；等配件可先暂停';
    case 'quoted':
      return '报价已发送，等待业主确认';
    case 'paused':
      return '配件到了点「继续维修」';
    default:
      return order.actions.includes('grab') ? '该工单等待接单，可抢单' : '';
  }
}
