// quickchart-js imports cross-fetch, a fetch polyfill Node 20 does not need: the build points it here,
// at Node's own fetch. Looked up on call, not on load: touching globalThis.fetch loads Node's fetch
// implementation (undici), 20-30 ms that a process drawing no chart from QuickChart never needs.
export default (...args) => globalThis.fetch(...args);
