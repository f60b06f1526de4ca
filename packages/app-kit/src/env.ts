import { z } from 'zod'

/** The build-time settings every app reads; `.env*` files and `VITE_*` variables feed them. */
const Env = z.object({
  /** Prefix of the API; the backend serves it on the same origin as the apps. */
  VITE_API_BASE: z.string().min(1).default('/api'),
})

/** The parsed settings. Loaded with the API client (zod stays out of the kernel's first bundle). */
export const env = Env.parse(import.meta.env)
