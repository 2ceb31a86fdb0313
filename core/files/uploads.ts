import * as v from 'valibot';
import { id, text } from '../schemas/common';

/**
 * What may be uploaded, per purpose: type and size are checked from the file's name and size before
 * any byte moves, and again on the stored bytes where it matters.
 */
const MB = 1024 * 1024;

function size(max: number, label: string) {
  return v.pipe(
    v.number('文件大小应为数字'),
    v.integer('文件大小应为整数'),
    v.minValue(1, '文件为空'),
    v.maxValue(max * MB, `${label}不能超过 ${max} MB`),
  );
}

function fileName(pattern: RegExp, message: string) {
  return v.pipe(text('文件名', { max: 120 }), v.regex(pattern, message));
}

export const UPLOAD_LIMITS = {
  businessPlan: { maxBytes: 20 * MB, types: ['application/pdf'] },
  objection: { maxBytes: 10 * MB, types: ['application/pdf', 'image/png', 'image/jpeg'] },
  newsImage: { maxBytes: 5 * MB, types: ['image/png', 'image/jpeg'] },
  newsAttachment: {
    maxBytes: 20 * MB,
    types: [
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
  },
} as const;
export type UploadPurpose = keyof typeof UPLOAD_LIMITS;

export const uploadRequest = v.variant(
  'purpose',
  [
    v.object({
      purpose: v.literal('businessPlan'),
      contestId: id('赛事'),
      fileName: fileName(/\.pdf$/i, '商业计划书只接受 PDF 文件'),
      contentType: v.literal('application/pdf', '商业计划书只接受 PDF 文件'),
      size: size(20, '商业计划书'),
    }),
    v.object({
      purpose: v.literal('objection'),
      listId: id('名单'),
      fileName: fileName(/\.(pdf|png|jpe?g)$/i, '异议附件只接受 PDF 或图片'),
      contentType: v.picklist(['application/pdf', 'image/png', 'image/jpeg'], '异议附件只接受 PDF 或图片'),
      size: size(10, '异议附件'),
    }),
    v.object({
      purpose: v.literal('newsImage'),
      fileName: fileName(/\.(png|jpe?g)$/i, '图片只接受 PNG 或 JPEG'),
      contentType: v.picklist(['image/png', 'image/jpeg'], '图片只接受 PNG 或 JPEG'),
      size: size(5, '图片'),
    }),
    v.object({
      purpose: v.literal('newsAttachment'),
      fileName: fileName(/\.(pdf|xlsx|docx)$/i, '附件只接受 PDF、Excel（xlsx）或 Word（docx）'),
      contentType: v.picklist(UPLOAD_LIMITS.newsAttachment.types, '附件只接受 PDF、Excel（xlsx）或 Word（docx）'),
      size: size(20, '附件'),
    }),
  ],
  '不支持的上传用途',
);

/** A stored file's id as a client reports it (the server rebuilds it from the path it chose): printable ASCII. */
export function fileIdSchema(missing: string) {
  return v.pipe(
    v.string(missing),
    v.minLength(1, missing),
    v.maxLength(512, '文件编号过长'),
    v.regex(/^(?:cloud|local):\/\/[\x21-\x7e]+$/, missing),
  );
}

/** A stored file as a form refers to it. */
export const fileRef = v.object({
  fileId: fileIdSchema('请上传文件'),
  name: text('文件名', { max: 120 }),
  size: size(20, '文件'),
});
export type FileRef = v.InferOutput<typeof fileRef>;
