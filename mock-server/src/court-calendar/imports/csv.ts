import {
  courtFromCaseNumber,
  findCaseNumbers,
  hearingTypeOf,
  parseDate,
  parseDateTime,
  parseTime,
  hkLocal,
  type RawHearing,
} from './read-rows'

/** Split CSV text into rows of cells (RFC 4180: quotes, doubled quotes, newlines inside quotes; a BOM is dropped). */
export function parseCsv(text: string): string[][] {
  const s = text.replace(/^\uFEFF/, '')
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  // Excel in a Chinese locale may save with tabs or semicolons; take what the header uses.
  const firstLine = s.split(/\r?\n/, 1)[0] ?? ''
  const sep = [',', '\t', ';'].reduce(
    (best, c) => (firstLine.split(c).length > firstLine.split(best).length ? c : best),
    ',',
  )
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
      continue
    }
    if (ch === '"' && cell === '') quoted = true
    else if (ch === sep) {
      row.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += ch
  }
  if (cell !== '' || row.length) {
    row.push(cell)
    rows.push(row)
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''))
}

type Field =
  | 'caseNumber'
  | 'court'
  | 'courtroom'
  | 'judge'
  | 'start'
  | 'end'
  | 'date'
  | 'time'
  | 'endTime'
  | 'type'
  | 'title'
  | 'uid'
  | 'status'

const HEADERS: Record<Field, string[]> = {
  caseNumber: [
    'case number',
    'case no',
    'case no.',
    'case',
    'action no',
    'action no.',
    'court case number',
    'matter number',
    'case #',
    'case ref',
    'case reference',
    'case no./action no.',
    '案件編號',
    '案件號碼',
    '案號',
    '案件编号',
    '案件号码',
    '案号',
  ],
  court: [
    'court',
    'court level',
    'tribunal',
    'venue',
    'court name',
    '法院',
    '審裁處',
    '审裁处',
    '地點',
    '地点',
    '法院名稱',
    '法院名称',
  ],
  courtroom: ['courtroom', 'court room', 'court no', 'court no.', 'room', '法庭', '法庭編號', '庭號', '法庭编号'],
  judge: ['judge', 'coram', 'master', 'judge/master', '法官', '聆案官', '主審法官', '法官/聆案官'],
  start: [
    'start',
    'starts at',
    'start time',
    'start date/time',
    'datetime',
    'date/time',
    '開始',
    '開始時間',
    '开始',
    '开始时间',
  ],
  end: ['end', 'ends at', 'end date/time', '結束', '結束時間', '结束', '结束时间'],
  date: ['date', 'hearing date', '日期', '聆訊日期', '聆讯日期'],
  time: ['time', 'hearing time', '時間', '时间'],
  endTime: ['end time', 'until', 'finish', '完結時間', '结束时刻'],
  type: ['type', 'hearing type', 'nature', 'nature of hearing', '類別', '类型', '性質', '聆訊性質', '聆讯性质'],
  title: ['title', 'description', 'parties', 'subject', '標題', '标题', '訴訟各方', '诉讼各方', '描述'],
  uid: ['uid', 'id', 'external id', '編號'],
  status: ['status', '狀態', '状态'],
}

/** Column index of each known header, matched case-insensitively (first match wins). */
export function mapHeaders(header: string[]): Partial<Record<Field, number>> {
  const out: Partial<Record<Field, number>> = {}
  header.forEach((h, i) => {
    const key = h
      .normalize('NFKC')
      .trim()
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .replace(/[:：]$/, '')
    for (const [field, names] of Object.entries(HEADERS) as [Field, string[]][]) {
      if (out[field] === undefined && names.includes(key)) {
        out[field] = i
        break
      }
    }
  })
  return out
}

/**
 * Read a CSV export: a header row, then one hearing per row. Start and end may be one
 * date-time column each or separate date and time columns; times are Hong Kong time unless
 * they carry an offset.
 */
export function readCsv(text: string, defaultMinutes: number): RawHearing[] {
  const rows = parseCsv(text)
  const header = rows.shift()
  if (!header) return []
  const col = mapHeaders(header)
  const get = (r: string[], f: Field) => (col[f] === undefined ? '' : (r[col[f]!] ?? '').trim())
  return rows.map((r, i): RawHearing => {
    const caseNumbers = findCaseNumbers(col.caseNumber !== undefined ? get(r, 'caseNumber') : r.join(' '))
    let startsAt = get(r, 'start') ? parseDateTime(get(r, 'start')) : null
    let endsAt = get(r, 'end') ? parseDateTime(get(r, 'end')) : null
    const date = get(r, 'date') ? parseDate(get(r, 'date')) : null
    if (!startsAt && date) {
      const t = parseTime(get(r, 'time'))
      startsAt = t ? hkLocal(date, t[0], t[1]) : null
    }
    // An end time alone ("12:30" under "End time" / "結束時間") is on the row's date.
    const endClock = get(r, 'endTime') || (endsAt ? '' : get(r, 'end'))
    if (!endsAt && date && endClock) {
      const t = parseTime(endClock)
      endsAt = t ? hkLocal(date, t[0], t[1]) : null
    }
    if (startsAt && !endsAt) endsAt = new Date(startsAt.getTime() + defaultMinutes * 60_000)
    const invalid = !startsAt || (endsAt !== null && endsAt <= startsAt)
    const typeText = `${get(r, 'type')} ${get(r, 'title')}`
    return {
      row: i + 1,
      raw: r.join(' | ').slice(0, 500),
      caseNumbers,
      court: get(r, 'court') || (caseNumbers[0] ? courtFromCaseNumber(caseNumbers[0]) : null),
      judge: get(r, 'judge') || null,
      courtroom: get(r, 'courtroom') || null,
      type: hearingTypeOf(typeText),
      title: get(r, 'title') || null,
      startsAt: invalid ? null : startsAt,
      endsAt: invalid ? null : endsAt,
      externalUid: get(r, 'uid')
        ? `csv:${get(r, 'uid')}`
        : caseNumbers[0] && startsAt
          ? `csv:${caseNumbers[0]}:${startsAt.toISOString()}`
          : null,
      cancelled: /cancel|vacat|取消|撤銷|撤销/i.test(get(r, 'status')),
      problem: invalid ? 'invalid_time' : null,
    }
  })
}
