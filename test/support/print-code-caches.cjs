// Preloaded with --require: prints, as the process exits, how each bundle was compiled (src/code-cache.ts).
const { codeCaches } = require('../../dist/code-cache.js');
process.on('exit', () => process.stderr.write(`CODE_CACHES ${JSON.stringify(codeCaches())}\n`));
