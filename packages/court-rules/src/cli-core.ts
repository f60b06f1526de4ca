import { createCourtCalendar, type DeclaredDay, type GeneralHoliday } from './calendar'
import { isIsoDate } from './dates'
import { computeDeadline, type DeadlineInput, MAX_PERIOD_DAYS } from './deadline'
import { HK_BUNDLED_YEARS, HK_GENERAL_HOLIDAYS, mergeHolidayLists } from './hk-holidays'
import { HolidayFileError, parseHolidayFile } from './ical-json'

/** Where the command reads files and writes its answer; injected so tests need no process. */
export interface CliIo {
  out(text: string): void
  err(text: string): void
  readFile(path: string): string
}

export const USAGE = `Usage: pnpm deadline --from YYYY-MM-DD --days N (--after | --before) [--clear]
Options:
  --from DATE                 the anchor date (the event the period runs from or to)
  --days N                    length of the period in days (1-${MAX_PERIOD_DAYS})
  --after | --before          a period after the date (O.3 r.2(2)) or before it (O.3 r.2(3))
  --clear                     clear days (O.3 r.2(4))
  --ignore-short-period-rule  the rule says "ignoring O.3 r.2(5)"
  --gale DATE                 a declared gale warning day (repeatable)
  --black-rainstorm DATE      a declared black rainstorm warning day (repeatable)
  --holidays FILE             the Government's iCalendar-JSON holiday file; overrides the bundled years it covers
Prints {"deadline", "counted", "excluded": [{"date", "reason", "rule", "name"?}]} as JSON.`

/** A command-line mistake, reported with the usage text and exit code 2. */
class UsageError extends Error {}

/** The options a command line asked for. */
export interface DeadlineArgs {
  input: DeadlineInput
  declared: DeclaredDay[]
  holidaysFile: string | null
  help: boolean
}

/**
 * Parse `--from YYYY-MM-DD --days N (--after|--before) [--clear]` (also `--name=value`).
 * @throws Error with a message meant for the person who typed the command.
 */
export function parseDeadlineArgs(argv: readonly string[]): DeadlineArgs {
  const args = argv[0] === '--' ? argv.slice(1) : [...argv]
  let from: string | undefined
  let days: string | undefined
  let direction: 'after' | 'before' | undefined
  let clear = false
  let ignoreShort = false
  let help = false
  let holidaysFile: string | null = null
  const declared: DeclaredDay[] = []
  for (let i = 0; i < args.length; i++) {
    const raw = args[i]!
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1
    const flag = eq > 0 ? raw.slice(0, eq) : raw
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined
    const value = (): string => {
      if (inline !== undefined) return inline
      const next = args[i + 1]
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`)
      i++
      return next
    }
    const flagOnly = () => {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value`)
    }
    switch (flag) {
      case '--from':
        from = value()
        break
      case '--days':
        days = value()
        break
      case '--after':
      case '--before': {
        flagOnly()
        const d = flag === '--after' ? 'after' : 'before'
        if (direction && direction !== d) throw new UsageError('give either --after or --before, not both')
        direction = d
        break
      }
      case '--clear':
        flagOnly()
        clear = true
        break
      case '--ignore-short-period-rule':
        flagOnly()
        ignoreShort = true
        break
      case '--gale':
      case '--black-rainstorm': {
        const date = value()
        if (!isIsoDate(date)) throw new UsageError(`${flag} must be a real date written YYYY-MM-DD (got '${date}')`)
        declared.push({ date, kind: flag === '--gale' ? 'gale_warning' : 'black_rainstorm' })
        break
      }
      case '--holidays':
        holidaysFile = value()
        break
      case '--help':
      case '-h':
        help = true
        break
      default:
        throw new UsageError(`unknown option '${raw}'`)
    }
  }
  if (help) return { input: { from: '', period: 0, direction: 'after' }, declared, holidaysFile, help }
  if (from === undefined) throw new UsageError('--from is required')
  if (!isIsoDate(from)) throw new UsageError(`--from must be a real date written YYYY-MM-DD (got '${from}')`)
  if (days === undefined) throw new UsageError('--days is required')
  if (!/^\d+$/.test(days) || Number(days) < 1 || Number(days) > MAX_PERIOD_DAYS) {
    throw new UsageError(`--days must be a whole number from 1 to ${MAX_PERIOD_DAYS} (got '${days}')`)
  }
  if (!direction) throw new UsageError('give --after or --before')
  return {
    input: { from, period: Number(days), unit: 'days', direction, clear, ignoreShortPeriodRule: ignoreShort },
    declared,
    holidaysFile,
    help,
  }
}

/** Run the command; returns the exit code (0 ok, 2 bad usage, 1 a file that cannot be used). */
export function runDeadlineCli(argv: readonly string[], io: CliIo): number {
  let args: DeadlineArgs
  try {
    args = parseDeadlineArgs(argv)
  } catch (e) {
    io.err(`deadline: ${(e as Error).message}\n\n${USAGE}\n`)
    return 2
  }
  if (args.help) {
    io.out(`${USAGE}\n`)
    return 0
  }
  let holidays: readonly GeneralHoliday[] = HK_GENERAL_HOLIDAYS
  let years: readonly number[] = HK_BUNDLED_YEARS
  if (args.holidaysFile) {
    try {
      const parsed = parseHolidayFile(io.readFile(args.holidaysFile))
      ;({ holidays, years } = mergeHolidayLists(parsed.holidays, parsed.years))
    } catch (e) {
      const where = e instanceof HolidayFileError && e.path ? ` at ${e.path}` : ''
      io.err(`deadline: cannot use the holiday file ${args.holidaysFile}${where}: ${(e as Error).message}\n`)
      return 1
    }
  }
  const calendar = createCourtCalendar({ holidays, declared: args.declared, holidayYears: years })
  const r = computeDeadline(args.input, calendar)
  for (const w of r.warnings) {
    io.err(
      `deadline: warning: no general-holiday list for ${w.year}; holidays that year are not taken into account (use --holidays)\n`,
    )
  }
  io.out(`${JSON.stringify({ deadline: r.deadline, counted: r.counted, excluded: r.excluded }, null, 2)}\n`)
  return 0
}
