/**
 * Page numbers for a long list (past 1,000 entries the server pages with skip/limit): 上一页 / 下一页,
 * the first and last page, two on each side of the current one, and a jump box.
 * Class hooks: entries-total, entries-prev, entries-next, entries-page (data-page; entries-page--current),
 * entries-jump (the box) and entries-jump-go.
 */
import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';

export interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

/** 1 … 4 5 [6] 7 8 … 57: null marks a gap. */
export function pageWindow(page: number, pages: number, around = 2): Array<number | null> {
  const shown = new Set<number>([1, pages]);
  for (let p = page - around; p <= page + around; p++) if (p >= 1 && p <= pages) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: Array<number | null> = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (typeof last === 'number' && p - last > 1) out.push(null);
    out.push(p);
  }
  return out;
}

export function Pager({ page, pageSize, total, onChange }: PagerProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const [jump, setJump] = useState('');
  const go = (p: number) => {
    const next = Math.min(pages, Math.max(1, p));
    if (next !== page) onChange(next);
  };
  const jumpTo = () => {
    const n = Number(jump);
    if (Number.isInteger(n) && n >= 1) go(n);
    setJump('');
  };
  return (
    <View className="entries-pager">
      <Text className="entries-total">
        共 {total} 条 · 第 {Math.min(page, pages)} / {pages} 页
      </Text>
      <View className="entries-pager__pages">
        <Button className="entries-prev admin-btn" size="mini" disabled={page <= 1} onClick={() => go(page - 1)}>
          上一页
        </Button>
        {pageWindow(Math.min(page, pages), pages).map((p, i) =>
          p === null ? (
            <Text key={`gap-${i}`} className="entries-pager__gap">
              …
            </Text>
          ) : (
            <View
              key={p}
              className={`entries-page${p === page ? ' entries-page--current' : ''}`}
              data-page={String(p)}
              onClick={() => go(p)}
            >
              {p}
            </View>
          ),
        )}
        <Button className="entries-next admin-btn" size="mini" disabled={page >= pages} onClick={() => go(page + 1)}>
          下一页
        </Button>
      </View>
      {pages > 7 ? (
        <View className="entries-pager__jump">
          <Text className="muted">跳至</Text>
          <Input
            className="entries-jump admin-input"
            type="number"
            value={jump}
            placeholder={String(pages)}
            onInput={(e) => setJump(e.detail.value)}
            onConfirm={jumpTo}
          />
          <Text className="muted">页</Text>
          <Button className="entries-jump-go admin-btn" size="mini" onClick={jumpTo}>
            前往
          </Button>
        </View>
      ) : null}
    </View>
  );
}
