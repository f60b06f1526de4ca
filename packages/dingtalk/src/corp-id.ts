/** What DingTalk leaves in the URL when it did not substitute the org id. */
const PLACEHOLDER = '$CORPID$'

/** `corpId` from a query string (with or without the leading `?`), ignoring blanks and the placeholder. */
function corpIdFromQuery(query: string): string | null {
  const value = new URLSearchParams(query).get('corpId')?.trim()
  return value && value !== PLACEHOLDER ? value : null
}

/**
 * The org id from a workbench URL (`?corpId=$CORPID$`, substituted by DingTalk). With hash
 * routing the query sits before the `#` (`/app/?corpId=ding1#/cases`) or inside it
 * (`/app/#/cases?corpId=ding1`); the part before the `#` wins. Returns null when absent or
 * still the literal `$CORPID$` (the page was opened outside the workbench).
 */
export function readCorpId(location: Pick<Location, 'search' | 'hash'> = window.location): string | null {
  const hashQueryStart = location.hash.indexOf('?')
  const hashQuery = hashQueryStart === -1 ? '' : location.hash.slice(hashQueryStart + 1)
  return corpIdFromQuery(location.search) ?? corpIdFromQuery(hashQuery)
}
