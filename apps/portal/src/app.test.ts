import { itSignsInAgainOverThePage } from '@suite/app-kit/testing'
import { describe } from 'vitest'
import { createPortalApp } from './app'
import { routes } from './router'

describe('portal app', () => {
  itSignsInAgainOverThePage(createPortalApp, { routes })
})
