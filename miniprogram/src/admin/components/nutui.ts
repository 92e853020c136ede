// NutUI components only staff pages use: imported from here, they stay in the `admin` subpackage.
// Same rule as components/nutui.ts: nothing that draws an icon (Dialog without `closeIcon`, our own
// footer instead of its confirm button, which shows a loading icon).
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';

export { default as Dialog } from '@nutui/nutui-react-taro/dist/es/packages/dialog';
export { default as TextArea } from '@nutui/nutui-react-taro/dist/es/packages/textarea';
