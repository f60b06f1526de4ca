// What the admin app's component tests mount with (mountWithSuite): its messages and routes. The form
// round-trip test runs in the node environment and installs its own DOM before Vue loads, so the
// defaults (which bring Vue) are set only where the environment already has one.
if (typeof document !== 'undefined') {
  const [{ setSuiteMountDefaults }, { messages }, { routes }] = await Promise.all([
    import('@suite/app-kit/testing'),
    import('../locales'),
    import('../router'),
  ])
  setSuiteMountDefaults({ messages, routes })
}

export {}
