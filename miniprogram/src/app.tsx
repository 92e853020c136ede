// First: configures zod before @linli/shared builds any schema.
import './zod-jitless';
import Taro, { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // In WeChat every action is a cloud function call; locally (H5) they go over HTTP instead.
    if (process.env.TARO_ENV === 'weapp') {
      Taro.cloud.init(LINLI_TCB_ENV ? { env: LINLI_TCB_ENV, traceUser: true } : { traceUser: true });
    }
  });
  return children;
}

export default App;
