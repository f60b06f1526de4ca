import { itSignsInAgainOverThePage } from '@suite/app-kit/testing'
import { describe } from 'vitest'
import { createCourtCalendarApp } from './app'
import { routes } from './router'

describe('court calendar app', () => {
  itSignsInAgainOverThePage(createCourtCalendarApp, { routes })
})
