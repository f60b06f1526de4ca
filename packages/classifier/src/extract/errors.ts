/** Why a file could not be turned into text. */
export type ExtractFailure = 'unsupported' | 'corrupt' | 'encrypted' | 'too_large'

/** A file the extractors cannot read; `reason` is stable, `message` is English. */
export class ExtractError extends Error {
  constructor(
    readonly reason: ExtractFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'ExtractError'
  }
}
