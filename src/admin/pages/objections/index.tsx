/**
 * 异议处理 (organizers): objections filed against result lists during their 公示 period, 待答复 first
 * (the filter starts there), newest first. Each shows the list, the project it is about (or the whole
 * list), the reason, the filer's contact and the time; 答复 needs text and moves it to 已答复, where the
 * answer is shown (the filer reads it under 我的异议).
 */
import '../../lib/actions';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import type { ObjectionView } from '@core/results/views';
import { formatShanghai } from '@core/time/shanghai';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useAreaAccess } from '../../../hooks/useAreaAccess';
import { useCloudAction } from '../../../hooks/useCloudAction';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { callCloud, toCloudError } from '../../../services/cloud';
import { openInWeChat, openPendingTab, showInTab } from '../../../services/open-file';
import { ChoiceSelect, type Choice } from '../../components/ChoiceSelect';
import '../../styles/admin.scss';
import './index.scss';

const ANSWER_MAX = 1000;

type Status = ObjectionView['status'];
const statusChoices: Array<Choice<Status>> = [
  { value: 'open', label: '待答复' },
  { value: 'answered', label: '已答复' },
];

/** Why an answer can't be sent as typed, or null. The server checks again. */
function answerProblem(answer: string): string | null {
  const trimmed = answer.trim();
  if (trimmed === '') return '请填写答复';
  if (trimmed.length > ANSWER_MAX) return `答复不能超过 ${ANSWER_MAX} 个字`;
  return null;
}

export default function AdminObjectionsPage() {
  const access = useAreaAccess('admin');
  const [status, setStatus] = useState<Status | undefined>('open');
  const list = useCloudQuery('admin.objection.list', status ? { status } : {}, { enabled: access.allowed });
  // Answered here, shown as answered at once, even under the 待答复 filter until the next reload.
  const [answered, setAnswered] = useState<Record<string, ObjectionView>>({});
  const data = list.data;
  const items = (data?.items ?? []).map((o) => answered[o.id] ?? o);
  return (
    <View className="admin-wide">
      <PageShell title="异议处理" {...shellFor(access, list)}>
        <View className="objections-toolbar card">
          <ChoiceSelect
            className="objections-filter"
            label="状态"
            allLabel="全部"
            value={status}
            options={statusChoices}
            onChange={(v) => {
              setAnswered({});
              setStatus(v);
            }}
          />
          <Text className="muted objections-toolbar__note">
            公示期内，公众可对已发布的名单提出异议；答复会告知提出人。
          </Text>
        </View>
        {list.error && data ? (
          <View className="objections-error admin-error">
            {list.error.message}
            <Text className="objections-retry admin-link" onClick={list.reload}>
              {' '}
              重试
            </Text>
          </View>
        ) : null}
        {data && items.length === 0 ? (
          <View className="objections-empty card muted">
            {status === 'open' ? '没有待答复的异议' : status === 'answered' ? '还没有已答复的异议' : '还没有收到异议'}
          </View>
        ) : null}
        <View className={list.loading ? 'objections-list objections-list--refreshing' : 'objections-list'}>
          {items.map((objection) => (
            <ObjectionRow
              key={objection.id}
              objection={objection}
              onAnswered={(done) => setAnswered((current) => ({ ...current, [done.id]: done }))}
            />
          ))}
        </View>
      </PageShell>
    </View>
  );
}

