import { consolePlatform } from './console/index.js';
import { discordPlatform } from './discord/index.js';
import { feishuPlatform } from './feishu/index.js';
import { mcpPlatform } from './mcp/index.js';
import type { PlatformModule } from './platform.js';
import { slackPlatform } from './slack/index.js';

/**
 * Every platform, in one explicit list: adding a platform is a folder under src/adapters/ and one line
 * here. Each module loads its SDK only when it is switched on.
 */
export const platforms: readonly PlatformModule[] = [
  consolePlatform as PlatformModule,
  slackPlatform as PlatformModule,
  discordPlatform as PlatformModule,
  mcpPlatform as PlatformModule,
  feishuPlatform as PlatformModule,
];
