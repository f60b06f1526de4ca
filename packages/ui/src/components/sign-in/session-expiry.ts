/**
 * A tiny signal from an app's API client to its sign-in gate: "the server answered 401".
 * Apps create one, pass `notify` as the api client's `onUnauthenticated`, and give it to
 * `<SignInGate :expiry>`.
 */
export interface SessionExpiry {
  notify(): void
  subscribe(listener: () => void): () => void
}

/** Create a {@link SessionExpiry}. */
export function createSessionExpiry(): SessionExpiry {
  const listeners = new Set<() => void>()
  return {
    notify() {
      for (const l of [...listeners]) l()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
