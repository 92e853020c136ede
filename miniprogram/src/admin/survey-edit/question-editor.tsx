import { Text, View } from '@tarojs/components';
import {
  dimensionLabels,
  dimensions,
  questionTypeLabels,
  type Dimension,
  type Question,
} from '@linli/shared';
import { ChoiceChips, MultiChoiceChips } from '../../components/choice-chips';
import { TextInput } from '../../components/text-input';
import { freshId } from './new-question';

const dimensionChoices = dimensions.map((d) => ({ value: d, label: dimensionLabels[d] }));
const requiredChoices = [
  { value: 'yes', label: '必答' },
  { value: 'no', label: '选答' },
] as const;

interface QuestionEditorProps {
  question: Question;
  index: number;
  count: number;
  error?: string;
  onChange: (question: Question) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One question in the builder: its text, whether required, what is asked, and its place. */
export function QuestionEditor({
  question,
  index,
  count,
  error,
  onChange,
  onMove,
  onRemove,
}: QuestionEditorProps) {
  return (
    <View className={error ? 'q-editor q-editor--error' : 'q-editor'}>
      <View className="q-editor__head">
        <Text className="q-editor__type">
          {index + 1}. {questionTypeLabels[question.type]}
        </Text>
        <View className="q-editor__tools">
          {index > 0 ? (
            <Text className="q-editor__tool" onClick={() => onMove(-1)}>
              上移
            </Text>
          ) : null}
          {index < count - 1 ? (
            <Text className="q-editor__tool" onClick={() => onMove(1)}>
              下移
            </Text>
          ) : null}
          <Text className="q-editor__tool q-editor__tool--danger" onClick={onRemove}>
            删除
          </Text>
        </View>
      </View>
      <TextInput
        placeholder="题目"
        value={question.title}
        maxLength={100}
        onChange={(title) => onChange({ ...question, title })}
      />
      <View className="q-editor__row">
        <ChoiceChips
          options={requiredChoices}
          value={question.required ? 'yes' : 'no'}
          onChange={(v) => onChange({ ...question, required: v === 'yes' })}
        />
      </View>
      <TypeSettings question={question} onChange={onChange} />
      {error ? <Text className="q-editor__error">{error}</Text> : null}
    </View>
  );
}

function TypeSettings({ question, onChange }: { question: Question; onChange: (q: Question) => void }) {
  switch (question.type) {
    case 'rating':
      return (
        <View className="q-editor__row">
          <Text className="q-editor__label">计入满意度维度</Text>
          <ChoiceChips<Dimension | 'none'>
            options={[{ value: 'none', label: '不计入' }, ...dimensionChoices]}
            value={question.dimension ?? 'none'}
            onChange={(d) => onChange({ ...question, dimension: d === 'none' ? null : d })}
          />
        </View>
      );
    case 'matrix':
      return (
        <View className="q-editor__row">
          <Text className="q-editor__label">评价维度</Text>
          <MultiChoiceChips
            options={dimensionChoices}
            values={question.rows}
            onChange={(rows) => onChange({ ...question, rows: dimensions.filter((d) => rows.includes(d)) })}
          />
        </View>
      );
    case 'single':
    case 'multiple': {
      const setOptions = (options: typeof question.options) => onChange({ ...question, options });
      return (
        <View className="q-editor__row">
          <Text className="q-editor__label">选项</Text>
          {question.options.map((option, i) => (
            <View key={option.id} className="q-editor__option">
              <View className="q-editor__option-input">
                <TextInput
                  placeholder={`选项 ${i + 1}`}
                  value={option.label}
                  maxLength={40}
                  onChange={(label) =>
                    setOptions(question.options.map((o) => (o.id === option.id ? { ...o, label } : o)))
                  }
                />
              </View>
              {question.options.length > 2 ? (
                <Text
                  className="q-editor__tool q-editor__tool--danger"
                  onClick={() => setOptions(question.options.filter((o) => o.id !== option.id))}
                >
                  删除
                </Text>
              ) : null}
            </View>
          ))}
          {question.options.length < 20 ? (
            <Text
              className="q-editor__add"
              onClick={() =>
                setOptions([
                  ...question.options,
                  {
                    id: freshId(
                      'o',
                      question.options.map((o) => o.id),
                    ),
                    label: '',
                  },
                ])
              }
            >
              + 添加选项
            </Text>
          ) : null}
          {question.type === 'multiple' ? (
            <>
              <Text className="q-editor__label">最多可选</Text>
              <ChoiceChips<number>
                options={[0, 2, 3, 5].map((n) => ({ value: n, label: n ? `${n} 项` : '不限' }))}
                value={question.maxChoices ?? 0}
                onChange={(n) => onChange({ ...question, maxChoices: n || null })}
              />
            </>
          ) : null}
        </View>
      );
    }
    case 'nps':
      return <Text className="q-editor__note">业主从 0–10 分中选择，9–10 分为推荐者，0–6 分为贬损者。</Text>;
    case 'text':
      return <Text className="q-editor__note">业主最多可填写 {question.maxLength} 字。</Text>;
  }
}
