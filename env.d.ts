// Types for Slidev's client, which ships as TypeScript source: its own shims, and the
// build-time constants its Vite plugin defines.
/// <reference types="@slidev/client/shim.d.ts" />
/// <reference types="@slidev/client/shim-vue.d.ts" />

declare const __DEV__: boolean
declare const __SLIDEV_FEATURE_DRAWINGS__: boolean
declare const __SLIDEV_FEATURE_DRAWINGS_PERSIST__: boolean
declare const __SLIDEV_FEATURE_EDITOR__: boolean
declare const __SLIDEV_FEATURE_PRESENTER__: boolean
declare const __SLIDEV_FEATURE_PRINT__: boolean
declare const __SLIDEV_FEATURE_RECORD__: boolean
declare const __SLIDEV_FEATURE_WAKE_LOCK__: boolean
declare const __SLIDEV_FEATURE_BROWSER_EXPORTER__: boolean
declare const __SLIDEV_HAS_SERVER__: boolean
declare const __SLIDEV_HASH_ROUTE__: boolean

/** The project's version (package.json), set by vite.config.ts. */
declare const __DECK_VERSION__: string
/** True in the build for a class (`npm run build:class`): no solutions in it. */
declare const __CLASS_BUILD__: boolean

declare module 'file-saver'
