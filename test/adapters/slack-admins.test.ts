import { describe, expect, it } from 'vitest';
import { listedAdmin } from '../../src/adapters/slack/admins.js';

describe('BRIEFING_ADMINS per workspace', () => {
  it('"T:U" names a user of one workspace; a bare id counts only with a single workspace', () => {
    const admins = ['T1:U7', 'U9'];
    expect(listedAdmin(admins, 'U7', 'T1', true)).toBe(true);
    expect(listedAdmin(admins, 'U7', 'T2', true)).toBe(false);
    // With many workspaces (OAuth) a bare id would let a user of that id in any workspace manage briefings.
    expect(listedAdmin(admins, 'U9', 'T2', true)).toBe(false);
    expect(listedAdmin(admins, 'U9', 'T1', false)).toBe(true);
  });
});
