import { describe, expect, it } from 'vitest';
import { ask, askText, core, EVERY_COMMAND } from '../support/core.js';
import { consoleInvocation } from '../../src/core.js';

describe('every command answers through text dispatch', () => {
  it.each(EVERY_COMMAND)('%s', async (line) => {
    const reply = await ask(line);
    expect(reply.title.length, JSON.stringify(reply)).toBeGreaterThan(0);
    if (line === '/language' || line === '/briefing list' || line === '/changes') expect(reply.tone).toBe('error');
    else expect(reply.tone, reply.summary).toBe('info');
  });

  it('/province Yunnan gives its figures with sources and marks derived ones', async () => {
    const reply = await ask('/province Yunnan');
    const byLabel = Object.fromEntries((reply.fields ?? []).map((f) => [f.label, f]));
    expect(byLabel.Capacity).toEqual({ label: 'Capacity', value: '1.70 Mt', source: 'Table 2', key: true });
    expect(byLabel.Utilization?.value).toBe('99.24 %');
    expect(byLabel['Net balance after exports']).toMatchObject({ value: '−0.775 Mt', source: 'Table 3' });
    expect(byLabel['Share of national capacity']?.value).toBe('5.6 % †');
    expect(byLabel['Output − in-province demand']).toMatchObject({ value: '≈−0.77 Mt', source: 'Section 5.2 (computed from Table 3: −0.77 Mt †, agrees)' });
    expect(byLabel['Anode demand of that aluminium']?.value).toBe('2.462 Mt');
    expect(reply.sources?.some((s) => s.startsWith('Table 2: 2024 anode production capacity'))).toBe(true);
    expect(reply.charts?.map((c) => c.title)).toEqual(['Yunnan: supply and demand, 2024 (Mt)', 'Yunnan: capacity by efficiency class, 2024 (%)']);
    expect(reply.subject).toBe('Yunnan');
  });

  it('a year the edition holds as a column is told apart from an edition; an unknown year lists what each edition holds', async () => {
    const column = await ask('/province Yunnan 2023');
    expect(column.tone).toBe('error');
    expect(column.title).toBe('2023 is not an edition: it is a column of the 2024 edition');
    expect(column.summary).toContain('/exports top 10 2023');
    const zh = await ask('/province 云南 2023', 'zh-CN');
    expect(zh.title).toBe('2023年不是一个版本，而是2024年版中的一列');
    expect(zh.summary).toContain('表4');
    const changes = await ask('/changes 2023 2024');
    expect(changes.summary).toContain('2024 (every table for 2024; exports by destination, Table 4, also for 2023)');
    const none = await ask('/province Yunnan 2019');
    expect(none.title).toBe('No 2019 edition');
    expect(none.summary).toContain('also for 2023');
    // The column itself answers where a command has it.
    expect((await ask('/exports top 5 2023')).title).toBe('Anode exports 2023: top 5 destinations');
  });

  it('accepts Chinese names, aliases and any case', async () => {
    expect((await ask('/province 内蒙古')).title).toContain('Inner Mongolia');
    expect((await ask('/PROVINCE imar')).title).toContain('Inner Mongolia');
    expect((await ask('/province "Nei Mongol"')).title).toContain('Inner Mongolia');
    expect((await ask('province yunnan')).title).toContain('Yunnan');
  });

  it('/exports reads top N and year in either order, and subcommands', async () => {
    const a = await ask('/exports top 3 2023');
    expect(a.title).toBe('Anode exports 2023: top 3 destinations');
    expect(a.table?.rows).toHaveLength(6); // three countries, the other named ones (†), Others, Total
    expect((await ask('/exports 2023')).title).toBe('Anode exports 2023: top 5 destinations');
    expect((await ask('/exports 2023 top 2')).title).toBe('Anode exports 2023: top 2 destinations');
    expect((await ask('/exports')).title).toBe('Anode exports 2024: top 5 destinations');
    expect((await ask('/exports country 阿联酋')).title).toBe('Anode exports to United Arab Emirates');
  });

  it('/compare splits multi-word names without quotes, or by commas', async () => {
    expect((await ask('/compare Inner Mongolia Yunnan')).title).toBe('Inner Mongolia vs Yunnan · 2024');
    expect((await ask('/compare Henan, Inner Mongolia, 云南')).title).toBe('Henan vs Inner Mongolia vs Yunnan · 2024');
  });

  it('/rank takes every metric', async () => {
    for (const metric of ['capacity', 'output', 'utilization', 'demand', 'balance', 'domestic-balance', 'exports', 'high-share', 'shutdown-share']) {
      const reply = await ask(`/rank ${metric} top 3`);
      expect(reply.tone, metric).toBe('info');
      expect(reply.table?.rows.filter((r) => /^=?\d+\. /.test(r[0]!)).length, metric).toBeGreaterThanOrEqual(2);
    }
  });

  it('/anode is an umbrella for every command', async () => {
    expect((await ask('/anode province Yunnan')).title).toContain('Yunnan');
    expect((await ask('/anode')).title).toBe('anode-bot commands');
  });

  it('/mismatch shows all of Table 3, with Others, and says which provinces the paper folds into Others', async () => {
    const text = await askText('/mismatch');
    // An inference of the bot's, worded as one.
    expect(text).toContain('Table 3 has no rows for Liaoning and Ningxia. By the bot\'s arithmetic they appear to be inside its "Others"');
    expect(text).toMatch(/Shandong\s+7\.52\s+3\.32\s+1\.64\s+≈\+4\.2\s+\+2\.56/);
    expect(text).toMatch(/Others\s+3\.59\s+2\.39\s+0\.51\s+\+1\.20†\s+\+0\.68/);
    expect(text).not.toMatch(/covered by anodes|flow from/);
  });

  it('ties share a rank, by name, and a long run of zeros is one line', async () => {
    const r = await ask('/rank exports');
    const rows = r.table!.rows.map((x) => x.join(' '));
    expect(rows.slice(0, 3)).toEqual(['1. Shandong 1.64', '2. Henan 0.02', '=3. 7 provinces with 0.00 printed (under 0.005 Mt) 0.00']);
    expect(r.notes?.join(' ')).toContain('Printed as zero: Gansu, Guangxi, Guizhou, Inner Mongolia, Qinghai, Xinjiang and Yunnan.');
    const hs = await ask('/rank high-share');
    // Liaoning and Guizhou are both at 0 %: they share the last rank.
    expect(hs.table!.rows.map((x) => x[0])).toContain('=10. Guizhou');
  });

  it('a year picks the edition; an edition that is not loaded is an error that names the ones that are', async () => {
    expect((await ask('/overview 2024')).title).toContain('2024');
    const bad = await ask('/overview 2019');
    expect(bad.tone).toBe('error');
    expect(bad.summary).toBe('Editions loaded: 2024 (every table for 2024; exports by destination, Table 4, also for 2023).');
  });

  it('flags on the line: --public, --full, --compact; an unknown one is named', async () => {
    const a = await core().ask('/province Yunnan --public', consoleInvocation());
    expect([...a.flags]).toEqual(['public']);
    expect(a.reply.title).toContain('Yunnan');
    expect((await core().ask('/province Yunnan —public', consoleInvocation())).flags.has('public')).toBe(true);
    const bad = await core().ask('/province Yunnan --loud', consoleInvocation());
    expect(bad.reply.summary).toContain('There is no option --loud');
  });

  it('pure commands are cached by declaration; /briefing and /language are not', async () => {
    expect((await core().ask('/province Yunnan', consoleInvocation())).cacheKey).toBeDefined();
    expect((await core().ask('/briefing list', consoleInvocation())).cacheKey).toBeUndefined();
    expect((await core().ask('/language', consoleInvocation())).cacheKey).toBeUndefined();
    const a = await core().ask('/province Yunnan', consoleInvocation());
    const b = await core().ask('/province   YUNNAN', consoleInvocation());
    expect(b.reply).toBe(a.reply);
  });
});

