import { onScopeDispose, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue'

/** Options of {@link usePinchZoom}. */
export interface PinchZoomOptions {
  min?: number
  max?: number
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v))

/**
 * Pinch to zoom on touch screens (two pointers), ctrl + wheel on a PC, double-tap to toggle.
 * The scale widens the content; the element's own scrolling pans it, so it works in the
 * DingTalk webview without any gesture library.
 */
export function usePinchZoom(target: MaybeRefOrGetter<HTMLElement | null | undefined>, options: PinchZoomOptions = {}) {
  const min = options.min ?? 1
  const max = options.max ?? 4
  const scale = shallowRef(1)
  const pointers = new Map<number, { x: number; y: number }>()
  let startDistance = 0
  let startScale = 1
  let lastTap = 0

  const distance = () => {
    const [a, b] = [...pointers.values()]
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0
  }

  function setScale(next: number): void {
    scale.value = Math.round(clamp(next, min, max) * 100) / 100
  }

  function down(e: PointerEvent): void {
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY })
    if (pointers.size === 2) {
      startDistance = distance()
      startScale = scale.value
    }
    if (e.pointerType === 'touch' && pointers.size === 1) {
      const now = e.timeStamp
      if (now - lastTap < 300) setScale(scale.value > min ? min : 2)
      lastTap = now
    }
  }
  function move(e: PointerEvent): void {
    if (!pointers.has(e.pointerId)) return
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY })
    if (pointers.size === 2 && startDistance > 0) setScale(startScale * (distance() / startDistance))
  }
  function up(e: PointerEvent): void {
    pointers.delete(e.pointerId)
    if (pointers.size < 2) startDistance = 0
  }
  function wheel(e: WheelEvent): void {
    if (!e.ctrlKey) return
    e.preventDefault()
    setScale(scale.value * (e.deltaY < 0 ? 1.1 : 1 / 1.1))
  }

  let detach = (): void => undefined
  watch(
    () => toValue(target),
    (el) => {
      detach()
      if (!el) return
      el.addEventListener('pointerdown', down)
      el.addEventListener('pointermove', move)
      el.addEventListener('pointerup', up)
      el.addEventListener('pointercancel', up)
      el.addEventListener('wheel', wheel, { passive: false })
      detach = () => {
        el.removeEventListener('pointerdown', down)
        el.removeEventListener('pointermove', move)
        el.removeEventListener('pointerup', up)
        el.removeEventListener('pointercancel', up)
        el.removeEventListener('wheel', wheel)
      }
    },
    { immediate: true },
  )
  onScopeDispose(() => detach())

  return {
    scale,
    zoomIn: () => setScale(scale.value * 1.25),
    zoomOut: () => setScale(scale.value / 1.25),
    reset: () => setScale(min),
  }
}
