/** The languages the not-found page is written in; zh-HK first, as in the apps. */
export type PageLocale = 'zh-HK' | 'zh-CN' | 'en'

const TEXT: Record<PageLocale, { title: string; body: string; link: string }> = {
  'zh-HK': {
    title: '找不到此頁面',
    body: '網址可能輸入錯誤，或此頁面已經移除。請返回律師行事務套件，再從那裏開啟所需的應用程式。',
    link: '返回律師行事務套件',
  },
  'zh-CN': {
    title: '找不到此页面',
    body: '网址可能输入有误，或此页面已被删除。请返回律所事务套件，再从那里打开所需的应用。',
    link: '返回律所事务套件',
  },
  en: {
    title: 'Page not found',
    body: 'The address may be mistyped, or the page has been removed. Go back to the Legal Suite and open the app you need from there.',
    link: 'Back to the Legal Suite',
  },
}

/**
 * The page's language from `Accept-Language` (quality values honoured): Simplified Chinese for
 * zh-CN / zh-SG / zh-Hans, Traditional (Hong Kong wording) for any other Chinese, English for
 * English, and zh-HK when nothing matches, as in the apps.
 */
export function pageLocale(acceptLanguage: string | undefined): PageLocale {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined)
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index }
    })
    .filter((l) => l.tag && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
  for (const { tag } of ranked) {
    if (/^zh-(cn|sg|hans)\b/.test(tag)) return 'zh-CN'
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-HK'
    if (tag === 'en' || tag.startsWith('en-')) return 'en'
  }
  return 'zh-HK'
}

/**
 * A small HTML page for an address that is not a page of the suite (a mistyped app URL): what
 * happened and a link to the portal, in the reader's language. Nothing from the request is
 * echoed into it; the portal link comes from the configuration.
 */
export function notFoundPage(locale: PageLocale, portalHref = '/apps/portal/'): string {
  const href = portalHref.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
  const t = TEXT[locale]
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>${t.title}</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,"PingFang HK","Microsoft JhengHei","Noto Sans CJK TC",sans-serif;background:#f5f7fa;color:#303133}
main{box-sizing:border-box;max-width:32em;margin:0 auto;padding:48px 16px;text-align:center}
h1{font-size:20px;margin:0 0 12px}
p{line-height:1.6;color:#606266;margin:0 0 24px}
a{display:inline-flex;align-items:center;justify-content:center;min-height:44px;min-width:44px;padding:0 20px;border-radius:8px;background:#1a4d6b;color:#fff;text-decoration:none;font-weight:600}
a:focus-visible{outline:3px solid #b08d57;outline-offset:2px}
</style>
</head>
<body>
<main>
<h1>${t.title}</h1>
<p>${t.body}</p>
<a href="${href}">${t.link}</a>
</main>
</body>
</html>
`
}
