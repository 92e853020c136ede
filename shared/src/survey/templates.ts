import type { Question } from './questions';

/** The short survey after an owner accepts a repair (维修回访). */
export function postRepairQuestions(): Question[] {
  return [
    {
      id: 'overall',
      type: 'rating',
      title: '您对本次维修服务是否满意？',
      required: true,
      dimension: 'repairs',
    },
    { id: 'speed', type: 'rating', title: '上门及时吗？', required: true, dimension: null },
    {
      id: 'fixed',
      type: 'single',
      title: '问题解决了吗？',
      required: true,
      options: [
        { id: 'yes', label: '已彻底解决' },
        { id: 'partly', label: '部分解决' },
        { id: 'no', label: '没有解决' },
      ],
    },
    { id: 'comment', type: 'text', title: '还有什么想对维修师傅说的？', required: false, maxLength: 200 },
  ];
}

/** A starting point for the yearly satisfaction survey (年度满意度调查), editable in the builder. */
export function annualSurveyQuestions(): Question[] {
  return [
    {
      id: 'q1',
      type: 'matrix',
      title: '请为以下各项服务打分',
      required: true,
      rows: ['cleaning', 'security', 'repairs', 'greenery', 'customer_service'],
    },
    { id: 'q2', type: 'nps', title: '您有多大可能向亲友推荐我们的物业服务？', required: true },
    {
      id: 'q3',
      type: 'multiple',
      title: '您最希望我们优先改进哪些方面？',
      required: false,
      maxChoices: 3,
      options: [
        { id: 'o1', label: '公共区域卫生' },
        { id: 'o2', label: '门禁与巡逻' },
        { id: 'o3', label: '报修响应速度' },
        { id: 'o4', label: '绿化养护' },
        { id: 'o5', label: '停车管理' },
      ],
    },
    { id: 'q4', type: 'text', title: '其他意见或建议', required: false, maxLength: 300 },
  ];
}
