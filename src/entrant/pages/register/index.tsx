/**
 * 报名 (`/entrant/pages/register/index?contestId=&group=`): the enterprise or maker form. Each field is
 * checked by core's schemas as the user leaves it and all at once on submit, the message beside the
 * field. While the entry is new, a draft or withdrawn, it is saved to the cloud ~800 ms after typing
 * stops (and when the page is hidden), with a local copy in storage for when the network is away; the
 * newer of the two is restored on any device. A submitted entry that may still change is edited here
 * and sent with 提交修改 (no drafts: they never overwrite a submitted entry).
 *
 * Class hooks: register-form (register-form--enterprise / --maker), form-field form-field-<name> with
 * field-error inside (names: companyName, creditCode, district, foundedOn, employees, revenue, field,
 * projectName, summary, highlights, team, contactName, mobile, email, leaderName, idNumber, members,
 * businessPlan), form-counter (项目简介 n/500), group-switch-enterprise / group-switch-maker,
 * id-masked, id-reenter, member-row (member-name, member-role, member-remove), member-add, upload-plan
 * (see PlanUpload), save-state (save-state--idle/saving/saved/failed), draft-restored, register-banner
 * (register-banner--<code>), register-submit (提交报名 / 提交修改), register-locked, register-closed.
 */
import '../../lib/actions';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { ContestDetail } from '@core/contest/views';
import { groupLabels, type Group } from '@core/contest/types';
import { entryStatusLabels } from '@core/registration/entry-status';
import { SUMMARY_MAX } from '@core/registration/forms';
import type { MyEntry } from '@core/registration/views';
import { formatShanghai, shanghaiDay } from '@core/time/shanghai';
import { liveStatus } from '../../../components/ContestCard/countdown';
import { ChoiceInput, Counter, DateInput, FormField, TextArea, TextInput } from '../../../components/FormField';
import { PageShell } from '../../../components/PageShell';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageHide } from '../../../hooks/usePageLifecycle';
import { usePageParams } from '../../../hooks/usePageParams';
import { useRequestId } from '../../../hooks/useRequestId';
import { useServerNow } from '../../../hooks/useServerNow';
import { useSignedIn } from '../../../hooks/useSignedIn';
import { callCloud, toCloudError, type CloudError } from '../../../services/cloud';
import { routes } from '../../../services/routes';
import { scrollPageSoon } from '../../../services/scroll';
import { serverNow } from '../../../services/server-clock';
import { clearLocalDraft, markLocalDraftSynced, readLocalDraft, writeLocalDraft } from '../../lib/local-draft';
import {
  checkValues,
  emptyValues,
  knownFields,
  MEMBERS_MAX,
  serverProblem,
  toDraft,
  valuesFromStored,
  type FormValues,
  type TextName,
} from '../../lib/registration-form';
import { useAutosave, type SaveState } from '../../lib/use-autosave';
import { PlanUpload } from './PlanUpload';
import './index.scss';

export default function RegisterPage() {
  const { contestId = '', group } = usePageParams();
  const { user, shell } = useSignedIn('请先登录后再报名');
  const contest = useCloudQuery('contest.get', { id: contestId }, { enabled: contestId !== '' });
  const mine = useCloudQuery('registration.mine', {}, { enabled: user !== null, key: user?.openid });
  const ready = user !== null && contest.data !== undefined && mine.data !== undefined;
  const waiting =
    (contestId !== '' && contest.data === undefined && contest.error === null) ||
    (user !== null && mine.data === undefined && mine.error === null);
  const entry = mine.data?.items.find((e) => e.contestId === contestId);
  return (
    <PageShell
      {...shell}
      loading={shell.loading || (!shell.forbidden && waiting)}
      error={shell.error ?? contest.error ?? mine.error}
      onRetry={shell.error ? shell.onRetry : () => (contest.error ? contest.reload() : mine.reload())}
      empty={contestId === ''}
      emptyText="没有指定赛事"
    >
      {ready && contest.data && user ? (
        <RegisterForm
          key={`${contestId}|${user.openid}`}
          contest={contest.data.contest}
          serverNowIso={contest.data.now}
          entry={entry}
          openid={user.openid}
          groupParam={group === 'enterprise' || group === 'maker' ? group : undefined}
        />
      ) : null}
    </PageShell>
  );
}

type Mode = 'draft' | 'edit' | 'locked' | 'closed';

