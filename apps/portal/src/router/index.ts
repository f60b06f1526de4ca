import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('../pages/HomePage.vue') },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

/** Hash history: the part before `#` stays fixed, so a DingTalk JSAPI signature of the URL stays valid. */
export function createPortalRouter() {
  return createRouter({ history: createWebHashHistory(), routes })
}
