// Taro's DefinePlugin replaces these at build time; nothing else of Node's `process` exists here.
declare const process: {
  env: {
    TARO_ENV: 'weapp' | 'h5';
    NODE_ENV: 'development' | 'production';
  };
};

/** The CloudBase environment id from LINLI_TCB_ENV at build time; empty means DevTools' default. */
declare const LINLI_TCB_ENV: string;
