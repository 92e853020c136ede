import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { fileUrl } from '../../services/upload';
import './index.css';

/** Stored photos as thumbnails; a tap opens the platform's viewer. */
export function PhotoGrid({ photos }: { photos: readonly string[] }) {
  if (photos.length === 0) return null;
  const urls = photos.map(fileUrl);
  return (
    <View className="photo-grid">
      {urls.map((url) => (
        <Image
          key={url}
          className="photo-grid__item"
          src={url}
          mode="aspectFill"
          onClick={() => void Taro.previewImage({ current: url, urls })}
        />
      ))}
    </View>
  );
}

/** The grid's "add" tile, for pickers. */
export function PhotoAddTile({ label, onTap }: { label: string; onTap: () => void }) {
  return (
    <View className="photo-grid__item photo-grid__add" onClick={onTap}>
      <Text className="photo-grid__plus">＋</Text>
      <Text className="photo-grid__add-label">{label}</Text>
    </View>
  );
}
