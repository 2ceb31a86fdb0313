/**
 * Page numbers for a long list (past 1,000 entries the server pages with skip/limit): 上一页 / 下一页,
 * the first and last page, two on each side of the current one, and a jump box. Used by 报名审核,
 * 新闻管理 and the entry picker of 成绩发布; `hook` prefixes its class names so two pagers on one screen
 * (H5 keeps earlier pages mounted) stay apart.
 */
import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import './index.scss';

export interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
  /** Prefix of the class hooks. */
  hook?: string;
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

export function Pager({ page, pageSize, total, onChange, hook = 'entries' }: PagerProps) {
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
    <View className={`pager ${hook}-pager`}>
      <Text className={`pager__total ${hook}-total`}>
        共 {total} 条 · 第 {Math.min(page, pages)} / {pages} 页
      </Text>
      <View className="pager__pages">
        <Button className={`${hook}-prev button`} size="mini" disabled={page <= 1} onClick={() => go(page - 1)}>
          上一页
        </Button>
        {pageWindow(Math.min(page, pages), pages).map((p, i) =>
          p === null ? (
            <Text key={`gap-${i}`} className="pager__gap">
              …
            </Text>
          ) : (
            <View
              key={p}
              className={`pager__page ${hook}-page${p === page ? ` pager__page--current ${hook}-page--current` : ''}`}
              data-page={String(p)}
              onClick={() => go(p)}
            >
              {p}
            </View>
          ),
        )}
        <Button className={`${hook}-next button`} size="mini" disabled={page >= pages} onClick={() => go(page + 1)}>
          下一页
        </Button>
      </View>
      {pages > 7 ? (
        <View className="pager__jump">
          <Text className="muted">跳至</Text>
          <Input
            className={`pager__jump-input ${hook}-jump admin-input`}
            type="number"
            value={jump}
            placeholder={String(pages)}
            onInput={(e) => setJump(e.detail.value)}
            onConfirm={jumpTo}
          />
          <Text className="muted">页</Text>
          <Button className={`${hook}-jump-go button`} size="mini" onClick={jumpTo}>
            前往
          </Button>
        </View>
      ) : null}
    </View>
  );
}

export default Pager;
