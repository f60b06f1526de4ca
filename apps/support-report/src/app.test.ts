import { itSignsInAgainOverThePage } from '@suite/app-kit/testing'
import { describe } from 'vitest'
import { createSupportReportApp } from './app'
import { routes } from './router'

describe('support report app', () => {
  itSignsInAgainOverThePage(createSupportReportApp, { routes })
})
