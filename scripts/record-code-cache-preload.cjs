// Loaded with --require by record-code-caches.mjs: the bundle run next saves its code cache at exit.
require('../dist/code-cache.js').recordCodeCachesAtExit();