function modeOf(contest: ContestDetail, entry: MyEntry | undefined, open: boolean): Mode {
  if (entry && entry.status !== 'draft' && entry.status !== 'withdrawn') return entry.editable ? 'edit' : 'locked';
  return open ? 'draft' : 'closed';
}

interface Initial {
  values: FormValues;
  /** A local copy newer than the cloud's was restored and still has to be sent. */
  restoredLocal: boolean;
}

function initialValues(
  contest: ContestDetail,
  entry: MyEntry | undefined,
  mode: Mode,
  openid: string,
  groupParam: Group | undefined,
): Initial {
  const offered = (g: Group | undefined): g is Group => g !== undefined && contest.groups.includes(g);
  const fallbackGroup = offered(groupParam) ? groupParam : (contest.groups[0] ?? 'enterprise');
  const fromEntry = entry ? valuesFromStored(entry.form, entry.group) : null;
  if (mode !== 'draft') return { values: fromEntry ?? emptyValues(fallbackGroup), restoredLocal: false };
  const local = readLocalDraft(openid, contest.id);
  const cloudEditedAt = entry ? Date.parse(entry.updatedAt) : Number.NEGATIVE_INFINITY;
  // Newer wins: an unsent local copy typed after the cloud's last save (on this or another device).
  if (local && !local.synced && local.editedAt > cloudEditedAt && offered(local.values.group)) {
    return { values: local.values, restoredLocal: true };
  }
  if (fromEntry && offered(fromEntry.group)) return { values: fromEntry, restoredLocal: false };
  return { values: emptyValues(fallbackGroup), restoredLocal: false };
}

interface RegisterFormProps {
  contest: ContestDetail;
  serverNowIso: string;
  entry: MyEntry | undefined;
  openid: string;
  groupParam: Group | undefined;
}

