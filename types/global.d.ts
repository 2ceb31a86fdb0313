/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | undefined;
    NODE_ENV: 'development' | 'production' | 'test';
  }
}

/** Injected by config/index.ts (defineConstants). */
declare const CLOUD_ENV: string;
declare const APP_VERSION: string;
