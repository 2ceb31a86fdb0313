import * as v from 'valibot';
import { text } from '../schemas/common';
import { creditCode, mobile } from '../registration/forms';

/** Service institutions that register for 产融对接 (investment matching comes later). */
export const INSTITUTION_TYPES = ['fund', 'bank', 'incubator', 'platform'] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];
export const institutionTypeLabels: Record<InstitutionType, string> = {
  fund: '投资机构',
  bank: '银行',
  incubator: '孵化基地',
  platform: '公共服务平台',
};

export const institutionInput = v.object({
  type: v.picklist(INSTITUTION_TYPES, '请选择机构类型'),
  name: text('机构名称', { max: 60 }),
  creditCode,
  contactName: text('联系人', { max: 20 }),
  mobile,
  fields: v.pipe(
    v.array(text('关注领域', { max: 20 })),
    v.minLength(1, '请至少选择一个关注领域'),
    v.maxLength(10, '关注领域最多 10 个'),
  ),
});
export type InstitutionInput = v.InferOutput<typeof institutionInput>;
