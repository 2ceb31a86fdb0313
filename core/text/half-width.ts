/** Full-width ASCII (what a Chinese IME types: ＡＢＣ１２３) → half-width; the ideographic space → a space. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
