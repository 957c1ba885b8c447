import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';
import { InvalidStateError, type Installation, type InstallationQuery, type InstallationStore, type InstallURLOptions, type StateStore } from '@slack/oauth';
import type { SqlStore } from '../../store/sql-store.js';

/** A stored installation that none of the keys in SLACK_TOKEN_KEY opens (a wrong or rotated-away key). */
export class SealedWithOtherKey extends Error {
  override name = 'SealedWithOtherKey';
}

interface Key {
  id: string;
  bytes: Buffer;
}

/** A 64-hex-digit key is used as is; anything else is stretched with scrypt. Its id is a digest, never the key. */
function keyOf(secret: string): Key {
  const bytes = /^[0-9a-f]{64}$/i.test(secret) ? Buffer.from(secret, 'hex') : scryptSync(secret, 'anode-bot slack installations', 32);
  return { id: createHash('sha256').update(bytes).digest('hex').slice(0, 12), bytes };
}

/**
 * Seals installations (tokens inside) with AES-256-GCM, so a copy of the database without the key
 * reveals no token. SLACK_TOKEN_KEY lists the current key first and, while rotating, older ones
 * ("new,old"): values are sealed with the first; each names its key by id ("v2:<id>:…") and is bound
 * to its row (the row key is the associated data), so a sealed value moved to another row does not
 * open. Values sealed before key ids ("v1:…") still open with any listed key.
 */
export function sealer(secrets: string | readonly string[]): {
  seal(text: string, row: string): string;
  open(sealed: string, row: string): { text: string; current: boolean };
} {
  const keys = (typeof secrets === 'string' ? secrets.split(',') : [...secrets])
    .map((k) => k.trim())
    .filter(Boolean)
    .map(keyOf);
  const current = keys[0]!;
  const decrypt = (key: Key, iv: string, tag: string, body: string, row: string | undefined) => {
    const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(iv, 'base64'));
    if (row !== undefined) decipher.setAAD(Buffer.from(row, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  };
  return {
    seal(text, row) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.bytes, iv);
      cipher.setAAD(Buffer.from(row, 'utf8'));
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return ['v2', current.id, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
    },
    open(sealed, row) {
      const parts = sealed.split(':');
      if (parts[0] === 'v2' && parts.length === 5) {
        const [, id, iv, tag, body] = parts as [string, string, string, string, string];
        const key = keys.find((k) => k.id === id);
        if (!key) throw new SealedWithOtherKey(`sealed with key ${id}, which SLACK_TOKEN_KEY does not list`);
        try {
          return { text: decrypt(key, iv, tag, body, row), current: key === current };
        } catch {
          throw new SealedWithOtherKey('does not open for this row (moved or altered)');
        }
      }
      if (parts[0] === 'v1' && parts.length === 4) {
        const [, iv, tag, body] = parts as [string, string, string, string];
        for (const key of keys) {
          try {
            return { text: decrypt(key, iv, tag, body, undefined), current: false };
          } catch {
            // the next key
          }
        }
        throw new SealedWithOtherKey('opens with none of the keys in SLACK_TOKEN_KEY');
      }
      throw new SealedWithOtherKey('not a sealed installation');
    },
  };
}

/** An org-wide install is keyed by its enterprise, a workspace install by its team. */
export function installationKey(q: {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}): string | undefined {
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
    const key = installationKey({
      teamId: installation.team?.id,
      enterpriseId: installation.enterprise?.id,
      isEnterpriseInstall: installation.isEnterpriseInstall,
    });
    if (!key) throw new Error('installation without a team or enterprise id');
    await this.store.saveInstallation({
      key,
      teamId: installation.team?.id ?? null,
      enterpriseId: installation.enterprise?.id ?? null,
      isEnterpriseInstall: Boolean(installation.isEnterpriseInstall),
      sealed: this.box.seal(JSON.stringify(installation), key),
    });
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const key = installationKey(query);
    // An org-wide install also answers for its workspaces.
    const record =
      (key && (await this.store.findInstallation(key))) || (query.enterpriseId ? await this.store.findInstallation(`E:${query.enterpriseId}`) : undefined);
    if (!record) throw new Error(`no installation for ${key ?? 'that workspace'}`);
    const opened = this.box.open(record.sealed, record.key);
    // Opened with an older key (a rotation in progress) or sealed before key ids: sealed again with the current one.
    if (!opened.current) await this.store.saveInstallation({ ...record, sealed: this.box.seal(opened.text, record.key) }).catch(() => {});
    return JSON.parse(opened.text) as Installation<'v1' | 'v2', boolean>;
  }

  /**
   * At start: whether the keys open the stored installations. A key that opens none of them (a wrong
   * key, or the old one dropped too early) is the operator's to fix before anything runs.
   */
  async check(): Promise<{ stored: number; opened: number }> {
    const records = await this.store.allInstallations();
    let opened = 0;
    for (const r of records) {
      try {
        this.box.open(r.sealed, r.key);
        opened++;
      } catch {
        // counted as not opened
      }
    }
    return { stored: records.length, opened };
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const key = installationKey(query);
    if (key) await this.store.deleteInstallation(key);
  }
}

/**
 * OAuth states kept in the bot's database: random, single-use (taking one deletes it, so a state
 * seen twice fails the second time), valid ten minutes, and any replica can verify what another issued.
 */
export class SqlStateStore implements StateStore {
  constructor(
    private readonly store: SqlStore,
    private readonly ttlMs = 10 * 60_000,
  ) {}

  async generateStateParam(installOptions: InstallURLOptions, now: Date): Promise<string> {
    const state = randomBytes(24).toString('base64url');
    await this.store.saveOAuthState(state, JSON.stringify(installOptions), new Date(now.getTime() + this.ttlMs));
    return state;
  }

  async verifyStateParam(now: Date, state: string): Promise<InstallURLOptions> {
    const options = /^[A-Za-z0-9_-]{1,100}$/.test(state) ? await this.store.takeOAuthState(state, now) : undefined;
    if (!options) throw new InvalidStateError('The state is unknown, expired or already used');
    return JSON.parse(options) as InstallURLOptions;
  }
}
