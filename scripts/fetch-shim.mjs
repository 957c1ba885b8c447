// quickchart-js imports cross-fetch, a fetch polyfill Node 20 does not need: the build points it here,
// at Node's own fetch, so loading quickchart-js costs no polyfill (30-40 ms of every CLI start).
export default globalThis.fetch;
export const { Headers, Request, Response } = globalThis;
