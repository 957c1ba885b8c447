import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { SqlStore } from '../../store/sql-store.js';

/**
 * Seals installations (tokens inside) with AES-256-GCM under a key from SLACK_TOKEN_KEY, so a copy of
 * the database without the key reveals no token. A 64-hex-digit key is used as is; anything else is
 * stretched with scrypt.
 */
export function sealer(secret: string): { seal(text: string): string; open(sealed: string): string } {
  const key = /^[0-9a-f]{64}$/i.test(secret) ? Buffer.from(secret, 'hex') : scryptSync(secret, 'anode-bot slack installations', 32);
  return {
    seal(text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split(':');
      if (version !== 'v1' || !iv || !tag || !body) throw new Error('not a sealed installation');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}

/** An org-wide install is keyed by its enterprise, a workspace install by its team. */
export function installationKey(q: { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean | undefined }): string | undefined {
  if (q.isEnterpriseInstall && q.enterpriseId) return `E:${q.enterpriseId}`;
  return q.teamId ? `T:${q.teamId}` : undefined;
}

/** Bolt's InstallationStore over the bot's own database (SQLite or PostgreSQL), sealed at rest. */
export class SqlInstallationStore implements InstallationStore {
  private readonly box: ReturnType<typeof sealer>;

  constructor(
    private readonly store: SqlStore,
    tokenKey: string,
  ) {
    this.box = sealer(tokenKey);
  }

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(installation: Installation<AuthVersion, boolean>): Promise<void> {
    const key = installationKey({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: installation.isEnterpriseInstall });
    if (!key) throw new Error('installation without a team or enterprise id');
    await this.store.saveInstallation({
      key,
      teamId: installation.team?.id ?? null,
      enterpriseId: installation.enterprise?.id ?? null,
      isEnterpriseInstall: Boolean(installation.isEnterpriseInstall),
      sealed: this.box.seal(JSON.stringify(installation)),
    });
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const key = installationKey(query);
    // An org-wide install also answers for its workspaces.
    const record = (key && (await this.store.findInstallation(key))) || (query.enterpriseId ? await this.store.findInstallation(`E:${query.enterpriseId}`) : undefined);
    if (!record) throw new Error(`no installation for ${key ?? 'that workspace'}`);
    return JSON.parse(this.box.open(record.sealed)) as Installation<'v1' | 'v2', boolean>;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const key = installationKey(query);
    if (key) await this.store.deleteInstallation(key);
  }
}
