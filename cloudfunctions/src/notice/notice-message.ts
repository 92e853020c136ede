import { noticeCategoryLabels, noticeDetailPage, type MessageFields } from '@linli/shared';
import type { NoticeDoc } from './documents';

/** The notice_published message of a notice; reminders say so in the title. */
export function noticeMessage(
  notice: Pick<NoticeDoc, '_id' | 'title' | 'category' | 'importance' | 'publishedAt' | 'createdAt'>,
  estateName: string,
  purpose: 'publish' | 'remind',
): { fields: MessageFields<'notice_published'>; page: string } {
  const prefix = purpose === 'remind' ? '【提醒】' : notice.importance === 'urgent' ? '【紧急】' : '';
  return {
    fields: {
      title: `${prefix}${notice.title}`,
      categoryLabel: noticeCategoryLabels[notice.category],
      publisher: `${estateName}物业服务中心`,
      publishedAt: notice.publishedAt ?? notice.createdAt,
    },
    page: noticeDetailPage(notice._id),
  };
}
