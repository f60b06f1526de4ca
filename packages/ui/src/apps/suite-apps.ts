import { Calendar, FolderOpened, HomeFilled, Lock, Service } from '@element-plus/icons-vue'
import type { Component } from 'vue'

/** The mini-apps of the suite; each is built to and served at `/apps/<id>/`. */
export const SUITE_APP_IDS = ['portal', 'case-room', 'court-calendar', 'data-classifier', 'support-report'] as const
export type SuiteAppId = (typeof SUITE_APP_IDS)[number]

/** Icons the app tiles use, by @element-plus/icons-vue name. */
export const SUITE_APP_ICONS = { HomeFilled, FolderOpened, Calendar, Lock, Service } satisfies Record<string, Component>
export type SuiteAppIconName = keyof typeof SUITE_APP_ICONS

/** One mini-app as the portal and cross-app links know it. */
export interface SuiteApp {
  id: SuiteAppId
  /** vue-i18n key of the app's name (shared messages). */
  titleKey: string
  /** vue-i18n key of a one-line description. */
  descriptionKey: string
  /** Key of {@link SUITE_APP_ICONS}. */
  icon: SuiteAppIconName
  /** Absolute path of the app's entry, with trailing slash. */
  path: string
}

function app(id: SuiteAppId, messageKey: string, icon: SuiteAppIconName): SuiteApp {
  return { id, titleKey: `apps.${messageKey}.title`, descriptionKey: `apps.${messageKey}.description`, icon, path: `/apps/${id}/` }
}

/** Every app of the suite, the portal first. */
export const SUITE_APPS: readonly SuiteApp[] = [
  app('portal', 'portal', 'HomeFilled'),
  app('case-room', 'caseRoom', 'FolderOpened'),
  app('court-calendar', 'courtCalendar', 'Calendar'),
  app('data-classifier', 'dataClassifier', 'Lock'),
  app('support-report', 'supportReport', 'Service'),
]

/** The app with this id. */
export function getSuiteApp(id: SuiteAppId): SuiteApp {
  const found = SUITE_APPS.find((a) => a.id === id)
  if (!found) throw new Error(`Unknown suite app: ${id}`)
  return found
}

/**
 * Link to another app, carrying the DingTalk `corpId` along (the workbench only adds it
 * to the URL it opens, and the next app needs it for `requestAuthCode`).
 */
export function suiteAppHref(appOrId: SuiteApp | SuiteAppId, corpId?: string | null): string {
  const target = typeof appOrId === 'string' ? getSuiteApp(appOrId) : appOrId
  return corpId ? `${target.path}?corpId=${encodeURIComponent(corpId)}` : target.path
}
