/**
 * The project's labelled corpora, generated from a seed so the precision/recall tests and the
 * bench are reproducible without shipping data files: the mixed-document corpus
 * (`generateCorpus`) and the written-forms corpus (`scoreWrittenForms`: every way of writing
 * each type, and hard negatives, in every container). Node only: values are confirmed by
 * independent validators (validid, google-libphonenumber, luhn), which are devDependencies.
 */
export {
  generateCorpus,
  scoreCorpus,
  type CorpusDoc,
  type CorpusOptions,
  type Expected,
  type TypeScore,
} from './generate'
export { createRng, type Rng } from './rng'
export { FILLER, KEYWORD_SENTENCES } from './templates'
export {
  generateWrittenForms,
  scoreWrittenForms,
  scoreCell,
  writtenFormsTable,
  WRITTEN_FORMS,
  type WrittenFormsCell,
  type WrittenFormsOptions,
  type WrittenFormsScore,
} from './written-forms'
export { CONTAINERS, renderContainer, type ContainerName, type Line, type Piece, type RenderedFile } from './containers'
export type { FormType, WrittenForm } from './forms-ids'
