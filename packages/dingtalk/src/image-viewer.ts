import { ElImageViewer } from 'element-plus'
import { h, render } from 'vue'
import type { PreviewImageOptions } from './types'

/**
 * Show Element Plus' image viewer outside any component tree: mount it into a fresh
 * element on `document.body` and remove it again when the user closes it.
 */
export function mountImageViewer({ urls, current }: PreviewImageOptions, doc: Document = document): void {
  if (urls.length === 0) return
  const container = doc.createElement('div')
  doc.body.appendChild(container)
  const close = (): void => {
    render(null, container)
    container.remove()
  }
  const initialIndex = Math.max(0, current === undefined ? 0 : urls.indexOf(current))
  render(h(ElImageViewer, { urlList: urls, initialIndex, teleported: false, onClose: close }), container)
}
