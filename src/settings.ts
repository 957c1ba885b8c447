/** Language a channel reads: a fixed one, or "auto" (the asking user's own, where the platform says it). */
export type ChannelLang = 'en' | 'zh-CN' | 'auto';

/** Per-channel settings kept in the bot's database (today: the language of replies and briefings). */
export interface ChannelSettings {
  language(platform: string, channelId: string): Promise<ChannelLang | undefined>;
  setLanguage(platform: string, channelId: string, lang: ChannelLang): Promise<void>;
}

/**
 * Channel settings read on every command, so remembered for a while: a language set in this process
 * is read back at once (the write goes through here); one set on another replica arrives within `ttlMs`.
 */
export function cachedSettings(inner: ChannelSettings, ttlMs = 30_000): ChannelSettings {
  const cache = new Map<string, { lang: ChannelLang | undefined; until: number }>();
  const key = (platform: string, channelId: string) => `${platform}:${channelId}`;
  return {
    async language(platform, channelId) {
      const hit = cache.get(key(platform, channelId));
      if (hit && hit.until > Date.now()) return hit.lang;
      const lang = await inner.language(platform, channelId);
      if (cache.size > 10_000) cache.clear();
      cache.set(key(platform, channelId), { lang, until: Date.now() + ttlMs });
      return lang;
    },
    async setLanguage(platform, channelId, lang) {
      await inner.setLanguage(platform, channelId, lang);
      cache.set(key(platform, channelId), { lang, until: Date.now() + ttlMs });
    },
  };
}
