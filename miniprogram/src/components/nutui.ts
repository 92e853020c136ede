// NutUI one component at a time, each with its own stylesheet: the whole library's CSS would
// nearly double the main package. Add a component here (with its style) before using it.
// Avoid components that draw NutUI icons (Loading, closeable Tag, Button with `loading`/`icon`):
// icons render an <i>, which the weapp build cannot draw without @tarojs/plugin-html.
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/empty/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';

export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button';
export { default as Cell } from '@nutui/nutui-react-taro/dist/es/packages/cell';
export { default as CellGroup } from '@nutui/nutui-react-taro/dist/es/packages/cellgroup';
export { default as Empty } from '@nutui/nutui-react-taro/dist/es/packages/empty';
// Use it through components/text-input, which keeps its (hidden) clear icon out of weapp.
export { default as Input } from '@nutui/nutui-react-taro/dist/es/packages/input';
export { default as Tag } from '@nutui/nutui-react-taro/dist/es/packages/tag';
