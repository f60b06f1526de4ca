export * from './demo'
export * from './factories'
export * from './case-room'
export * from './court-calendar'
