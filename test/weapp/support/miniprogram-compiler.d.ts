/** miniprogram-compiler ships no types; these are the two entry points the weapp test uses. */
declare module 'miniprogram-compiler' {
  /** Runs wcc over every .wxml under rootPath; returns a script whose result is `$gwx(path)`. Throws on errors. */
  export function wxmlToJs(rootPath: string, options?: { wxmlList?: string[]; maxBuffer?: number }): string;
  export function wxssToJs(rootPath: string, options?: { wxssList?: string[]; maxBuffer?: number }): string;
}

declare module 'miniprogram-compiler/src/wcsc' {
  /** Runs wcsc; returns compiled styles keyed by file (plus `comm`), or an Error carrying wcsc's message. */
  function wcsc(rootPath: string, files: string[], options?: { maxBuffer?: number }): Record<string, string> | Error;
  export = wcsc;
}
