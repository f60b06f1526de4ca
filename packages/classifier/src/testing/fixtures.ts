import { strToU8, zipSync } from 'fflate'

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A minimal .docx whose body has one paragraph per entry (runs split where `|` is). */
export function makeDocx(paragraphs: string[], extra: Record<string, string> = {}): Uint8Array {
  const body = paragraphs
    .map(
      (p) =>
        `<w:p><w:pPr><w:jc w:val="left"/></w:pPr>${p
          .split('|')
          .map((r) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${esc(r)}</w:t></w:r>`)
          .join('')}</w:p>`,
    )
    .join('')
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r><w:r><w:tab/><w:t>tab</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`,
    ),
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, strToU8(v)])),
  })
}

/** A minimal .xlsx: each sheet a list of rows; strings go to the shared table, numbers inline. */
export function makeXlsx(sheets: Array<Array<Array<string | number>>>): Uint8Array {
  const shared: string[] = []
  const files: Record<string, Uint8Array> = {}
  sheets.forEach((rows, i) => {
    const xml = rows
      .map(
        (cells, r) =>
          `<row r="${r + 1}">${cells
            .map((c, j) => {
              const ref = `${String.fromCharCode(65 + j)}${r + 1}`
              if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`
              shared.push(c)
              return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`
            })
            .join('')}</row>`,
      )
      .join('')
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${xml}</sheetData></worksheet>`,
    )
  })
  files['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0"?><sst count="${shared.length}">${shared.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`,
  )
  files['[Content_Types].xml'] = strToU8('<Types/>')
  return zipSync(files)
}
