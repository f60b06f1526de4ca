/**
 * Every endpoint of the suite's API, one file per area. The server serves each with
 * `serve(app, endpoint, handler)`, the client calls it with `http.call(endpoint, input)`.
 */
export * from './cases'
