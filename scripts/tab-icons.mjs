// Draws the tab bar icons (src/assets/tabbar/*.png) from the SVG below with the machine's Chromium, so an
// icon is changed here and regenerated (`npm run icons`), never edited as a binary. WeChat wants PNG or JPG
// (no SVG) of at most 40 KB each; 81×81 px is its recommended size. The PNGs are committed: the build does not
// need Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'src/assets/tabbar');
const SIZE = 81;
// The tab bar's color and selectedColor in src/app.config.ts.
const COLORS = { normal: '#6b7280', active: '#c8102e' };

// 24×24 strokes, drawn for this app.
const ICONS = {
  home: '<path d="M3.5 11 12 4l8.5 7"/><path d="M5.5 9.5V20h13V9.5"/><path d="M10 20v-5.5h4V20"/>',
  news: '<rect x="4.5" y="3.5" width="15" height="17" rx="2"/><path d="M8 8h8M8 12h8M8 16h5"/>',
  results:
    '<path d="M7.5 4h9v5a4.5 4.5 0 0 1-9 0z"/><path d="M7.5 6H4.5a3 3 0 0 0 3 4M16.5 6h3a3 3 0 0 1-3 4"/><path d="M12 13.5V17M8.5 20h7M9.5 17h5v3h-5z"/>',
  me: '<circle cx="12" cy="8.5" r="4"/><path d="M4.5 20.5c.8-3.9 3.8-6 7.5-6s6.7 2.1 7.5 6"/>',
};

function svg(body, color) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 24 24" fill="none" stroke="${color}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, body] of Object.entries(ICONS)) {
    for (const [state, color] of Object.entries(COLORS)) {
      await page.setContent(`<body style="margin:0;background:transparent">${svg(body, color)}</body>`);
      const file = path.join(outDir, state === 'normal' ? `${name}.png` : `${name}-active.png`);
      await page.locator('svg').screenshot({ path: file, omitBackground: true });
      console.log(`${path.relative(root, file)}  ${fs.statSync(file).size} B`);
    }
  }
} finally {
  await browser.close();
}