describe('errors say what to type', () => {
  const cases: [string, RegExp][] = [
    ['/province Yunan', /Did you mean Yunnan\?/],
    ['/province', /Which province\? One of: Shandong, Xinjiang, Henan, Inner Mongolia, Yunnan, Gansu, Guangxi, Qinghai, Liaoning, Guizhou, Ningxia\./],
    ['/province Beijing', /No province called "Beijing" in the 2024 data\. One of: Shandong/],
    ['/province Others', /aggregate row of Tables 1–3/],
    ['/province China', /\/overview/],
    ['/exports malaysia', /Did you mean \/exports country Malaysia\?/],
    ['/exports top 0', /from 1 to 25/],
    ['/exports top 99', /from 1 to 25/],
    ['/exports 1999', /The paper gives exports for 2023 and 2024/],
    ['/exports top five', /did not understand "five"/],
    ['/exports country Atlantis', /No country called "Atlantis"/],
    ['/exports country Others', /aggregate row of Table 4/],
    ['/exports country', /Which country\?/],
    ['/rank', /Which metric\? One of: capacity \| output/],
    ['/rank cap', /Did you mean capacity\? One of: capacity, output/],
    ['/rank size', /"size" is not one of the choices\. One of: capacity/],
    ['/rank capacity top', /"top" needs a number/],
    ['/compare Yunnan', /at least 2/],
    ['/compare Yunnan Yunnan', /each province once/],
    ['/compare a b c d e', /at most 4/],
    ['/table 9', /No Table 9/],
    ['/table', /Which table\?/],
    ['/nonsense', /There is no \/nonsense/],
    ['/provnce Yunnan', /Did you mean \/province/],
    ['/briefing', /Choose one of: subscribe, list/],
    ['/briefing subscibe', /Did you mean \/briefing subscribe/],
    ['', /Type a command/],
  ];
  it.each(cases)('%s', async (line, pattern) => {
    const reply = await ask(line);
    expect(reply.tone).toBe('error');
    expect(`${reply.title} ${reply.summary}`).toMatch(pattern);
    if (line !== '') expect(reply.usage).toBeDefined();
  });

  it('/help shows every form of every command, and each option with its values', async () => {
    const help = await ask('/help');
    const forms = help.fields!.map((f) => f.label).join('\n');
    for (const form of [
      '/exports country <country>',
      '/briefing list',
      '/briefing unsubscribe <id|all>',
      '/briefing preview [kind]',
      '/briefing now [kind]',
      '/briefing resume <id>',
      '/table <1-4> [year] [csv]',
    ])
      expect(forms).toContain(form);
    const rank = await askText('/help rank');
    expect(rank).toContain('capacity | output | utilization | demand | balance | domestic-balance | exports | high-share | shutdown-share');
    expect(await askText('/help province')).toContain('Shandong, Xinjiang');
  });

  it('user text is echoed safely: no markup, no mentions, bounded', async () => {
    const reply = await ask('/province <@U123> @everyone *bold*');
    expect(JSON.stringify(reply)).not.toMatch(/<@U123>|@everyone|\*bold\*/);
    const long = await ask(`/province ${'x'.repeat(500)}`);
    expect(long.tone).toBe('error');
    expect(JSON.stringify(long).length).toBeLessThan(2000);
  });
});
