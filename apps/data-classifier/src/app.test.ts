import { itSignsInAgainOverThePage } from '@suite/app-kit/testing'
import { describe } from 'vitest'
import { createClassifierApp } from './app'
import { routes } from './router'

describe('data classifier app', () => {
  itSignsInAgainOverThePage(createClassifierApp, { routes })
})
