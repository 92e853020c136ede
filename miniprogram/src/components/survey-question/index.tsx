import { Text, Textarea, View } from '@tarojs/components';
import {
  dimensionLabels,
  NPS_MAX,
  RATING_MAX,
  type AnswerValue,
  type Dimension,
  type Question,
} from '@linli/shared';
import { ChoiceChips, MultiChoiceChips } from '../choice-chips';
import './index.css';

const stars = Array.from({ length: RATING_MAX }, (_, i) => i + 1);
const npsScores = Array.from({ length: NPS_MAX + 1 }, (_, i) => i);

/** 1–5 stars drawn as text: NutUI's Rate draws icons, which the weapp build cannot render. */
function Stars({ value, onChange }: { value: number | undefined; onChange: (score: number) => void }) {
  return (
    <View className="survey-stars">
      {stars.map((score) => (
        <Text
          key={score}
          className={value !== undefined && score <= value ? 'survey-star survey-star--on' : 'survey-star'}
          onClick={() => onChange(score)}
        >
          ★
        </Text>
      ))}
      <Text className="survey-stars__value">{value ? `${value} 星` : '未评分'}</Text>
    </View>
  );
}

function NpsScale({ value, onChange }: { value: number | undefined; onChange: (score: number) => void }) {
  return (
    <View>
      <View className="survey-nps">
        {npsScores.map((score) => (
          <Text
            key={score}
            className={score === value ? 'survey-nps__cell survey-nps__cell--on' : 'survey-nps__cell'}
            onClick={() => onChange(score)}
          >
            {score}
          </Text>
        ))}
      </View>
      <View className="survey-nps__ends">
        <Text>完全不会</Text>
        <Text>非常愿意</Text>
      </View>
    </View>
  );
}

interface QuestionInputProps {
  question: Question;
  index: number;
  value: AnswerValue | undefined;
  error?: string;
  onChange: (value: AnswerValue) => void;
}

/** One question with its input, numbered, with its error under it. Used to answer and to preview. */
export function QuestionInput({ question, index, value, error, onChange }: QuestionInputProps) {
  return (
    <View className={error ? 'survey-question survey-question--error' : 'survey-question'}>
      <View className="survey-question__head">
        <Text className="survey-question__title">
          {index + 1}. {question.title}
        </Text>
        {question.required ? <Text className="survey-question__required">必答</Text> : null}
      </View>
      {question.hint ? <Text className="survey-question__hint">{question.hint}</Text> : null}
      {renderInput(question, value, onChange)}
      {error ? <Text className="survey-question__error">{error}</Text> : null}
    </View>
  );
}

function renderInput(question: Question, value: AnswerValue | undefined, onChange: (v: AnswerValue) => void) {
  switch (question.type) {
    case 'rating':
      return <Stars value={typeof value === 'number' ? value : undefined} onChange={onChange} />;
    case 'nps':
      return <NpsScale value={typeof value === 'number' ? value : undefined} onChange={onChange} />;
    case 'single':
      return (
        <ChoiceChips
          options={question.options.map((o) => ({ value: o.id, label: o.label }))}
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
        />
      );
    case 'multiple':
      return (
        <View>
          {question.maxChoices ? (
            <Text className="survey-question__hint">最多选 {question.maxChoices} 项</Text>
          ) : null}
          <MultiChoiceChips
            options={question.options.map((o) => ({ value: o.id, label: o.label }))}
            values={Array.isArray(value) ? value : []}
            onChange={onChange}
          />
        </View>
      );
    case 'text':
      return (
        <View>
          <Textarea
            className="survey-text"
            value={typeof value === 'string' ? value : ''}
            maxlength={question.maxLength}
            placeholder="请输入"
            onInput={(e) => onChange(e.detail.value)}
          />
          <Text className="survey-text__count">
            {typeof value === 'string' ? Array.from(value).length : 0}/{question.maxLength}
          </Text>
        </View>
      );
    case 'matrix': {
      const grid = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
      return (
        <View className="survey-matrix">
          {question.rows.map((row: Dimension) => (
            <View key={row} className="survey-matrix__row">
              <Text className="survey-matrix__label">{dimensionLabels[row]}</Text>
              <Stars value={grid[row]} onChange={(score) => onChange({ ...grid, [row]: score })} />
            </View>
          ))}
        </View>
      );
    }
  }
}
