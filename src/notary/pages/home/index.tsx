/**
 * 现场公证 (notary area home), read-only: the notary's live shows (`notary.live.list`); for the chosen one
 * (`?liveId=` or the first not yet confirmed) the whole log (`notary.live.log`, paged with `after`): the draw, the
 * panel, every reveal with its inputs, re-openings with reasons, the signed checkpoints, every event with its
 * hash, and the head. 公证确认 shows the head hash in full and sends exactly that one (`notary.live.confirm`);
 * the cloud refuses a head the log has moved past. 导出成绩单 / 导出评分日志 through `admin.live.export`; on H5
 * 打印成绩单 prints the A4 sheet for signatures (print CSS in index.scss).
 */
import { showLabel } from '@core/live/types';
import '../../lib/actions';
import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { aggregationLabels } from '@core/judging/types';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudAction } from '../../../hooks/useCloudAction';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageShowAgain } from '../../../hooks/usePageLifecycle';
import { usePageParams } from '../../../hooks/usePageParams';
import { toCloudError } from '../../../services/cloud';
import { exportLabels, exportShow, type ExportFormat } from '../../lib/export-file';
import { beijing } from '../../lib/log-text';
import { useNotaryLog } from '../../lib/useNotaryLog';
import { CheckpointsSection } from './components/CheckpointsSection';
import { ConfirmDialog } from './components/ConfirmDialog';
import { DrawSection } from './components/DrawSection';
import { EventsSection } from './components/EventsSection';
import { Hash } from './components/Hash';
import { PrintSheet } from './components/PrintSheet';
import { RevealsSection } from './components/RevealsSection';
import { ShowTabs } from './components/ShowTabs';
import './index.scss';

type Frozen = { byName: string; at: string; head: string };

