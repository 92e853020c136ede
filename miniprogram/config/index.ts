import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

// The domain package is TypeScript source in a sibling workspace; Taro only transpiles `src`
// unless told otherwise.
const sharedWorkspace = path.resolve(__dirname, '..', '..', 'shared');

export default defineConfig<'webpack5'>(() => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'linli',
    date: '2026-11-29',
    // NutUI is drawn at 375; our own styles use the same scale so one px means the same everywhere.
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // One folder per target, so a weapp build never overwrites the H5 one the local runtime serves.
    outputRoot: `dist/${process.env.TARO_ENV ?? 'weapp'}`,
    plugins: [],
    // The CloudBase environment the weapp build talks to (same variable as cloudbaserc.json).
    defineConstants: { LINLI_TCB_ENV: JSON.stringify(process.env.LINLI_TCB_ENV ?? '') },
    copy: { patterns: [], options: {} },
    framework: 'react',
    // Prebundling needs network-free caches we do not keep; builds stay reproducible without it.
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: [sharedWorkspace] },
      // Every rule is scoped by a component's own class, so stylesheet order between pages is free.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile: { include: [sharedWorkspace] },
      // Absolute asset paths: the local runtime serves dist/h5 at the site root.
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  return config;
});
