// babel-preset-taro: JSX, TypeScript and the per-target polyfill policy Taro expects.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
