import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/audit' },
  { path: '/audit', name: 'audit', component: () => import('../pages/AuditPage.vue') },
  { path: '/users', name: 'users', component: () => import('../pages/UsersPage.vue') },
  { path: '/documents', name: 'documents', component: () => import('../pages/DocumentsPage.vue') },
  {
    path: '/documents/:kind/:key',
    name: 'document',
    component: () => import('../pages/DocumentEditorPage.vue'),
    props: (r) => ({ kind: String(r.params.kind), docKey: String(r.params.key) }),
  },
  // Everyone's own second factor: partners lifting ethical walls and people IT gave a set-up code use it too.
  {
    path: '/security',
    name: 'security',
    component: () => import('../pages/SecurityPage.vue'),
    meta: { everyone: true },
  },
  { path: '/:pathMatch(.*)*', redirect: '/audit' },
]

/** Hash history: the part before `#` stays fixed, so a DingTalk JSAPI signature of the URL stays valid. */
export function createAdminRouter() {
  return createRouter({ history: createWebHashHistory(), routes })
}