function RegisterForm({ contest, serverNowIso, entry, openid, groupParam }: RegisterFormProps) {
  useServerNow(serverNowIso, false);
  const open = liveStatus(contest.registration, serverNow()) === 'open';
  const [mode] = useState<Mode>(() => modeOf(contest, entry, open));
  const [initial] = useState<Initial>(() => initialValues(contest, entry, mode, openid, groupParam));
  const [values, setValues] = useState<FormValues>(initial.values);
  const valuesRef = useRef(values);
  const editedAt = useRef(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<{ code: string; message: string } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const idMaskedStored =
    typeof entry?.form.idMasked === 'string' && entry.form.idMasked !== '' ? entry.form.idMasked : null;
  const [reenterId, setReenterId] = useState(false);
  const idMasked = reenterId ? null : idMaskedStored;
  const request = useRequestId();

  const autosave = useAutosave({
    enabled: mode === 'draft',
    save: async () => {
      const at = editedAt.current;
      const saved = await callCloud('registration.draft.save', {
        contestId: contest.id,
        form: toDraft(valuesRef.current),
      });
      markLocalDraftSynced(openid, contest.id, at);
      return saved.savedAt;
    },
    onRefused: (error) => setBanner({ code: error.code, message: error.message }),
  });
  usePageHide(autosave.flush);

  // The restored local copy is newer than the cloud's: send it as soon as the page is up.
  const { changed } = autosave;
  useEffect(() => {
    if (!initial.restoredLocal) return;
    editedAt.current = serverNow();
    changed();
  }, [initial.restoredLocal, changed]);

  const today = shanghaiDay(serverNow());
  const known = useMemo(() => knownFields(values.group), [values.group]);

  const check = (next: FormValues, fields: readonly string[], show: 'touched' | 'shown') => {
    const result = checkValues(next, idMasked, today);
    const found = result.ok ? {} : result.errors;
    setErrors((prev) => {
      const out = { ...prev };
      for (const field of fields) {
        // While typing, only a message already shown is updated (or cleared); leaving a field shows it.
        if (show === 'shown' && out[field] === undefined) continue;
        const message = found[field];
        if (message === undefined) delete out[field];
        else out[field] = message;
      }
      return out;
    });
  };

  const edited = (next: FormValues, fields: readonly string[]) => {
    valuesRef.current = next;
    setValues(next);
    check(next, fields, 'shown');
    if (mode === 'draft') {
      editedAt.current = serverNow();
      writeLocalDraft(openid, contest.id, next, editedAt.current);
      autosave.changed();
    }
  };

  const setText = (name: TextName, value: string) =>
    edited({ ...valuesRef.current, text: { ...valuesRef.current.text, [name]: value } }, [name]);
  const blur = (name: string) => () => check(valuesRef.current, [name], 'touched');

  const submit = async () => {
    if (submitting) return;
    const current = valuesRef.current;
    const result = checkValues(current, idMasked, today);
    if (!result.ok) {
      setErrors(result.errors);
      const count = Object.keys(result.errors).length;
      setBanner({ code: 'INVALID_INPUT', message: `还有 ${count} 项需要修改，请检查标红的项目` });
      scrollToFirstError();
      return;
    }
    // Same form, same attempt: a retry while the first one's outcome is unknown must not submit twice.
    const requestId = request.idFor(JSON.stringify(result.value));
    setSubmitting(true);
    setBanner(null);
    await autosave.hold(true);
    try {
      await callCloud('registration.submit', { contestId: contest.id, form: result.value }, { requestId });
      request.settle();
      clearLocalDraft(openid, contest.id);
      void Taro.showToast({ title: mode === 'edit' ? '修改已提交' : '报名已提交', icon: 'success' });
      void Taro.redirectTo({ url: routes.entry(contest.id) });
    } catch (caught) {
      const error = toCloudError(caught);
      request.settle(error);
      showProblem(error);
      await autosave.hold(false);
    } finally {
      setSubmitting(false);
    }
  };

  const showProblem = (error: CloudError) => {
    const problem = serverProblem(error, known);
    setErrors((prev) => ({ ...prev, ...problem.fields }));
    setBanner({ code: error.code, message: problem.banner });
    if (Object.keys(problem.fields).length > 0) scrollToFirstError();
  };

  if (mode === 'locked' && entry) {
    return (
      <View className="register-locked card">
        <View className="card__title">报名已进入「{entryStatusLabels[entry.status]}」，不能再修改</View>
        <View className="muted">如需更正信息，请联系组委会。</View>
        <Button
          className="primary-button register-locked__go"
          onClick={() => void Taro.redirectTo({ url: routes.entry(contest.id) })}
        >
          查看我的报名
        </Button>
      </View>
    );
  }
  if (mode === 'closed') {
    const upcoming = liveStatus(contest.registration, serverNow()) === 'upcoming';
    return (
      <View className="register-closed card">
        <View className="card__title">{upcoming ? '报名尚未开始' : '报名已截止'}</View>
        <View className="muted">
          {upcoming
            ? `开始时间：北京时间 ${formatShanghai(contest.registration.opensAt)}`
            : `截止时间：北京时间 ${formatShanghai(contest.registration.closesAt)}`}
        </View>
      </View>
    );
  }

  const t = values.text;
  const fieldProps = (name: TextName, maxlength: number, placeholder?: string) => ({
    value: t[name],
    maxlength,
    placeholder,
    onChange: (value: string) => setText(name, value),
    onBlur: blur(name),
  });
  const textField = (
    name: TextName,
    label: string,
    maxlength: number,
    placeholder?: string,
    type?: 'number' | 'digit',
  ) => (
    <FormField name={name} label={label} required error={errors[name]}>
      <TextInput {...fieldProps(name, maxlength, placeholder)} type={type} />
    </FormField>
  );
  const areaField = (name: TextName, label: string, maxlength: number, placeholder: string, counter = false) => (
    <FormField
      name={name}
      label={label}
      required
      error={errors[name]}
      aside={counter ? <Counter length={t[name].length} max={maxlength} /> : undefined}
    >
      <TextArea {...fieldProps(name, maxlength, placeholder)} />
    </FormField>
  );
  const choose = (name: 'district' | 'field') => (value: string) => {
    setText(name, value);
    check(valuesRef.current, [name], 'touched');
  };

  const districtField = (
    <FormField
      name="district"
      label={contest.districts.length > 0 ? '所在区' : '所在地区'}
      required
      error={errors.district}
    >
      {contest.districts.length > 0 ? (
        <ChoiceInput
          value={t.district}
          options={contest.districts}
          placeholder="请选择所在区"
          onChange={choose('district')}
        />
      ) : (
        <TextInput {...fieldProps('district', 20, '如：杭州市西湖区')} />
      )}
    </FormField>
  );

  const switchGroup = (group: Group) => {
    if (group === values.group) return;
    setErrors({});
    setBanner(null);
    edited({ ...valuesRef.current, group }, []);
  };

  return (
    <View className={`register-form register-form--${values.group}`}>
      <View className="register-head card">
        <View className="card__title">{contest.name}</View>
        <View className="muted">
          {mode === 'edit'
            ? '修改已提交的报名，修改后请点击“提交修改”'
            : `报名截止：北京时间 ${formatShanghai(contest.registration.closesAt)}`}
        </View>
        {mode === 'draft' && contest.groups.length > 1 ? (
          <View className="group-switch">
            {contest.groups.map((group) => (
              <Text
                key={group}
                className={`group-switch-${group} group-switch__option${group === values.group ? ' group-switch__option--active' : ''}`}
                onClick={() => switchGroup(group)}
              >
                {groupLabels[group]}
              </Text>
            ))}
          </View>
        ) : (
          <View className="register-group muted">参赛组别：{groupLabels[values.group]}</View>
        )}
        {initial.restoredLocal ? <View className="draft-restored note">已恢复本机上次未同步的填写内容</View> : null}
      </View>

      {values.group === 'enterprise' ? (
        <>
          <View className="section-title">企业信息</View>
          <View className="card form-card">
            {textField('companyName', '企业名称', 60, '与营业执照一致')}
            {textField('creditCode', '统一社会信用代码', 30, '18 位，见营业执照')}
            {districtField}
            <FormField name="foundedOn" label="成立日期" required error={errors.foundedOn}>
              <DateInput
                value={t.foundedOn}
                end={today}
                onChange={(value) => {
                  setText('foundedOn', value);
                  check(valuesRef.current, ['foundedOn'], 'touched');
                }}
              />
            </FormField>
            {textField('employees', '员工人数', 7, '人', 'number')}
            {textField('revenue', '上年度营业收入（万元）', 12, '万元，无收入填 0', 'digit')}
          </View>
        </>
      ) : (
        <>
          <View className="section-title">创客信息</View>
          <View className="card form-card">
            {textField('leaderName', '负责人姓名', 20)}
            <IdNumberField
              masked={idMasked}
              error={errors.idNumber}
              input={<TextInput {...fieldProps('idNumber', 18, '18 位身份证号码')} type={undefined} />}
              onReenter={() => {
                setReenterId(true);
                setText('idNumber', '');
              }}
            />
            <MembersField
              members={values.members}
              errors={errors}
              onChange={(members, fields) => edited({ ...valuesRef.current, members }, fields)}
              onBlur={(field) => check(valuesRef.current, [field], 'touched')}
            />
            {districtField}
          </View>
        </>
      )}

      <View className="section-title">项目信息</View>
      <View className="card form-card">
        <FormField name="field" label="行业领域" required error={errors.field}>
          <ChoiceInput
            value={t.field}
            options={contest.fields}
            placeholder="请选择行业领域"
            onChange={choose('field')}
          />
        </FormField>
        {textField('projectName', '项目名称', 40)}
        {areaField('summary', '项目简介', SUMMARY_MAX, '项目做什么、为谁解决什么问题（不超过 500 字）', true)}
        {areaField('highlights', '创新亮点', 1000, '技术、产品或商业模式上的创新')}
        {values.group === 'enterprise' ? areaField('team', '团队介绍', 1000, '核心团队成员及分工') : null}
      </View>

      <View className="section-title">联系方式</View>
      <View className="card form-card">
        {values.group === 'enterprise' ? textField('contactName', '联系人', 20) : null}
        {textField('mobile', '手机', 20, '11 位手机号码', 'number')}
        {textField('email', '邮箱', 80, 'name@example.com')}
      </View>

      <View className="section-title">商业计划书</View>
      <View className="card form-card">
        <FormField
          name="businessPlan"
          label="商业计划书（PDF）"
          required
          error={errors.businessPlan}
          hint="仅限 PDF 格式，不超过 20 MB"
        >
          <PlanUpload
            contestId={contest.id}
            value={values.businessPlan}
            disabled={submitting || undefined}
            onUploaded={(plan) => edited({ ...valuesRef.current, businessPlan: plan }, ['businessPlan'])}
            onError={(message) => setErrors((prev) => ({ ...prev, businessPlan: message }))}
          />
        </FormField>
      </View>

      <View className="register-actions">
        {banner ? (
          <View className={`register-banner register-banner--${banner.code}`}>
            <Text>{banner.message}</Text>
            {banner.code === 'DUPLICATE_ENTRY' ? (
              <Text className="register-banner__link" onClick={() => void Taro.navigateTo({ url: routes.entrantHome })}>
                查看我的报名
              </Text>
            ) : null}
            {banner.code === 'INVALID_STATE' ? (
              <Text
                className="register-banner__link"
                onClick={() => void Taro.redirectTo({ url: routes.entry(contest.id) })}
              >
                查看报名状态
              </Text>
            ) : null}
          </View>
        ) : null}
        <Button
          className="register-submit primary-button"
          loading={submitting || undefined}
          disabled={submitting || undefined}
          onClick={() => void submit()}
        >
          {mode === 'edit' ? '提交修改' : '提交报名'}
        </Button>
        <SaveStateLine
          mode={mode}
          state={autosave.state}
          lastSaved={entry?.status === 'draft' ? entry.updatedAt : null}
        />
      </View>
    </View>
  );
}

function SaveStateLine({ mode, state, lastSaved }: { mode: Mode; state: SaveState; lastSaved: string | null }) {
  if (mode === 'edit')
    return <View className="save-state save-state--idle">已提交的报名不会自动保存，修改后请提交</View>;
  switch (state.kind) {
    case 'saving':
      return <View className="save-state save-state--saving">保存中…</View>;
    case 'saved':
      return <View className="save-state save-state--saved">已保存 {formatShanghai(state.at, 'HH:mm')}</View>;
    case 'failed':
      return <View className="save-state save-state--failed">{state.message}</View>;
    default:
      return (
        <View className="save-state save-state--idle">
          {lastSaved ? `已保存 ${formatShanghai(lastSaved, 'HH:mm')}` : '填写内容会自动保存为草稿'}
        </View>
      );
  }
}

function IdNumberField(props: {
  masked: string | null;
  error: string | undefined;
  input: ReactNode;
  onReenter: () => void;
}) {
  return (
    <FormField
      name="idNumber"
      label="身份证号码"
      required
      error={props.error}
      hint="仅用于核验同一届是否重复报名：系统只保存加密摘要和掩码，不保存号码本身"
    >
      {props.masked ? (
        <View className="id-masked">
          <Text>已填写 </Text>
          <Text className="id-masked__value">{props.masked}</Text>
          <Text className="id-reenter link" onClick={props.onReenter}>
            重新填写
          </Text>
        </View>
      ) : (
        props.input
      )}
    </FormField>
  );
}

function MembersField(props: {
  members: FormValues['members'];
  errors: Record<string, string>;
  onChange: (members: FormValues['members'], fields: string[]) => void;
  onBlur: (field: string) => void;
}) {
  const { members, errors, onChange, onBlur } = props;
  const setMember = (index: number, key: 'name' | 'role', value: string) =>
    onChange(
      members.map((m, i) => (i === index ? { ...m, [key]: value } : m)),
      [`members.${index}.${key}`],
    );
  // Removing a row renumbers the ones after it, so their messages are recomputed too.
  const remove = (index: number) =>
    onChange(
      members.filter((_, i) => i !== index),
      ['members', ...members.flatMap((_, i) => [`members.${i}.name`, `members.${i}.role`])],
    );
  return (
    <FormField
      name="members"
      label={`团队成员（${members.length}/${MEMBERS_MAX}）`}
      error={errors.members}
      hint="负责人以外的成员，可不填"
    >
      {members.map((member, index) => (
        <View key={index} className={`member-row member-row-${index}`}>
          <View className="member-row__inputs">
            <View className={`member-name${errors[`members.${index}.name`] ? ' form-field--error' : ''}`}>
              <TextInput
                value={member.name}
                maxlength={20}
                placeholder="姓名"
                onChange={(value) => setMember(index, 'name', value)}
                onBlur={() => onBlur(`members.${index}.name`)}
              />
              {errors[`members.${index}.name`] ? (
                <View className="field-error">{errors[`members.${index}.name`]}</View>
              ) : null}
            </View>
            <View className={`member-role${errors[`members.${index}.role`] ? ' form-field--error' : ''}`}>
              <TextInput
                value={member.role}
                maxlength={20}
                placeholder="分工，如：技术负责人"
                onChange={(value) => setMember(index, 'role', value)}
                onBlur={() => onBlur(`members.${index}.role`)}
              />
              {errors[`members.${index}.role`] ? (
                <View className="field-error">{errors[`members.${index}.role`]}</View>
              ) : null}
            </View>
          </View>
          <Text className="member-remove link" onClick={() => remove(index)}>
            删除
          </Text>
        </View>
      ))}
      {members.length < MEMBERS_MAX ? (
        <Button className="member-add" size="mini" onClick={() => onChange([...members, { name: '', role: '' }], [])}>
          添加成员
        </Button>
      ) : (
        <View className="muted">团队成员最多 {MEMBERS_MAX} 人</View>
      )}
    </FormField>
  );
}

function scrollToFirstError(): void {
  scrollPageSoon({ selector: '.form-field--error' });
}
