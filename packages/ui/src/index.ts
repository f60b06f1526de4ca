/**
 * @suite/ui: the suite's shared Vue layer. Components are Element Plus based and imported
 * per component; every string goes through vue-i18n; every date through `dates/format`.
 * Styles: `import '@suite/ui/theme.css'` once per app.
 */

// i18n and locale
export {
  createSuiteI18n,
  applyLocale,
  type MessageTree,
  type SuiteI18n,
  type SuiteI18nOptions,
} from './locale/create-suite-i18n'
export { LOCALE_MESSAGES, useLocale } from './locale/use-locale'
export { useRoleLabel } from './locale/use-role-label'
export {
  LOCALES,
  DEFAULT_LOCALE,
  LOCALE_STORAGE_KEY,
  detectLocale,
  localeFromLanguageTag,
} from './locale/detect-locale'
export { ELEMENT_LOCALES } from './locale/element-locales'
export { SUITE_MESSAGES, type SuiteMessages } from './locale/messages'

// Dates, always in Asia/Hong_Kong
export {
  HK_TIME_ZONE,
  formatDateTime,
  formatDate,
  formatTime,
  formatRelative,
  toHongKongTime,
  setDateLocale,
  getDateLocale,
  type DateInput,
  type DateStyle,
} from './dates/format'

// The suite's apps
export {
  SUITE_APPS,
  SUITE_APP_IDS,
  SUITE_APP_ICONS,
  getSuiteApp,
  suiteAppHref,
  suiteAppsFor,
  type SuiteApp,
  type SuiteAppId,
  type SuiteAppIconName,
} from './apps/suite-apps'

// Shell
export { default as AppShell } from './components/app-shell/AppShell.vue'
export { useAppShell, WIDE_LAYOUT_QUERY, type ShellUser } from './components/app-shell/use-app-shell'
export { default as LanguageSwitch } from './components/language-switch/LanguageSwitch.vue'

// States
export { default as LoadingState } from './components/states/LoadingState.vue'
export { default as EmptyState } from './components/states/EmptyState.vue'
export { default as ErrorState } from './components/states/ErrorState.vue'
export { useErrorMessage, type ErrorLike } from './components/states/use-error-message'

// Inside DingTalk: its confirm / toast / share sheet, the navigation bar's main action
export { SUITE_DINGTALK, SUITE_SESSION_METHOD, useSuiteDingTalk } from './platform/platform'
export { useDialogs } from './platform/use-dialogs'
export { useMainAction, type MainAction } from './platform/use-main-action'
export {
  describeError,
  NOT_ENROLLED_FIELD_CODES,
  type ErrorAction,
  type ErrorDescription,
  type ErrorScope,
} from './components/states/describe-error'

// Sign-in
export { default as SignInGate } from './components/sign-in/SignInGate.vue'
export { default as DevSignInPicker } from './components/sign-in/DevSignInPicker.vue'
export {
  useSignIn,
  SignInError,
  type SignInApi,
  type SignInDeps,
  type SignInDingTalk,
  type SignInState,
  type UseSignInOptions,
} from './components/sign-in/use-sign-in'
export { createSessionExpiry, type SessionExpiry } from './components/sign-in/session-expiry'
export { useDevUserGroups, type DevUser, type DevUserGroup } from './components/sign-in/use-dev-user-groups'
