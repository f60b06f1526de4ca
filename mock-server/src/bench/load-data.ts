import { performance } from 'node:perf_hooks'
import { DEMO_ORG } from '@suite/domain/testing'
import type { Db } from '../db/db'
import { fillAudit } from './audit-fill'

/** Sizes of the generated firm. */
export interface LoadDataSize {
  cases: number
  documents: number
  auditEntries: number
  /** Extra internal people besides the demo firm (partners, associates, staff). */
  people: number
}

/** Seconds each step took. */
export interface LoadDataTimings {
  people: number
  cases: number
  members: number
  documents: number
  audit: number
  analyze: number
}

/**
 * Fill a migrated, demo-seeded database with a realistic firm for load tests: `people` more
 * internal users; `cases` cases, each with a partner, two associates and a paralegal, every
 * fourth with a client, some walls and lapsed externals; the demo partner `u-chan` in every
 * tenth case (so "my cases" is ~100 rows and paginates); `documents` documents spread over the
 * cases and tiers (skewed: case 1 has the most); and `auditEntries` audit entries forming one
 * valid hash chain. Set-based SQL (`generate_series`) except the audit chain, whose hashes
 * are computed in Node. Never for production data.
 */
export async function generateLoadData(
  db: Db,
  size: LoadDataSize,
  onStep: (msg: string) => void = () => undefined,
): Promise<LoadDataTimings> {
  const t: Partial<LoadDataTimings> = {}
  const step = async (name: keyof LoadDataTimings, fn: () => Promise<void>) => {
    const s = performance.now()
    await fn()
    t[name] = (performance.now() - s) / 1000
    onStep(`${name}: ${t[name]!.toFixed(1)} s`)
  }
  await step('people', async () => {
    await db.query(
      `INSERT INTO users (id, org_id, name, role, title, department, dingtalk_user_id, dingtalk_union_id)
       SELECT 'lu-' || g, $1, 'Load User ' || g,
              (ARRAY['partner','associate','associate','staff','staff'])[1 + g % 5], 'Lawyer', 'Litigation', 'dt-lu-' || g, 'union-lu-' || g
       FROM generate_series(1, $2) g`,
      [DEMO_ORG.id, size.people],
    )
    await db.query(
      `INSERT INTO users (id, org_id, name, role) SELECT 'lc-' || g, $1, 'Load Client ' || g, 'client' FROM generate_series(1, $2) g`,
      [DEMO_ORG.id, Math.ceil(size.cases / 4)],
    )
  })
  await step('cases', async () => {
    await db.query(
      `INSERT INTO cases (id, org_id, number, title, client_name, status, restricted_to_internal, created_by, created_at, updated_at)
       SELECT 'lcase-' || g, $1, 'HCA ' || (5000 + g) || '/2025', 'Load case ' || g || ' 合約糾紛 contract dispute', 'Client ' || g,
              (ARRAY['open','open','open','on_hold','closed'])[1 + g % 5], g % 20 = 0, 'u-chan',
              now() - make_interval(days => g % 700), now() - make_interval(mins => g * 37)
       FROM generate_series(1, $2) g`,
      [DEMO_ORG.id, size.cases],
    )
  })
  await step('members', async () => {
    const people = size.people
    // A partner, two associates and a paralegal from the generated people (roles follow g % 5).
    await db.query(
      `INSERT INTO case_members (case_id, user_id, status, tier_ceiling, added_by)
       SELECT 'lcase-' || g, 'lu-' || (1 + ((g * 5 + k * 7) % $2)), 'active', 'private', 'u-chan'
       FROM generate_series(1, $1) g, generate_series(0, 3) k
       ON CONFLICT DO NOTHING`,
      [size.cases, people],
    )
    // The demo partner: a member of every tenth case; walled off in every 50th of those.
    await db.query(
      `INSERT INTO case_members (case_id, user_id, status, tier_ceiling, wall_reason, added_by)
       SELECT 'lcase-' || g, 'u-chan', CASE WHEN g % 500 = 0 THEN 'walled' ELSE 'active' END, 'private',
              CASE WHEN g % 500 = 0 THEN 'acted for the other side' END, 'u-wong'
       FROM generate_series(10, $1, 10) g ON CONFLICT DO NOTHING`,
      [size.cases],
    )
    // The demo associate and paralegal in every 20th case; the demo client in every 40th (never an
    // internal-only one; every fifth of those has lapsed).
    await db.query(
      `INSERT INTO case_members (case_id, user_id, status, tier_ceiling, added_by)
       SELECT 'lcase-' || g, u, 'active', 'private', 'u-chan'
       FROM generate_series(20, $1, 20) g, unnest(ARRAY['u-lee','u-cheung']) u ON CONFLICT DO NOTHING`,
      [size.cases],
    )
    await db.query(
      `INSERT INTO case_members (case_id, user_id, status, tier_ceiling, expires_at, added_by)
       SELECT 'lcase-' || g, 'u-client-tse', 'active', 'public', CASE WHEN g % 200 = 5 THEN now() - interval '1 day' END, 'u-chan'
       FROM generate_series(5, $1, 40) g ON CONFLICT DO NOTHING`,
      [size.cases],
    )
    // Every fourth case has its own client with public access.
    await db.query(
      `INSERT INTO case_members (case_id, user_id, status, tier_ceiling, added_by)
       SELECT 'lcase-' || g, 'lc-' || (g / 4), 'active', 'public', 'u-chan'
       FROM generate_series(4, $1, 4) g ON CONFLICT DO NOTHING`,
      [size.cases],
    )
  })
  await step('documents', async () => {
    await db.query(
      `INSERT INTO blobs (sha256, size, mime)
       SELECT encode(sha256(('load-blob-' || g)::bytea), 'hex'), 100000 + g, 'application/pdf' FROM generate_series(1, 16) g
       ON CONFLICT DO NOTHING`,
    )
    // Skewed: documents land on low-numbered cases more often (case 1 gets the most).
    await db.query(
      `INSERT INTO case_documents (id, case_id, tier, title, filename, mime, size, sha256, render_kind, render_sha256, page_count, uploaded_by, created_at, updated_at)
       SELECT 'ldoc-' || g,
              'lcase-' || (1 + floor(power(random(), 2) * $2)::int),
              (ARRAY['public','restricted','restricted','private','private'])[1 + g % 5],
              'Document ' || g || ' 文件', 'doc-' || g || '.pdf', 'application/pdf', 100000 + g % 16 + 1,
              encode(sha256(('load-blob-' || (1 + g % 16))::bytea), 'hex'), 'pdf',
              encode(sha256(('load-blob-' || (1 + g % 16))::bytea), 'hex'), 1 + g % 40, 'u-chan',
              now() - make_interval(mins => g), now() - make_interval(mins => g)
       FROM generate_series(1, $1) g`,
      [size.documents, size.cases],
    )
  })
  await step('audit', async () => {
    const actors = (await db.query<{ id: string; name: string }>(`SELECT id, name FROM users ORDER BY id LIMIT 200`))
      .rows
    const caseIds = (await db.query<{ id: string }>('SELECT id FROM cases ORDER BY id')).rows.map((r) => r.id)
    const have = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n
    let last = 0
    await fillAudit(db, {
      count: size.auditEntries - have,
      batch: 10_000,
      actors,
      caseIds,
      stepMs: 30_000,
      onProgress: (done) => {
        if (done - last >= 100_000) {
          last = done
          onStep(`  audit: ${done.toLocaleString('en')} entries`)
        }
      },
    })
  })
  await step('analyze', async () => {
    await db.exec('ANALYZE')
  })
  return t as LoadDataTimings
}
