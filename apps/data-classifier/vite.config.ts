import { defineAppConfig } from '@suite/vite-config'
import { mergeConfig } from 'vite'

// The scan worker is an ES module worker, so pdf.js is split out and loaded only for PDFs.
export default mergeConfig(defineAppConfig({ name: 'data-classifier', port: 5173 }), { worker: { format: 'es' } })
