import { mountWithSuite } from '@suite/app-kit/testing'
import { describe, expect, it } from 'vitest'
import { useWizardStore } from '../stores/wizard'
import { freshPinia, settle } from '../testing/helpers'
import StepSources from './StepSources.vue'

function pick(input: HTMLInputElement, files: File[]): void {
  Object.defineProperty(input, 'files', { value: files, configurable: true })
  input.dispatchEvent(new Event('change'))
}

describe('StepSources', () => {
  it('adds picked files, folder files of readable types only, pasted text and chat exports', async () => {
    const pinia = freshPinia()
    const store = useWizardStore()
    const { wrapper } = await mountWithSuite(StepSources, { pinia, locale: 'en' })
    pick(wrapper.find('[data-test="file-input"]').element as HTMLInputElement, [
      new File(['a'], 'a.docx'),
      new File(['b'], 'odd.bin'),
    ])
    const inFolder = (name: string, path: string) => Object.assign(new File(['x'], name), { webkitRelativePath: path })
    pick(wrapper.find('[data-test="folder-input"]').element as HTMLInputElement, [
      inFolder('c.pdf', 'case/c.pdf'),
      inFolder('d.png', 'case/d.png'),
      inFolder('e.json', 'case/chat/e.json'),
    ])
    await settle()
    expect(store.sources.map((s) => [s.name, s.kind])).toEqual([
      ['a.docx', 'file'],
      ['odd.bin', 'file'],
      ['case/c.pdf', 'file'],
      ['case/chat/e.json', 'file'],
    ])
    expect(wrapper.text()).toContain('1 file(s) in the folder are of other types')
    await wrapper.find('textarea').setValue('{"messages":[]}')
    await wrapper.find('[data-test="add-chat"]').trigger('click')
    expect(store.sources.at(-1)).toMatchObject({
      name: 'Pasted chat export 1',
      kind: 'chat_export',
      text: '{"messages":[]}',
    })
    expect(wrapper.text()).toContain('Files are read and scanned on this device')
    await wrapper.findAll('.source-list__item button')[1]!.trigger('click')
    expect(store.sources.map((s) => s.name)).not.toContain('odd.bin')
    wrapper.unmount()
  })
})
