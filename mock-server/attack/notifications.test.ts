import { beforeAll, describe, expect, it } from 'vitest'
import { marker, messagesTo, signIn, signInExternal, target, waitFor, type Session } from './client'
import { DEMO } from './fixtures'
import type { SimMessage } from '../src/simulator/state'

/**
 * What outsiders write reaches partners as DingTalk work notifications (markdown). A link
 * there looks like the firm's own: text from a client or an expert must arrive as text, never
 * as a link, and the card's button must open the suite's public URL.
 */

/**
 * Ways to make DingTalk markdown (or HTML it passes through) show a link. `evil.example` is a
 * reserved name no renderer links without a scheme; `evil-login.com` has a real top-level
 * domain, which DingTalk turns into a link even bare.
 */
const LINKS: [string, string][] = [
  ['a markdown link', '[Open the court order](https://evil.example/x)'],
  ['a bare URL', 'please log in again at https://evil.example/login'],
  ['an HTML anchor', '<a href="https://evil.example/a">here</a>'],
  ['an autolink', '<https://evil.example/auto>'],
  ['a markdown image', '![seal](https://evil.example/seal.png)'],
  ['a reference link', '[Open][1]\n\n[1]: https://evil.example/ref'],
  ['a scheme-less link', '[Open](//evil-login.com/x)'],
  ['a bare host name (DingTalk links those by itself)', 'log in at evil-login.com/verify or www.evil-login.com'],
]

/** The reasons a notification's text (not its button) would show a link, if any. */
function linksIn(text: string): string[] {
  const found: string[] = []
  if (/\b(?:https?|ftp|javascript|dingtalk):\/*[^\s]*evil/i.test(text)) found.push('a URL with a scheme')
  if (/evil-login\.com/i.test(text)) found.push('a host name with a real top-level domain, left as it is')
  if (/(?<!\\)\]\s*\(/.test(text)) found.push('markdown link syntax ](')
  if (/(?<!\\)<a[\s>]/i.test(text)) found.push('an <a> tag')
  if (/(?<!\\)<https?:/i.test(text)) found.push('an <autolink>')
  if (/^\s*(?<!\\)\[[^\]]+\]:\s*\S/m.test(text)) found.push('a reference definition')
  return found
}

/** Title and text of a message as DingTalk would render them (everything but the button's URL). */
function shown(m: SimMessage): string {
  const msg = m.msg as {
    markdown?: { title?: string; text?: string }
    action_card?: { title?: string; markdown?: string; single_title?: string }
  }
  return [
    msg.markdown?.title,
    msg.markdown?.text,
    msg.action_card?.title,
    msg.action_card?.markdown,
    msg.action_card?.single_title,
  ]
    .filter(Boolean)
    .join('\n')
}
const buttonOf = (m: SimMessage) => (m.msg as { action_card?: { single_url?: string } }).action_card?.single_url

for (const name of ['demo', 'production'] as const) {
  describe(`${name}: links in work notifications`, () => {
    const t = target(name)
    let partner: Session
    let client: Session
    /** Each attack's marker, posted up front: the job queue then delivers them together. */
    const tags = new Map<string, string>()

    beforeAll(async () => {
      partner = await signIn(t, 'u-chan')
      client = await signInExternal(t, partner, DEMO.case, 'u-client-tse')
      for (const [what, text] of LINKS) {
        const tag = marker('c')
        tags.set(what, tag)
        const posted = await client.post(`/api/cases/${DEMO.case}/threads/restricted/comments`, {
          body: `${tag} ${text}`,
        })
        expect(posted.status).toBe(201)
      }
    })

    /** The first message to `dingtalkUserId` that carries `tag`. */
    const received = (dingtalkUserId: string, tag: string) =>
      waitFor(`a notification carrying ${tag}`, async () =>
        (await messagesTo(t, dingtalkUserId)).find((m) => JSON.stringify(m.msg).includes(tag)),
      )

    it.each(LINKS)(
      "delivers a client's comment holding %s to the partner as text, with the button on the public URL",
      async (what) => {
        const m = await received('dt-u-chan', tags.get(what)!)
        expect(linksIn(shown(m))).toEqual([])
        expect(buttonOf(m)?.startsWith(`${t.publicBase}/apps/case-room/`)).toBe(true)
      },
    )

    it("delivers an invited outsider's name holding a link to the partner's colleagues as text", async () => {
      const tag = marker('n')
      const date = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10)
      const inv = await partner.post(`/api/cases/${DEMO.case}/invitations`, {
        name: `${tag} [Verify your account](https://evil.example/v) https://evil.example/n`,
        contact: '+852 9123 4567',
        role: 'client',
        tierCeiling: 'public',
        accessExpiry: { kind: 'date', date },
      })
      expect(inv.status).toBe(201)
      const m = await received('dt-u-lee', tag)
      expect(linksIn(shown(m))).toEqual([])
    })

    it('puts only the public URL behind every button it has sent', async () => {
      const all = await messagesTo(t)
      const buttons = all.map(buttonOf).filter((u): u is string => u !== undefined)
      expect(buttons.length).toBeGreaterThan(0)
      expect(buttons.filter((u) => !u.startsWith(`${t.publicBase}/`))).toEqual([])
    })
  })
}
