import type { HtmlTagDescriptor, Plugin } from 'vite'

/** The theme colour of the suite (DingTalk's title bar and Android's task switcher). */
export const THEME_COLOR = '#132f45'

/** The tags every app's `index.html` gets, so an app's own file holds only its title and entry. */
export function suiteHtmlTags(): HtmlTagDescriptor[] {
  const meta = (attrs: Record<string, string>): HtmlTagDescriptor => ({ tag: 'meta', attrs, injectTo: 'head-prepend' })
  return [
    meta({ charset: 'UTF-8' }),
    // `viewport-fit=cover` lets the page reach under the iPhone notch inside DingTalk; the safe-area insets pad it.
    meta({ name: 'viewport', content: 'width=device-width, initial-scale=1, viewport-fit=cover' }),
    // Case numbers and amounts must not turn into phone links on iOS.
    meta({ name: 'format-detection', content: 'telephone=no' }),
    meta({ name: 'theme-color', content: THEME_COLOR }),
    { tag: 'noscript', children: '請啟用 JavaScript。请启用 JavaScript。Please enable JavaScript.', injectTo: 'body' },
  ]
}

/** Vite plugin: add {@link suiteHtmlTags} to the app's page, in the dev server and in the build. */
export function suiteHtml(): Plugin {
  return { name: 'suite:html', transformIndexHtml: { order: 'pre', handler: () => suiteHtmlTags() } }
}
