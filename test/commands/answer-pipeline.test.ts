import { describe, expect, it } from 'vitest';
import { createCore, consoleInvocation, type Core } from '../../src/core.js';
import { createAnswerPipeline } from '../../src/framework/answer-pipeline.js';
import type { Invocation } from '../../src/framework/define.js';
import { createLogger } from '../../src/log.js';
import { decodeClick, encodeClick } from '../../src/render/controls.js';
import { core as paperCore, paperLibrary } from '../support/core.js';

const SECRET = 'a-secret-of-sixteen-chars';
const CHANNEL = 'C1';
const invocation = (o: Partial<Invocation> = {}): Invocation => ({ ...consoleInvocation('en'), platform: 'test', channelId: CHANNEL, userId: 'U1', ...o });

function pipelineOver(core: Core) {
  const counted: [string, string][] = [];
  const pipeline = createAnswerPipeline({
    core,
    log: createLogger('silent'),
    metrics: { command: (name, _platform, outcome) => counted.push([name, outcome]) },
    componentSecret: SECRET,
    platform: 'test',
  });
  return { pipeline, counted };
}

describe('the answer pipeline every platform calls', () => {
  it('one flag parser: "—full" (a phone’s dash) and "--FULL" pick the full form, and the line re-run has no flags', async () => {
    const { pipeline } = pipelineOver(paperCore());
    for (const line of ['/province Yunnan —full', '/province Yunnan --FULL', '/province Yunnan –full']) {
      const o = await pipeline.answer({ kind: 'line', line }, invocation());
      if (!o.ok) throw new Error('no answer');
      expect([o.presented.detail, o.presented.line]).toEqual(['full', '/province Yunnan']);
    }
  });

  it('compact and private by default in chat, full by default in the console; --public and typed public options show it to all', async () => {
    const { pipeline } = pipelineOver(paperCore());
    const chat = await pipeline.answer({ kind: 'line', line: '/province Yunnan' }, invocation());
    const consoleForm = await pipeline.answer({ kind: 'words', text: '/province Yunnan' }, invocation(), { defaultDetail: 'full' });
    const typed = await pipeline.answer(
      { kind: 'options', name: 'province', sub: undefined, raw: { name: 'Yunnan' }, line: '/province Yunnan', public: true },
      invocation(),
    );
    expect(chat.ok && [chat.presented.detail, chat.presented.isPublic]).toEqual(['compact', false]);
    expect(consoleForm.ok && consoleForm.presented.detail).toBe('full');
    expect(typed.ok && typed.presented.isPublic).toBe(true);
    // More, signed for this channel, is among the controls of the compact form.
    expect(chat.ok && chat.presented.controls[0]).toMatchObject({ kind: 'button', label: 'More' });
  });

  it('clicks: signed for this channel or refused; Share posts for all, named, uncached; an error never replaces the answer', async () => {
    const { pipeline } = pipelineOver(paperCore());
    const share = await pipeline.answer({ kind: 'click', id: encodeClick(SECRET, CHANNEL, 'p', '/province Yunnan')! }, invocation());
    expect(share.ok && [share.presented.placement, share.presented.isPublic, share.presented.sharedBy, share.presented.variant]).toEqual([
      'share',
      true,
      'U1',
      undefined,
    ]);
    const elsewhere = await pipeline.answer({ kind: 'click', id: encodeClick(SECRET, 'C2', 'u', '/province Yunnan')! }, invocation());
    expect(!elsewhere.ok && elsewhere.kind).toBe('refused');
    const broken = await pipeline.answer({ kind: 'click', id: encodeClick(SECRET, CHANNEL, 'u', '/province Atlantis')! }, invocation());
    expect(broken.ok && [broken.presented.placement, broken.presented.reply.tone]).toEqual(['beside', 'error']);
  });

  it('a request made again gets the very answer it got, counted again; another channel, language or library, words and Share are made afresh', async () => {
    const core = paperCore();
    const { pipeline, counted } = pipelineOver(core);
    const way = { kind: 'options', name: 'province', sub: undefined, raw: { name: 'Yunnan' }, line: '/province Yunnan' } as const;
    const presented = async (w: Parameters<typeof pipeline.answer>[0], inv = invocation(), o = {}) => {
      const out = await pipeline.answer(w, inv, o);
      if (!out.ok) throw new Error('no answer');
      return out.presented;
    };
    const first = await presented(way);
    expect(await presented({ ...way, raw: { name: 'Yunnan' } })).toBe(first);
    expect(counted).toEqual([
      ['province', 'ok'],
      ['province', 'ok'],
    ]);
    const elsewhere = await presented(way, invocation({ channelId: 'C2' }));
    expect(elsewhere).not.toBe(first);
    expect(decodeClick(SECRET, 'C2', elsewhere.controls[0]!.id)).toMatchObject({ ok: true });
    expect(decodeClick(SECRET, 'C2', first.controls[0]!.id)).toMatchObject({ ok: false, reason: 'forged' });
    expect((await presented(way, invocation({ lang: 'zh-CN' }))).lang).toBe('zh-CN');
    // The same line typed, and a click that runs it, are answers of their own kind, kept as such.
    const typed = await presented({ kind: 'line', line: '/province Yunnan' });
    expect(await presented({ kind: 'line', line: '/province Yunnan' })).toBe(typed);
    const words = await presented({ kind: 'words', text: 'yunnan utilization?' });
    expect(await presented({ kind: 'words', text: 'yunnan utilization?' })).not.toBe(words);
    const share = { kind: 'click', id: encodeClick(SECRET, CHANNEL, 'p', '/province Yunnan')! } as const;
    expect(await presented(share)).not.toBe(await presented(share));
    core.reload(paperLibrary());
    expect(await presented(way)).not.toBe(first);
  });

  it('a bug or an outage becomes an apology with an id, logged and counted as a failure; user mistakes count as user errors', async () => {
    const failing = { ...paperCore(), ask: async () => Promise.reject(new Error('database gone')) } as Core;
    const { pipeline, counted } = pipelineOver(failing);
    const o = await pipeline.answer({ kind: 'line', line: '/province Yunnan' }, invocation());
    if (o.ok || o.kind !== 'failure') throw new Error('expected a failure');
    expect(o.reply.summary).toContain(o.errorId);
    expect((o.error as Error).message).toBe('database gone');
    const ok = pipelineOver(paperCore());
    await ok.pipeline.answer({ kind: 'line', line: '/province Atlantis' }, invocation());
    await ok.pipeline.answer({ kind: 'words', text: 'yunnan utilization?' }, invocation());
    expect([...counted, ...ok.counted]).toEqual([
      ['unknown', 'failure'],
      ['province', 'user_error'],
      ['utilization', 'ok'],
    ]);
  });

  it('preconditions are declared on the command: /language reads freely and needs the manage right to change', async () => {
    const settings = new Map<string, string>();
    const core = createCore({
      library: paperLibrary(),
      services: {
        settings: {
          language: async (_p: string, c: string) => settings.get(c) as never,
          setLanguage: async (_p: string, c: string, v: string) => void settings.set(c, v),
        } as never,
      },
    });
    const { pipeline } = pipelineOver(core);
    const member = invocation({ canManage: async () => false });
    const read = await pipeline.answer({ kind: 'line', line: '/language' }, member);
    const change = await pipeline.answer({ kind: 'line', line: '/language zh' }, member);
    expect(read.ok && read.presented.reply.tone).toBe('info');
    expect(change.ok && change.presented.reply.title).toBe('Not allowed here');
    expect(settings.size).toBe(0);
    const admin = await pipeline.answer({ kind: 'line', line: '/language zh' }, invocation({ canManage: async () => true }));
    expect(admin.ok && admin.presented.reply.tone).toBe('info');
    expect(settings.get(CHANNEL)).toBe('zh-CN');
  });
});
