import type { Question, QuestionType } from '@linli/shared';

/** A fresh id not used by any question (or option) in `taken`. */
export function freshId(prefix: string, taken: readonly string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** A new question of a type, with placeholder content the author edits. */
export function newQuestion(type: QuestionType, taken: readonly string[]): Question {
  const base = { id: freshId('q', taken), title: '', required: true };
  const options = [
    { id: 'o1', label: '选项一' },
    { id: 'o2', label: '选项二' },
  ];
  switch (type) {
    case 'rating':
      return { ...base, type, dimension: null };
    case 'nps':
      return { ...base, type, title: '您有多大可能向亲友推荐我们的物业服务？' };
    case 'single':
      return { ...base, type, options };
    case 'multiple':
      return { ...base, type, options, maxChoices: null };
    case 'text':
      return { ...base, type, required: false, maxLength: 300 };
    case 'matrix':
      return {
        ...base,
        type,
        title: '请为以下各项服务打分',
        rows: ['cleaning', 'security', 'repairs', 'greenery', 'customer_service'],
      };
  }
}
