import { describe, expect, it } from 'vitest'
import { messagesFrom } from './messages-from'

describe('messagesFrom', () => {
  it('gives one lazy loader per language, each loading only its own module', async () => {
    const loaded: string[] = []
    const mod = (name: string, tree: object) => async () => {
      loaded.push(name)
      return { [name]: tree }
    }
    const loaders = messagesFrom({
      './locales/en.ts': mod('en', { title: 'Case room' }),
      './locales/zh-CN.ts': mod('zhCN', { title: '案件室' }),
      './locales/zh-HK.ts': mod('zhHK', { title: '案件室（香港）' }),
    })
    expect(loaded).toEqual([])
    await expect(loaders['zh-HK']()).resolves.toEqual({ title: '案件室（香港）' })
    expect(loaded).toEqual(['zhHK'])
    await expect(loaders.en()).resolves.toEqual({ title: 'Case room' })
  })

  it('names the file of a language that has no messages', async () => {
    const loaders = messagesFrom({ './locales/en.ts': async () => ({}) })
    await expect(loaders.en()).rejects.toThrow('No messages in ./locales/en.ts')
    await expect(loaders['zh-HK']()).rejects.toThrow('No messages in ./locales/zh-HK.ts')
  })
})
