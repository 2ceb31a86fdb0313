import { useCallback, useState } from 'react';

/**
 * The slice of a long list that is on screen: 加载更多 adds a page at the end and, past `maxShown`, drops the
 * oldest page, which 显示前面的 brings back. Every row stays reachable while the rendered WXML tree stays
 * within WeChat's experience audit (< 1,000 nodes, one setData ≤ 256 KB) however far a user reads.
 */
export interface ListWindow {
  /** First row shown (0-based) and one past the last, both within `total`. */
  start: number;
  end: number;
  hasBefore: boolean;
  hasAfter: boolean;
  more: () => void;
  back: () => void;
}

export function useListWindow(total: number, pageSize: number, maxShown: number): ListWindow {
  const [range, setRange] = useState({ start: 0, end: pageSize });
  // The list may shrink under the window (a refresh): never show past its end, never an empty window.
  const end = Math.min(range.end, total);
  const start = Math.min(range.start, Math.max(0, Math.floor((end - 1) / pageSize) * pageSize));
  const more = useCallback(
    () =>
      setRange((r) => {
        const next = Math.min(total, r.end + pageSize);
        // Starts stay on page boundaries, so a window is made of whole pages as the cloud serves them.
        return { start: Math.max(r.start, Math.ceil((next - maxShown) / pageSize) * pageSize), end: next };
      }),
    [total, pageSize, maxShown],
  );
  const back = useCallback(
    () =>
      setRange((r) => {
        const first = Math.max(0, r.start - pageSize);
        return { start: first, end: Math.min(r.end, first + maxShown) };
      }),
    [pageSize, maxShown],
  );
  return { start, end, hasBefore: start > 0, hasAfter: end < total, more, back };
}
