import { describe, expect, it } from 'vitest'
import { isNearMiss } from './typo'

describe('isNearMiss', () => {
  it('takes any single edit', () => {
    expect(['dingtallk', 'dintalk', 'dingtlak', 'pingtalk', 'dingtalks'].map((l) => isNearMiss(l, 'dingtalk'))).toEqual(
      [true, true, true, true, true],
    )
  })

  it('takes two edits only when both are easy to miss, and only for long names', () => {
    expect(isNearMiss('diingtallk', 'dingtalk')).toBe(true)
    expect(isNearMiss('dngtlk', 'dingtalk')).toBe(true)
    expect(isNearMiss('dimgtaik', 'dingtalk')).toBe(true)
    expect(isNearMiss('hongtalk', 'dingtalk')).toBe(false)
    expect(isNearMiss('mingtalks', 'dingtalk')).toBe(false)
    expect(isNearMiss('alison', 'aliyun')).toBe(false)
    expect(isNearMiss('codingtalk', 'dingtalk')).toBe(false)
  })

  it('is not the name itself', () => {
    expect(isNearMiss('dingtalk', 'dingtalk')).toBe(false)
  })
})
