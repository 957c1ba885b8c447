import { createRequire } from 'node:module';
import * as Bolt from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import * as ours from '../../src/adapters/slack/bolt.js';

describe('the one place the bot reaches past Bolt’s public entry', () => {
  it('each file it requires is the very class or module Bolt’s public entry exports (fails when Bolt moves them)', () => {
    expect(ours.App).toBe(Bolt.App);
    expect(ours.SocketModeReceiver).toBe(Bolt.SocketModeReceiver);
    expect(ours.HTTPResponseAck).toBe(Bolt.HTTPResponseAck);
    expect(Object.keys(ours.HTTPModuleFunctions).sort()).toEqual(Object.keys(Bolt.HTTPModuleFunctions).sort());
    expect(ours.LogLevel).toEqual(Bolt.LogLevel);
    // Pinned: a new Bolt is a deliberate change, run through this test.
    expect(createRequire(import.meta.url)('@slack/bolt/package.json').version).toBe('5.1.0');
  });
});