function ObjectionRow({
  objection,
  onAnswered,
}: {
  objection: ObjectionView;
  onAnswered: (objection: ObjectionView) => void;
}) {
  const [answer, setAnswer] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // The same answer retried while its outcome is unknown is one write.
  const answerAction = useCloudAction('admin.objection.answer');
  const busy = answerAction.busy;
  const refused = answerAction.error?.details?.answer;
  const shownProblem =
    problem ?? (answerAction.error ? (typeof refused === 'string' ? refused : answerAction.error.message) : null);
  const [opening, setOpening] = useState(false);
  const [fileProblem, setFileProblem] = useState<string | null>(null);

  /** The filer's evidence, on a ten-minute link only the list's organizers (and the filer) can get. */
  const openEvidence = async () => {
    if (opening) return;
    const tab = openPendingTab();
    setOpening(true);
    setFileProblem(null);
    try {
      const { url } = await callCloud('files.link.get', { attachment: 'objectionEvidence', objectionId: objection.id });
      if (process.env.TARO_ENV === 'h5') showInTab(url, tab);
      else if (/\.(png|jpe?g)$/i.test(objection.attachmentName ?? '')) await Taro.previewImage({ urls: [url] });
      else await openInWeChat(url, 'pdf');
    } catch (caught) {
      tab?.close();
      setFileProblem(toCloudError(caught).message);
    } finally {
      setOpening(false);
    }
  };

  const submit = async () => {
    if (busy) return;
    answerAction.reset();
    const found = answerProblem(answer);
    setProblem(found);
    if (found !== null) return;
    const result = await answerAction.run({ id: objection.id, answer: answer.trim() });
    if (result) onAnswered(result.objection);
  };

  const open = objection.status === 'open';
  return (
    <View className="objection-row card" data-objection-id={objection.id} data-status={objection.status}>
      <View className="objection-row__head">
        <Text className={`objection-status objection-status--${objection.status}`}>{open ? '待答复' : '已答复'}</Text>
        <Text className="objection-time muted">
          提出于 {formatShanghai(objection.createdAt, 'YYYY-MM-DD HH:mm')}（北京时间）
        </Text>
      </View>
      <Text className="objection-list objection-row__title">{objection.listTitle}</Text>
      <View className="objection-contest muted">{objection.contestName}</View>
      <View className="objection-field">
        <Text className="objection-field__label">针对项目</Text>
        <Text className="objection-project">{objection.projectName ?? '整份名单'}</Text>
      </View>
      <View className="objection-field">
        <Text className="objection-field__label">异议理由</Text>
        <Text className="objection-reason">{objection.reason}</Text>
      </View>
      <View className="objection-field">
        <Text className="objection-field__label">联系方式</Text>
        <Text className="objection-contact">{objection.contact}</Text>
      </View>
      {objection.hasAttachment ? (
        <View className="objection-field">
          <Text className="objection-field__label">附件</Text>
          <Button
            className="objection-attachment button"
            size="mini"
            loading={opening}
            disabled={opening}
            onClick={() => void openEvidence()}
          >
            查看证明材料{objection.attachmentName ? `（${objection.attachmentName}）` : ''}
          </Button>
          {fileProblem ? (
            <Text className="objection-attachment-error objection-answer-error">{fileProblem}</Text>
          ) : null}
        </View>
      ) : null}
      {open ? (
        <View className="objection-answer">
          <Textarea
            className="objection-answer-input admin-textarea"
            value={answer}
            maxlength={ANSWER_MAX}
            placeholder="答复内容，会告知异议提出人"
            disabled={busy}
            onInput={(e) => {
              setAnswer(e.detail.value);
              if (problem) setProblem(null);
              if (answerAction.error) answerAction.reset();
            }}
          />
          <View className="objection-answer__meta">
            {shownProblem ? <Text className="objection-answer-error">{shownProblem}</Text> : <Text />}
            <Text className="muted">
              {answer.trim().length}/{ANSWER_MAX}
            </Text>
          </View>
          <View className="objection-answer__buttons">
            <Button
              className="objection-answer-submit button button--primary"
              size="mini"
              disabled={busy}
              onClick={() => void submit()}
            >
              {busy ? '正在提交…' : '提交答复'}
            </Button>
          </View>
        </View>
      ) : (
        <View className="objection-answered">
          <Text className="objection-field__label">答复</Text>
          <Text className="objection-answered__text">{objection.answer}</Text>
          {objection.answeredAt ? (
            <View className="objection-answered-at muted">
              答复于 {formatShanghai(objection.answeredAt, 'YYYY-MM-DD HH:mm')}
            </View>
          ) : null}
        </View>
      )}
    </View>
  );
}
