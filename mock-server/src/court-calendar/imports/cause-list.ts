import {
  courtFromCaseNumber,
  findCaseNumbers,
  hearingTypeOf,
  hkLocal,
  parseDate,
  parseTime,
  type RawHearing,
} from './read-rows'

/**
 * Reader of a Hong Kong Judiciary daily cause list pasted from the web page (tab-separated
 * when copied from the browser's table; `|` or runs of spaces are accepted too), with English
 * or Chinese headers. Lines outside the table name the court, courtroom, judge and date of the
 * rows below them, as the published lists do.
 */

type Col = 'time' | 'caseNumber' | 'parties' | 'nature' | 'court' | 'courtroom' | 'judge' | 'representation'

const COLS: Record<Col, RegExp> = {
  time: /^(time|hearing time|時間|时间)$/i,
  caseNumber: /^(case no\.?|case number|action no\.?|case|案件編號|案件號碼|案件编号|案件号码|案號|案号)$/i,
  parties: /^(parties|case name|title|訴訟各方|诉讼各方|案件名稱|案件名称|當事人|当事人)$/i,
  nature: /^(nature|nature of hearing|hearing|type|聆訊性質|聆讯性质|性質|性质|聆訊|聆讯)$/i,
  court: /^(court|court level|法院)$/i,
  courtroom: /^(court\s*no\.?|courtroom|court room|法庭|庭號|法庭編號|法庭编号)$/i,
  judge: /^(judge|coram|judge\/master|master|法官|聆案官|法官\/聆案官|主審法官)$/i,
  representation: /^(representation|legal representation|solicitors?|代表律師|代表律师|律師|律师)$/i,
}

const COURT_HEADINGS: [RegExp, string][] = [
  [/court of final appeal|終審法院|终审法院/i, 'Court of Final Appeal 終審法院'],
  [/court of appeal|上訴法庭|上诉法庭/i, 'Court of Appeal 上訴法庭'],
  [/court of first instance|high court|原訟法庭|原讼法庭|高等法院/i, 'Court of First Instance 原訟法庭'],
  [/district court|區域法院|区域法院/i, 'District Court 區域法院'],
  [/labour tribunal|勞資審裁處|劳资审裁处/i, 'Labour Tribunal 勞資審裁處'],
  [/small claims tribunal|小額錢債審裁處|小额钱债审裁处/i, 'Small Claims Tribunal 小額錢債審裁處'],
  [/family court|家事法庭/i, 'Family Court 家事法庭'],
  [/lands tribunal|土地審裁處|土地审裁处/i, 'Lands Tribunal 土地審裁處'],
]

function cellsOf(line: string): string[] {
  if (line.includes('\t')) return line.split('\t').map((c) => c.trim())
  if (line.includes('|'))
    return line
      .split('|')
      .map((c) => c.trim())
      .filter((c, i, all) => !(c === '' && (i === 0 || i === all.length - 1)))
  return line.split(/\s{2,}/).map((c) => c.trim())
}

function headerOf(cells: string[]): Partial<Record<Col, number>> | null {
  const map: Partial<Record<Col, number>> = {}
  cells.forEach((c, i) => {
    const key = c
      .normalize('NFKC')
      .replace(/[:：]$/, '')
      .trim()
    for (const [col, re] of Object.entries(COLS) as [Col, RegExp][]) {
      if (map[col] === undefined && re.test(key)) {
        map[col] = i
        break
      }
    }
  })
  return map.caseNumber !== undefined &&
    (map.time !== undefined || map.parties !== undefined || map.nature !== undefined)
    ? map
    : null
}

/** Read a pasted cause list; `date` is used when the text does not say which day it is. */
export function readCauseList(text: string, date: string | undefined, defaultMinutes: number): RawHearing[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const out: RawHearing[] = []
  let header: Partial<Record<Col, number>> | null = null
  let court: string | null = null
  let courtroom: string | null = null
  let judge: string | null = null
  let listDate: string | null = date ?? null
  let lastTime: [number, number] | null = null
  for (const line of lines) {
    if (!line.trim()) continue
    const cells = cellsOf(line)
    const h = headerOf(cells)
    if (h) {
      header = h
      lastTime = null
      continue
    }
    const numbers = findCaseNumbers(line)
    const isRow = header && cells.length >= 2 && numbers.length > 0
    if (!isRow) {
      // A heading: the date, the court, the courtroom or the judge of the rows that follow.
      const plain = line.normalize('NFKC').trim()
      const d = parseDate(plain)
      if (d && !date) listDate = d
      const c = COURT_HEADINGS.find(([re]) => re.test(plain))
      if (c) court = c[1]
      const room = /(?:court\s*(?:room|no\.?)?\s*|第\s*)(\d{1,3}[A-Z]?)\s*(?:號|号)?\s*(?:法庭|庭)?/i.exec(plain)
      if (room) {
        courtroom = room[1]!
        lastTime = null
      }
      const j = /^(?:before|coram|judge|master|法官|主審法官|聆案官)\s*[:：]?\s*(.+)$/i.exec(plain)
      if (j) judge = j[1]!.trim()
      else if (
        /\b(J|JA|DJ|HHJ|Master|Deputy (High Court |District )?Judge)\b|法官|聆案官/.test(plain) &&
        !d &&
        !c &&
        !numbers.length
      )
        judge = plain
      continue
    }
    const get = (col: Col) => (header![col] === undefined ? '' : (cells[header![col]!] ?? '').trim())
    const timeCell = get('time')
    const t: [number, number] | null = timeCell ? parseTime(timeCell) : lastTime
    if (t) lastTime = t
    const caseCell = get('caseNumber') || line
    const rowNumbers = findCaseNumbers(caseCell)
    const caseNumbers = rowNumbers.length ? rowNumbers : numbers
    const startsAt = listDate && t ? hkLocal(listDate, t[0], t[1]) : null
    const rowCourt = get('court') || court || (caseNumbers[0] ? courtFromCaseNumber(caseNumbers[0]) : null)
    const rowRoom = get('courtroom') || courtroom
    out.push({
      row: out.length + 1,
      raw: line.slice(0, 500),
      caseNumbers,
      court: rowCourt,
      judge: get('judge') || judge,
      courtroom: rowRoom,
      type: hearingTypeOf(get('nature')),
      title: get('parties') || null,
      startsAt,
      endsAt: startsAt ? new Date(startsAt.getTime() + defaultMinutes * 60_000) : null,
      externalUid: caseNumbers[0] && startsAt ? `cause_list:${caseNumbers[0]}:${startsAt.toISOString()}` : null,
      cancelled: /vacated|cancelled|取消|押後|押后/i.test(get('nature')),
      problem: !listDate ? 'missing_field' : !t ? 'invalid_time' : null,
    })
  }
  return out
}
