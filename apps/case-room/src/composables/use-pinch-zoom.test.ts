import { describe, expect, it } from 'vitest'
import { effectScope } from 'vue'
import { usePinchZoom } from './use-pinch-zoom'

function pointer(type: string, id: number, x: number, y = 0, pointerType = 'touch'): PointerEvent {
  const e = new Event(type) as PointerEvent
  Object.assign(e, { pointerId: id, clientX: x, clientY: y, pointerType })
  return e
}

describe('usePinchZoom', () => {
  it('scales with the distance between two fingers, within its bounds', () => {
    const el = document.createElement('div')
    const scope = effectScope()
    const zoom = scope.run(() => usePinchZoom(el, { min: 1, max: 3 }))!
    el.dispatchEvent(pointer('pointerdown', 1, 100))
    el.dispatchEvent(pointer('pointerdown', 2, 200))
    el.dispatchEvent(pointer('pointermove', 2, 300))
    expect(zoom.scale.value).toBe(2)
    el.dispatchEvent(pointer('pointermove', 2, 900))
    expect(zoom.scale.value).toBe(3)
    el.dispatchEvent(pointer('pointerup', 1, 100))
    el.dispatchEvent(pointer('pointerup', 2, 900))
    zoom.reset()
    expect(zoom.scale.value).toBe(1)
    scope.stop()
    el.dispatchEvent(pointer('pointerdown', 1, 100))
    el.dispatchEvent(pointer('pointerdown', 2, 200))
    el.dispatchEvent(pointer('pointermove', 2, 400))
    expect(zoom.scale.value).toBe(1)
  })

  it('ctrl + wheel zooms on a PC; a plain wheel scrolls', () => {
    const el = document.createElement('div')
    const scope = effectScope()
    const zoom = scope.run(() => usePinchZoom(el))!
    el.dispatchEvent(Object.assign(new Event('wheel', { cancelable: true }), { deltaY: -100, ctrlKey: false }))
    expect(zoom.scale.value).toBe(1)
    el.dispatchEvent(Object.assign(new Event('wheel', { cancelable: true }), { deltaY: -100, ctrlKey: true }))
    expect(zoom.scale.value).toBe(1.1)
    scope.stop()
  })
})
