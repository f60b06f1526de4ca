/**
 * The project's labelled corpus: generated from a seed, so the precision/recall test and the
 * bench are reproducible without shipping data files.
 */
export { generateCorpus, scoreCorpus, type CorpusDoc, type CorpusOptions, type Expected, type TypeScore } from './generate'
export { createRng, type Rng } from './rng'
export { FILLER, KEYWORD_SENTENCES } from './templates'
