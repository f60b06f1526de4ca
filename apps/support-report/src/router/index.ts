import type { Role } from '@suite/domain'
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

declare module 'vue-router' {
  interface RouteMeta {
    /** Roles that may open the page; everyone signed in when absent. */
    roles?: readonly Role[]
  }
}

/** Home and the report form are the two taps; the consoles load only for the people who open them. */
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('../pages/HomePage.vue') },
  { path: '/report', name: 'report', component: () => import('../pages/ReportPage.vue') },
  { path: '/mine', name: 'mine', component: () => import('../pages/MyReportsPage.vue') },
  { path: '/reports/:id', name: 'report-detail', component: () => import('../pages/ReportDetailPage.vue') },
  {
    path: '/console',
    name: 'console',
    component: () => import('../pages/ConsolePage.vue'),
    meta: { roles: ['it_admin'] },
  },
  {
    path: '/registry',
    name: 'registry',
    component: () => import('../pages/RegistryPage.vue'),
    meta: { roles: ['it_admin'] },
  },
  {
    path: '/drills',
    name: 'drills',
    component: () => import('../pages/DrillsPage.vue'),
    meta: { roles: ['compliance_officer', 'it_admin'] },
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

/** Hash history: the part before `#` stays fixed, so a DingTalk JSAPI signature of the URL stays valid. */
export function createReportRouter() {
  return createRouter({ history: createWebHashHistory(), routes })
}
