/**
 * Precision and recall of the classifier on the written-forms corpus: every way people write
 * HKID, Macau and mainland IDs, cards, phones and emails, in every container (txt, CSV, quoted
 * CSV, JSON, escaped JSON, DingTalk chat export), with hard negatives; every positive confirmed
 * by an independent validator. Writes `.bench/classifier-written-forms.json`.
 *
 * Run: pnpm exec tsx scripts/bench/classifier-written-forms.ts
 */
import { fileURLToPath } from 'node:url'
import { runWrittenFormsBench } from '@suite/classifier/bench'

await runWrittenFormsBench({
  perCell: 200,
  json: fileURLToPath(new URL('../../.bench/classifier-written-forms.json', import.meta.url)),
})
