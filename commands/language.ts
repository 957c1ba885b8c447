import { defineCommand } from '../src/framework/define.js';
import { opt } from '../src/framework/option-kinds.js';
import { errorReply, type Reply } from '../src/framework/reply.js';
import { messages } from '../src/i18n/messages.js';

export const language = defineCommand({
  name: 'language',
  description: (m) => m.language.description,
  examples: ['/language zh', '/language en', '/language auto', '/language'],
  options: { lang: opt.choice((m) => m.options.language, ['zh', 'en', 'auto'] as const, { optional: true, placeholder: '[zh|en|auto]' }) },
  changesChannel: true,
  // Anyone may read the channel's language; changing it needs the channel's manage right.
  requires: [{ id: 'manage-channel', when: (o) => o.lang !== undefined }],
  async run(ctx, { lang }): Promise<Reply> {
    const { m } = ctx;
    const settings = ctx.services.settings;
    if (!settings) return errorReply(m.language.notHere, m.language.notHereHint);
    const { platform, channelId } = ctx.invocation;
    if (!lang) {
      const current = (await settings.language(platform, channelId)) ?? 'auto';
      return { tone: 'info', title: m.language.currentTitle, summary: m.language.current(current) };
    }
    const value = lang === 'zh' ? 'zh-CN' : lang;
    await settings.setLanguage(platform, channelId, value);
    // Said in the language just chosen: the first sentence the channel reads in it.
    const said = value === 'auto' ? m : messages(value);
    return { tone: 'info', title: said.language.setTitle, summary: said.language.set(value) };
  },
});
