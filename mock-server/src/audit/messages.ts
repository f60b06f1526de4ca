import type { Locale } from '@suite/domain'

/** The columns of a CSV export, in file order: the hashed fields, with the time given twice. */
export const EXPORT_COLUMNS = [
  'seq',
  'atHongKong',
  'at',
  'actorId',
  'actorName',
  'action',
  'targetType',
  'targetId',
  'caseId',
  'requestId',
  'detail',
  'prevHash',
  'hash',
] as const
export type ExportColumn = (typeof EXPORT_COLUMNS)[number]

/**
 * The header row of a CSV export in the reader's language. The first time column is Hong Kong
 * time and says so; the ISO UTC column beside it is the one the hashes cover, for machines.
 */
const HEADERS: Readonly<Record<Locale, Readonly<Record<ExportColumn, string>>>> = {
  'zh-HK': {
    seq: '序號',
    atHongKong: '時間 (香港時間, UTC+8)',
    at: '時間 (UTC, ISO 8601)',
    actorId: '人員編號',
    actorName: '人員',
    action: '操作代碼',
    targetType: '對象類別',
    targetId: '對象編號',
    caseId: '案件編號',
    requestId: '請求編號',
    detail: '詳情 (JSON)',
    prevHash: '上一項雜湊值',
    hash: '雜湊值',
  },
  'zh-CN': {
    seq: '序号',
    atHongKong: '时间 (香港时间, UTC+8)',
    at: '时间 (UTC, ISO 8601)',
    actorId: '人员编号',
    actorName: '人员',
    action: '操作代码',
    targetType: '对象类别',
    targetId: '对象编号',
    caseId: '案件编号',
    requestId: '请求编号',
    detail: '详情 (JSON)',
    prevHash: '上一项哈希值',
    hash: '哈希值',
  },
  en: {
    seq: 'No.',
    atHongKong: 'At (Hong Kong time, UTC+8)',
    at: 'At (UTC, ISO 8601)',
    actorId: 'Person id',
    actorName: 'Person',
    action: 'Action code',
    targetType: 'Target type',
    targetId: 'Target id',
    caseId: 'Case id',
    requestId: 'Request id',
    detail: 'Detail (JSON)',
    prevHash: 'Previous hash',
    hash: 'Hash',
  },
}

/** The CSV header cells of an export in `locale`. */
export function exportHeaders(locale: Locale): string[] {
  return EXPORT_COLUMNS.map((c) => HEADERS[locale][c])
}
