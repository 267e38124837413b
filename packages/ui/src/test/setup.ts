import { loadWholeCatalogue } from '../i18n/loader.ts'

// Screens render synchronously in tests: every language and catalogue section is loaded up front
// (in the SPAs, `loader.ts` loads them on demand).
await loadWholeCatalogue()
