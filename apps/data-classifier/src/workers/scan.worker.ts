/// <reference lib="webworker" />
import { runScan, type ScanMessage, type ScanRequest } from './scan-job'

/**
 * The scan runs here, off the page's thread: files are read and scanned on the device and only
 * findings (with masked values) go back to the page. This worker makes no network request.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope
scope.onmessage = (e: MessageEvent<ScanRequest>) => {
  void runScan(e.data, (m: ScanMessage) => scope.postMessage(m))
}
