import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'calendar', component: () => import('../pages/CalendarPage.vue') },
  { path: '/hearings/new', name: 'hearing-new', component: () => import('../pages/HearingFormPage.vue') },
  { path: '/hearings/:id', name: 'hearing', component: () => import('../pages/HearingPage.vue') },
  { path: '/hearings/:id/edit', name: 'hearing-edit', component: () => import('../pages/HearingFormPage.vue') },
  { path: '/deadlines/new', name: 'deadline-new', component: () => import('../pages/DeadlineFormPage.vue') },
  { path: '/deadlines/:id', name: 'deadline', component: () => import('../pages/DeadlinePage.vue') },
  { path: '/calculator', name: 'calculator', component: () => import('../pages/CalculatorPage.vue') },
  { path: '/import', name: 'import', component: () => import('../pages/ImportPage.vue') },
  { path: '/feed', name: 'feed', component: () => import('../pages/FeedPage.vue') },
  { path: '/admin', name: 'admin', component: () => import('../pages/AdminPage.vue') },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

/** Hash history: the part before `#` stays fixed, so a DingTalk JSAPI signature of the URL stays valid. */
export function createCourtCalendarRouter() {
  return createRouter({ history: createWebHashHistory(), routes })
}
