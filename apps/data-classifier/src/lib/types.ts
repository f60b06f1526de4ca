import type {
  DataLabel,
  HomeJurisdiction,
  KeywordCategory,
  SensitiveType,
  SourceKind,
  SourceReach,
  StorageLocation,
} from '@suite/domain'

/** Why a reviewer dismissed a finding. */
export const DISMISS_REASONS = [
  'false_positive',
  'test_data',
  'public_information',
  'already_protected',
  'other',
] as const
export type DismissReason = (typeof DISMISS_REASONS)[number]

/** A finding as the wizard keeps it on the device (raw positions, masked value, masked snippet). */
export interface StoredFinding {
  id: number
  type: SensitiveType
  start: number
  end: number
  confidence: number
  masked: string
  category?: KeywordCategory
  region?: 'HK' | 'MO' | 'CN'
  /** The text around the finding with every personal value in it masked. */
  snippet: string
  dismissed: { reason: DismissReason; note: string } | null
}

/** Where a source is in the scan. */
export type SourceStatus = 'pending' | 'scanning' | 'done' | 'failed' | 'cancelled'

/** One thing to classify: a file, a pasted text or a chat export. Raw content stays on the device. */
export interface WizardSource {
  id: string
  name: string
  kind: SourceKind
  size: number
  /** The file itself (kept in IndexedDB on this device so a scan can resume). */
  file: File | null
  /** Pasted text or pasted chat export. */
  text: string | null
  status: SourceStatus
  /** Stable failure reason (`unsupported`, `corrupt`, `encrypted`, `read_failed`). */
  error: string | null
  findings: StoredFinding[]
  /** Length of the extracted text, in characters. */
  chars: number
  label: DataLabel | null
  justification: string
  storedIn: StorageLocation
  reach: SourceReach
}

/** The whole wizard, as persisted between visits. */
export interface WizardState {
  step: number
  title: string
  home: HomeJurisdiction
  sources: WizardSource[]
  scannedAt: string | null
  savedReportId: string | null
}

/** The steps, in order. */
export const STEPS = ['sources', 'scan', 'review', 'label', 'flow', 'report'] as const
export type StepName = (typeof STEPS)[number]
