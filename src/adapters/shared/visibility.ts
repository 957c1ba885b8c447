/**
 * "/province Yunnan --public" asks for an in-channel answer instead of a private one. Phones turn "--"
 * into a dash, so "—public" and "–public" count too.
 */
export function splitVisibility(text: string): { text: string; public: boolean } {
  const m = /\s*(?:--|—|–)public\s*$/i.exec(text);
  return m ? { text: text.slice(0, m.index), public: true } : { text, public: false };
}
