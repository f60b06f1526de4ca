/**
 * Every endpoint of the suite's API, one file per area. The server serves each with
 * `serve(app, endpoint, handler)`, the client calls it with `http.call(endpoint, input)`.
 */
export * from './cases'
export * from './case-room'
export * from './support'
export * from './classifier'
export * from './lowcode'
export * from './auth'
export * from './users'
export * from './admin'
export * from './audit'
export * from './court-calendar'
export * from './portal'
