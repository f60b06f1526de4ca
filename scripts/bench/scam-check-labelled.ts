/**
 * The scam check on a labelled list of identifiers (lookalikes, impersonation, shorteners,
 * disguised hosts, and legitimate hard negatives): share flagged and false alarms.
 * Writes `.bench/scam-check-labelled.json`.
 *
 * Run: pnpm exec tsx scripts/bench/scam-check-labelled.ts
 */
import { fileURLToPath } from 'node:url'
import { runLabelledBench } from '@suite/scam-check/bench'

runLabelledBench(fileURLToPath(new URL('../../.bench/scam-check-labelled.json', import.meta.url)))
