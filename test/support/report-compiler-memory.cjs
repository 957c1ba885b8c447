// Preloaded into a spawned bot (node --require): on SIGUSR2 it writes the most memory V8's compilers
// have held at once (peak_malloced_memory, bytes) to stderr, as "compiler-memory-peak N".
const v8 = require('node:v8');
process.on('SIGUSR2', () => process.stderr.write(`compiler-memory-peak ${v8.getHeapStatistics().peak_malloced_memory}\n`));
