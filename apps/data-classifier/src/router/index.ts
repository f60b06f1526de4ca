import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'wizard', component: () => import('../pages/WizardPage.vue') },
  { path: '/reports', name: 'reports', component: () => import('../pages/ReportsPage.vue') },
  { path: '/reports/:id', name: 'report', component: () => import('../pages/ReportPage.vue'), props: true },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

/** Hash history: the part before `#` stays fixed, so a DingTalk JSAPI signature of the URL stays valid. */
export function createClassifierRouter() {
  return createRouter({ history: createWebHashHistory(), routes })
}
