/**
 * 服务机构入驻 (`/entrant/pages/institution/index`): a fund, bank, incubator or public service platform
 * applies (institution.register) and follows the review (institution.mine: 待审核 / 已通过 / 未通过 with
 * the reason). A pending or rejected application may be corrected and sent again; an approved one is
 * settled. 关注领域 are picked from the fields of contests open now, or typed as free tags.
 */
import '../../lib/actions';
import { Button, Text, View } from '@tarojs/components';
import type { InstitutionView } from '@core/institution/views';
import { INSTITUTION_TYPES, institutionTypeLabels } from '@core/institution/schemas';
import { FormField, TextInput } from '../../../components/FormField';
import { PageShell, shellFor } from '../../../components/PageShell';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { useSignedIn } from '../../../hooks/useSignedIn';
import { FieldsField } from './components/FieldsField';
import { InstitutionStatus } from './components/InstitutionStatus';
import { useInstitutionForm } from './useInstitutionForm';
import { useOpenContestFields } from './useOpenContestFields';
import './index.scss';

export default function InstitutionPage() {
  const { user, shell } = useSignedIn('请先登录后申请入驻');
  const signedIn = user !== null;
  const mine = useCloudQuery('institution.mine', {}, { enabled: signedIn, key: user?.openid });
  const fieldOptions = useOpenContestFields(signedIn);
  return (
    <PageShell {...shellFor({ allowed: signedIn, shell }, mine)}>
      {mine.data ? (
        <InstitutionForm key={user?.openid} initial={mine.data.institution} fieldOptions={fieldOptions} />
      ) : null}
    </PageShell>
  );
}

/** An approved institution: what is on file, and what approval does today (no promise of features to come). */
function ApprovedProfile({ institution }: { institution: InstitutionView }) {
  const rows: Array<[string, string]> = [
    ['机构类型', institutionTypeLabels[institution.type]],
    ['机构名称', institution.name],
    ['统一社会信用代码', institution.creditCode],
    ['联系人', institution.contactName],
    ['联系电话', institution.mobileMasked],
    ['关注领域', institution.fields.length > 0 ? institution.fields.join('、') : '未填写'],
  ];
  return (
    <>
      <View className="section-title">机构信息</View>
      <View className="card institution-profile">
        {rows.map(([label, value]) => (
          <View key={label} className="institution-profile__row">
            <Text className="institution-profile__label muted">{label}</Text>
            <Text className="institution-profile__value">{value}</Text>
          </View>
        ))}
        <View className="muted institution-profile__note">如需修改机构信息，请联系组委会。</View>
      </View>
      <View className="section-title">入驻后</View>
      <View className="card institution-can">
        <View>· 贵机构已登记在组委会的服务机构名录中，组委会可按关注领域联系贵机构参与对接活动。</View>
        <View>· 大赛组委会发给服务机构的通知会出现在「我的 → 消息」中。</View>
        <View>· 「我的」页面显示「服务机构」身份。</View>
        <View className="muted">在线浏览参赛项目、发起产融对接的功能尚未开放。</View>
      </View>
    </>
  );
}

function InstitutionForm({ initial, fieldOptions }: { initial: InstitutionView | null; fieldOptions: string[] }) {
  const form = useInstitutionForm(initial);
  const { institution, values, errors } = form;
  const textField = (
    name: 'name' | 'creditCode' | 'contactName' | 'mobile',
    label: string,
    max: number,
    placeholder?: string,
  ) => (
    <FormField name={name} label={label} required error={errors[name]}>
      <TextInput
        value={values[name]}
        maxlength={max}
        placeholder={placeholder}
        type={name === 'mobile' ? 'number' : 'text'}
        onChange={(value) => form.update({ [name]: value }, name)}
        onBlur={() => form.leave(name)}
      />
    </FormField>
  );

  return (
    <View className="institution-page">
      <InstitutionStatus institution={institution} />

      {institution?.status === 'approved' ? (
        <ApprovedProfile institution={institution} />
      ) : (
        <>
          <View className="section-title">{institution ? '修改后重新提交' : '入驻申请'}</View>
          <View className="card form-card">
            <FormField name="type" label="机构类型" required error={errors.type}>
              <View className="choice-chips">
                {INSTITUTION_TYPES.map((type) => (
                  <Text
                    key={type}
                    className={`institution-type institution-type-${type}${values.type === type ? ' institution-type--active' : ''}`}
                    onClick={() => form.update({ type }, 'type')}
                  >
                    {institutionTypeLabels[type]}
                  </Text>
                ))}
              </View>
            </FormField>
            {textField('name', '机构名称', 60)}
            {textField('creditCode', '统一社会信用代码', 30, '18 位')}
            {textField('contactName', '联系人', 20)}
            {textField(
              'mobile',
              '手机',
              20,
              institution ? `原号码 ${institution.mobileMasked}，请重新填写` : '11 位手机号码',
            )}
            <FieldsField
              chosen={values.fields}
              options={fieldOptions}
              error={errors.fields}
              onToggle={form.toggleField}
            />
          </View>
          {form.banner ? <View className="institution-banner">{form.banner}</View> : null}
          <Button
            className="institution-submit primary-button"
            loading={form.busy || undefined}
            disabled={form.busy || undefined}
            onClick={() => void form.submit()}
          >
            {institution ? '重新提交' : '提交申请'}
          </Button>
        </>
      )}
    </View>
  );
}