export default function NotaryHomePage() {
  const params = usePageParams();
  const { me, allowed, shell } = useAreaAccess('notary');
  const list = useCloudQuery('notary.live.list', {}, { enabled: allowed, key: me?.user?.openid });
  const shows = list.data?.shows ?? [];
  const [picked, setPicked] = useState<string | null>(params.liveId ?? null);
  const liveId = picked ?? (shows.find((s) => !s.frozen) ?? shows[0])?.liveId ?? null;
  const notary = useNotaryLog(liveId, allowed);
  const log = notary.log;
  usePageShowAgain(() => {
    if (!allowed) return;
    list.reload();
    notary.query.reload();
  });

  const confirm = useCloudAction('notary.live.confirm');
  const [asking, setAsking] = useState(false);
  const [confirmed, setConfirmed] = useState<(Frozen & { liveId: string }) | null>(null);
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const [exportNote, setExportNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [printedAt, setPrintedAt] = useState(() => Date.now());
  useEffect(() => {
    // Ctrl+P prints the sheet too: stamp the time then (the 打印 button stamps it before it prints).
    if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return;
    const stamp = () => setPrintedAt(Date.now());
    window.addEventListener('beforeprint', stamp);
    return () => window.removeEventListener('beforeprint', stamp);
  }, []);

  const frozen: Frozen | null =
    log?.frozen ?? (confirmed !== null && confirmed.liveId === log?.liveId ? confirmed : null);

  const choose = (next: string) => {
    setPicked(next);
    setExportNote(null);
    confirm.reset();
  };

  const sendConfirm = async (note: string) => {
    if (log === null) return;
    const answer = await confirm.run({ liveId: log.liveId, head: log.head.hash, ...(note ? { note } : {}) });
    if (answer === undefined) return;
    setConfirmed({ ...answer.frozen, liveId: log.liveId });
    setAsking(false);
    list.reload();
    notary.query.reload();
  };

  const runExport = async (format: ExportFormat) => {
    if (log === null || exporting !== null) return;
    setExporting(format);
    setExportNote(null);
    try {
      setExportNote({ ok: true, text: await exportShow(log.liveId, format) });
    } catch (caught) {
      setExportNote({ ok: false, text: toCloudError(caught).message });
    } finally {
      setExporting(null);
    }
  };

  const print = () => {
    setPrintedAt(Date.now());
    // After the render that stamps the time.
    setTimeout(() => window.print(), 50);
  };

  const noShows = list.data !== undefined && shows.length === 0 && liveId === null;
  return (
    <View className="notary-page">
      <PageShell
        title="现场公证"
        {...shellFor({ allowed, shell }, list, liveId !== null ? notary.query : null)}
        empty={noShows}
        emptyText="暂无需要公证的决赛场次"
      >
        <View className="notary-screen">
          {shows.length > 1 ? <ShowTabs shows={shows} chosen={liveId} onChoose={choose} /> : null}
          {notary.query.error && log !== null ? (
            <View className="notary-error notary-banner">
              {notary.query.error.message}（显示的是上次加载的内容）
              <Text className="notary-banner__link" onClick={notary.query.reload}>
                重试
              </Text>
            </View>
          ) : null}
          {log === null ? null : (
            <>
              <View className="notary-summary card">
                <View className="notary-summary__head">
                  <Text className="notary-summary__title card__title">
                    {log.contestName} · {log.roundName} · {showLabel(log.group, log.session)}
                  </Text>
                  <Text className={`notary-status${frozen ? ' notary-status--frozen' : ''}`}>
                    {frozen ? '已公证确认' : '待公证'}
                  </Text>
                </View>
                <View className="muted">汇总方式：{aggregationLabels[log.aggregation]}</View>
                <View className="notary-head">
                  <Text className="notary-head__label">日志末条哈希（共 {log.head.count} 条事件）</Text>
                  <Text className="notary-head__hash notary-mono" userSelect>
                    {log.head.hash}
                  </Text>
                  <Text className="muted">签名密钥：{log.keyId}</Text>
                </View>

                {frozen ? (
                  <View className="notary-frozen">
                    <Text className="notary-frozen__title">已公证确认</Text>
                    <Text>
                      {frozen.byName} · {beijing(frozen.at)}
                    </Text>
                    <View className="notary-kv">
                      <Text className="notary-kv__key">确认的哈希</Text>
                      <Hash value={frozen.head} />
                    </View>
                  </View>
                ) : null}

                <View className="notary-actions">
                  {frozen ? null : (
                    <Button
                      className="notary-confirm button button--primary"
                      disabled={log.more || undefined}
                      onClick={() => {
                        confirm.reset();
                        setAsking(true);
                      }}
                    >
                      公证确认
                    </Button>
                  )}
                  {(['xlsx', 'log'] as const).map((format) => (
                    <Button
                      key={format}
                      className={`notary-export-${format} button`}
                      disabled={exporting !== null || undefined}
                      onClick={() => void runExport(format)}
                    >
                      {exporting === format ? '正在导出…' : exportLabels[format]}
                    </Button>
                  ))}
                  {process.env.TARO_ENV === 'h5' ? (
                    <Button className="notary-print-button button" onClick={print}>
                      打印成绩单
                    </Button>
                  ) : null}
                  <Button className="notary-refresh button" onClick={notary.query.reload}>
                    刷新
                  </Button>
                </View>
                {log.more && !frozen ? (
                  <View className="muted">请先在下方“评分日志”中加载全部事件，核对后再公证确认。</View>
                ) : null}
                {exportNote ? (
                  <View className={exportNote.ok ? 'notary-export-done muted' : 'notary-export-error notary-error'}>
                    {exportNote.text}
                  </View>
                ) : null}
              </View>

              <DrawSection log={log} />
              <RevealsSection log={log} />
              <CheckpointsSection checkpoints={log.checkpoints} keyId={log.keyId} />
              <EventsSection
                log={log}
                loadingMore={notary.loadingMore}
                moreError={notary.moreError}
                onMore={notary.loadMore}
              />
            </>
          )}
        </View>
        {process.env.TARO_ENV === 'h5' && log !== null ? <PrintSheet log={log} printedAt={printedAt} /> : null}
        {asking && log !== null && !frozen ? (
          <ConfirmDialog
            head={log.head}
            busy={confirm.busy}
            error={confirm.error ? confirm.error.message : null}
            onConfirm={(note) => void sendConfirm(note)}
            onCancel={() => setAsking(false)}
          />
        ) : null}
      </PageShell>
    </View>
  );
}
