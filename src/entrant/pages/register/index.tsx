/**
 * 报名 (`/entrant/pages/register/index?contestId=&group=`): the enterprise or maker form. Each field is
 * checked by core's schemas as the user leaves it and all at once on submit, the message beside the
 * field. While the entry is new, a draft or withdrawn, it is saved to the cloud ~800 ms after typing
 * stops (and when the page is hidden), with a local copy in storage for when the network is away; the
 * newer of the two is restored on any device. A submitted entry that may still change is edited here
 * and sent with 提交修改 (no drafts: they never overwrite a submitted entry). The state lives in
 * useRegistrationForm; this file lays the fields out.
 */
import '../../lib/actions';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { groupLabels } from '@core/contest/types';
import { entryStatusLabels } from '@core/registration/entry-status';
import { SUMMARY_MAX } from '@core/registration/forms';
import { formatShanghai } from '@core/time/shanghai';
import { liveStatus } from '../../../components/ContestCard/countdown';
import { ChoiceInput, Counter, DateInput, FormField, TextArea, TextInput } from '../../../components/FormField';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { usePageParams } from '../../../hooks/usePageParams';
import { useSignedIn } from '../../../hooks/useSignedIn';
import { routes } from '../../../services/routes';
import { serverNow } from '../../../services/server-clock';
import type { TextName } from '../../lib/registration-form';
import { IdNumberField } from './components/IdNumberField';
import { MembersField } from './components/MembersField';
import { PlanUpload } from './components/PlanUpload';
import { RegisterActions } from './components/RegisterActions';
import { useRegistrationForm, type RegistrationFormProps } from './useRegistrationForm';
import './index.scss';

export default function RegisterPage() {
  const { contestId = '', group } = usePageParams();
  const { user, shell } = useSignedIn('请先登录后再报名');
  const contest = useCloudQuery('contest.get', { id: contestId }, { enabled: contestId !== '' });
  const mine = useCloudQuery('registration.mine', {}, { enabled: user !== null, key: user?.openid });
  const ready = user !== null && contest.data !== undefined && mine.data !== undefined;
  const entry = mine.data?.items.find((e) => e.contestId === contestId);
  return (
    <PageShell
      {...shellFor({ allowed: user !== null, shell }, contest, mine)}
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

function RegisterForm(props: RegistrationFormProps) {
  const { contest, entry } = props;
  const form = useRegistrationForm(props);
  const { mode, values, errors } = form;

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
    onChange: (value: string) => form.setText(name, value),
    onBlur: () => form.blur(name),
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
          onChange={(value) => form.pick('district', value)}
        />
      ) : (
        <TextInput {...fieldProps('district', 20, '如：杭州市西湖区')} />
      )}
    </FormField>
  );

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
                onClick={() => form.switchGroup(group)}
              >
                {groupLabels[group]}
              </Text>
            ))}
          </View>
        ) : (
          <View className="register-group muted">参赛组别：{groupLabels[values.group]}</View>
        )}
        {form.restoredLocal ? <View className="draft-restored note">已恢复本机上次未同步的填写内容</View> : null}
      </View>

      {values.group === 'enterprise' ? (
        <>
          <View className="section-title">企业信息</View>
          <View className="card form-card">
            {textField('companyName', '企业名称', 60, '与营业执照一致')}
            {textField('creditCode', '统一社会信用代码', 30, '18 位，见营业执照')}
            {districtField}
            <FormField name="foundedOn" label="成立日期" required error={errors.foundedOn}>
              <DateInput value={t.foundedOn} end={form.today} onChange={(value) => form.pick('foundedOn', value)} />
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
              masked={form.idMasked}
              error={errors.idNumber}
              input={<TextInput {...fieldProps('idNumber', 18, '18 位身份证号码')} type={undefined} />}
              onReenter={form.reenterIdNumber}
            />
            <MembersField members={values.members} errors={errors} onChange={form.setMembers} onBlur={form.blur} />
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
            onChange={(value) => form.pick('field', value)}
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
            disabled={form.busy || undefined}
            onUploaded={form.setPlan}
            onError={form.planFailed}
          />
        </FormField>
      </View>

      <RegisterActions
        contestId={contest.id}
        mode={mode}
        banner={form.banner}
        busy={form.busy}
        saveState={form.saveState}
        lastSaved={entry?.status === 'draft' ? entry.updatedAt : null}
        onSubmit={() => void form.submit()}
      />
    </View>
  );
}
