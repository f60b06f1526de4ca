import { Calendar, FolderOpened, HomeFilled, Lock, Service, Setting } from '@element-plus/icons-vue'
import { INTERNAL_ROLES, type Role } from '@suite/domain'
import type { Component } from 'vue'

/** The mini-apps of the suite; each is built to and served at `/apps/<id>/`. */
export const SUITE_APP_IDS = [
  'portal',
  'case-room',
  'court-calendar',
  'data-classifier',
  'support-report',
  'admin',
] as const
export type SuiteAppId = (typeof SUITE_APP_IDS)[number]

/** Icons the app tiles use, by @element-plus/icons-vue name. */
export const SUITE_APP_ICONS = { HomeFilled, FolderOpened, Calendar, Lock, Service, Setting } satisfies Record<
  string,
  Component
>
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
  /** Who the app is for; absent = everyone, externals included. The server still checks every call. */
  roles?: readonly Role[]
}

function app(id: SuiteAppId, messageKey: string, icon: SuiteAppIconName, roles?: readonly Role[]): SuiteApp {
  return {
    id,
    titleKey: `apps.${messageKey}.title`,
    descriptionKey: `apps.${messageKey}.description`,
    icon,
    path: `/apps/${id}/`,
    ...(roles ? { roles } : {}),
  }
}

/** Every app of the suite, the portal first. */
export const SUITE_APPS: readonly SuiteApp[] = [
  app('portal', 'portal', 'HomeFilled'),
  app('case-room', 'caseRoom', 'FolderOpened'),
  app('court-calendar', 'courtCalendar', 'Calendar', INTERNAL_ROLES),
  app('data-classifier', 'dataClassifier', 'Lock', INTERNAL_ROLES),
  app('support-report', 'supportReport', 'Service', INTERNAL_ROLES),
  app('admin', 'admin', 'Setting', ['it_admin', 'compliance_officer']),
]

/** The apps a person with `role` is offered (clients and experts only get the case room). */
export function suiteAppsFor(role: Role): SuiteApp[] {
  return SUITE_APPS.filter((a) => !a.roles || a.roles.includes(role))
}

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
