/**
 * `process.env.TARO_ENV` / `NODE_ENV` are replaced by the Taro build; the app program has no Node types,
 * so declare only what the replacement needs (the keys are typed in types/global.d.ts).
 */
declare const process: { env: NodeJS.ProcessEnv };
