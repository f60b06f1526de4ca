import type { ChildProcess } from 'node:child_process'

/** The repository's root folder. */
export const root: string
/** The demo organisation's DingTalk corp id. */
export const DEMO_CORP_ID: string
/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number>

/** A backend started by {@link startServerProcess}. */
export interface ServerProcess {
  baseURL: string
  port: number
  dataDir: string
  child: ChildProcess
  pid: number | undefined
  output(): string
  /** SIGTERM (SIGKILL after 5 s), then remove the data directory if it was made here. */
  stop(): Promise<void>
}

/** Options of {@link startServerProcess}. */
export interface ServerProcessOptions {
  env?: Record<string, string>
  /** The mock-server folder to run (another checkout's, for the attack suite). */
  serverDir?: string
  /** Pass this process's environment on (default true). */
  inherit?: boolean
  dataDir?: string
  /** Remove the data directory at stop (default: only when it was made here). */
  removeDataDir?: boolean
  timeoutMs?: number
  /** Prefix of the temporary data directory. */
  label?: string
}

/** Start the real backend as its own process and wait for /healthz. */
export function startServerProcess(opts?: ServerProcessOptions): Promise<ServerProcess>
/** The backend with the bench's development settings (demo data, demo sign-in, simulator test hooks). */
export function startBackend(env?: Record<string, string>, opts?: { timeoutMs?: number }): Promise<ServerProcess>
/** Sign in through the dev route. */
export function devSignIn(baseURL: string, userId?: string): Promise<{ cookie: string; csrf: string }>
/** Percentile (0..100) of a list of numbers, nearest-rank. */
export function percentile(values: number[], p: number): number
