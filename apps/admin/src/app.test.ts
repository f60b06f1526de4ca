import { itSignsInAgainOverThePage } from '@suite/app-kit/testing'
import { describe } from 'vitest'
import { createAdminApp } from './app'
import { routes } from './router'

describe('admin app', () => {
  itSignsInAgainOverThePage(createAdminApp, { routes })
})
