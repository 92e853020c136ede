import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { fromMarkup, NoticeBody as BodySchema } from '@linli/shared';
import { useState } from 'react';
import { NoticeBody } from '../../components/notice-body';
import { TextArea } from '../../components/text-area';
import { messageOf } from '../../services/api';
import { isCancel } from '../../services/platform-error';
import { upload } from '../../services/upload';

/**
 * The body as lines of text with light marks (a toolbar inserts them), and a preview drawn exactly
 * as owners will see it.
 */
export function BodyEditor({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const [preview, setPreview] = useState(false);
  const [uploading, setUploading] = useState(false);
  const append = (line: string) => onChange(value.trim() ? `${value.replace(/\s+$/, '')}\n${line}` : line);

  const addImage = async () => {
    let paths: string[];
    try {
      paths = (
        await Taro.chooseImage({ count: 3, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      ).tempFilePaths;
    } catch (error) {
      if (!isCancel(error)) void Taro.showToast({ title: '无法选择图片', icon: 'none' });
      return;
    }
    setUploading(true);
    try {
      const lines: string[] = [];
      for (const filePath of paths) {
        const stamp = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
        const { fileID } = await upload({ filePath, cloudPath: `notices/${stamp}.jpg` });
        lines.push(`![图片](${fileID})`);
      }
      append(lines.join('\n'));
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setUploading(false);
    }
  };

  const parsed = BodySchema.safeParse(fromMarkup(value));
  return (
    <View>
      <View className="body-toolbar">
        <Text className="body-toolbar__item" onClick={() => append('**重点内容**')}>
          加粗
        </Text>
        <Text className="body-toolbar__item" onClick={() => append('- ')}>
          • 列表
        </Text>
        <Text className="body-toolbar__item" onClick={() => append('1. ')}>
          1. 编号
        </Text>
        <Text className="body-toolbar__item" onClick={() => void addImage()}>
          {uploading ? '上传中…' : '图片'}
        </Text>
        <Text
          className={preview ? 'body-toolbar__item body-toolbar__item--on' : 'body-toolbar__item'}
          onClick={() => setPreview((on) => !on)}
        >
          预览
        </Text>
      </View>
      {preview ? (
        <View className="body-preview">
          {parsed.success ? (
            <NoticeBody body={parsed.data} />
          ) : (
            <Text className="body-preview__empty">{parsed.error.issues[0]?.message ?? '正文不能为空'}</Text>
          )}
        </View>
      ) : (
        <TextArea
          value={value}
          onChange={onChange}
          maxLength={10000}
          placeholder={'每行一段。以「- 」开头为列表，**文字** 为加粗。'}
        />
      )}
    </View>
  );
}
