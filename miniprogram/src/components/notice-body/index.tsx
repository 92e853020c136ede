import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { NoticeBody as Body, TextRun } from '@linli/shared';
import { fileUrl } from '../../services/upload';
import './index.css';

/**
 * A notice body drawn block by block with Text and Image: the body is a document tree, never
 * HTML, so nothing in it can run or inject markup.
 */
export function NoticeBody({ body }: { body: Body }) {
  const images = body.blocks.flatMap((b) => (b.type === 'image' ? [fileUrl(b.fileId)] : []));
  return (
    <View className="notice-body">
      {body.blocks.map((block, index) => {
        switch (block.type) {
          case 'paragraph':
            return (
              <View key={index} className="notice-body__paragraph">
                <Runs runs={block.runs} />
              </View>
            );
          case 'list':
            return (
              <View key={index} className="notice-body__list">
                {block.items.map((item, n) => (
                  <View key={n} className="notice-body__item">
                    <Text className="notice-body__marker">{block.ordered ? `${n + 1}.` : '•'}</Text>
                    <View className="notice-body__item-text">
                      <Runs runs={item} />
                    </View>
                  </View>
                ))}
              </View>
            );
          case 'image': {
            const url = fileUrl(block.fileId);
            return (
              <Image
                key={index}
                className="notice-body__image"
                src={url}
                mode="widthFix"
                onClick={() => void Taro.previewImage({ current: url, urls: images })}
              />
            );
          }
        }
      })}
    </View>
  );
}

function Runs({ runs }: { runs: TextRun[] }) {
  return (
    <Text className="notice-body__text" userSelect>
      {runs.map((run, i) => (
        <Text key={i} className={run.bold ? 'notice-body__bold' : undefined}>
          {run.text}
        </Text>
      ))}
    </Text>
  );
}
