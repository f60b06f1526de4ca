import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'cases', component: () => import('../pages/CasesPage.vue') },
  // Opened from the one-time link by someone who has no account yet: rendered outside the sign-in gate.
  {
    path: '/invite/:token',
    name: 'invite',
    component: () => import('../pages/InvitePage.vue'),
    meta: { public: true },
  },
  // A partner's one-time sign-in link for an existing external member: same page, no new account.
  {
    path: '/sign-in/:token',
    name: 'sign-in-link',
    component: () => import('../pages/InvitePage.vue'),
    meta: { public: true },
  },
  { path: '/cases/:caseId', redirect: (to) => `/cases/${String(to.params.caseId)}/timeline` },
  { path: '/cases/:caseId/documents/:docId', name: 'document', component: () => import('../pages/DocumentPage.vue') },
  {
    path: '/cases/:caseId/:area(timeline|public|restricted|private|members)',
    name: 'case',
    component: () => import('../pages/CasePage.vue'),
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

/** Hash history: the part before `#` stays fixed, so a DingTalk JSAPI signature of the URL stays valid. */
export function createCaseRoomRouter() {
  return createRouter({ history: createWebHashHistory(), routes })
}
