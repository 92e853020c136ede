import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { isCancel } from '../../services/platform-error';
import { messageOf } from '../../services/api';
import { fileUrl, upload } from '../../services/upload';
import { PhotoAddTile } from '../photo-grid';
import '../photo-grid/index.css';

interface PhotoPickerProps {
  /** File ids already uploaded. */
  photos: string[];
  onChange: (photos: string[]) => void;
  max: number;
  /** Cloud-storage folder, e.g. `repairs` or `repairs/completion`. */
  folder: string;
}

/**
 * Take or choose photos and upload each right away, so the form submits file ids only. H5's
 * chooseImage is a file input; WeChat's opens the camera or the album.
 */
export function PhotoPicker({ photos, onChange, max, folder }: PhotoPickerProps) {
  const [uploading, setUploading] = useState(0);
  // Uploads finish after the person may have removed a photo: add to the list as it is then.
  const current = useRef(photos);
  current.current = photos;
  const left = max - photos.length - uploading;

  const add = async () => {
    let paths: string[];
    try {
      const chosen = await Taro.chooseImage({
        count: left,
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      });
      paths = chosen.tempFilePaths.slice(0, left);
    } catch (error) {
      if (!isCancel(error)) void Taro.showToast({ title: '无法选择照片', icon: 'none' });
      return;
    }
    setUploading((n) => n + paths.length);
    const stored: string[] = [];
    try {
      for (const filePath of paths) {
        const { fileID } = await upload({ filePath, cloudPath: cloudPathFor(folder, filePath) });
        stored.push(fileID);
      }
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setUploading((n) => n - paths.length);
      if (stored.length) onChange([...current.current, ...stored]);
    }
  };

  return (
    <View className="photo-grid">
      {photos.map((photo) => (
        <View key={photo} className="photo-grid__item">
          <Image className="photo-grid__image" src={fileUrl(photo)} mode="aspectFill" />
          <Text className="photo-grid__remove" onClick={() => onChange(photos.filter((p) => p !== photo))}>
            ×
          </Text>
        </View>
      ))}
      {uploading > 0 ? (
        <View className="photo-grid__item photo-grid__add">
          <Text className="photo-grid__add-label">上传中…</Text>
        </View>
      ) : null}
      {left > 0 && uploading === 0 ? (
        <PhotoAddTile label={`${photos.length}/${max}`} onTap={() => void add()} />
      ) : null}
    </View>
  );
}

/** A unique name per photo; the extension helps cloud storage serve the right type. */
function cloudPathFor(folder: string, filePath: string): string {
  const extension = /\.(jpe?g|png|webp|gif)$/i.exec(filePath)?.[1]?.toLowerCase() ?? 'jpg';
  const stamp = Date.now().toString(36);
  const random = Math.random().toString(36).slice(2, 8);
  return `${folder}/${stamp}-${random}.${extension}`;
}
