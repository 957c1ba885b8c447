import { describe, expect, it } from 'vitest';
import { leanHeap } from '../../src/briefings/lean-heap.js';
import { operatorFlags } from '../../src/v8-flags.js';

describe('the lean heap for large slots', () => {
  it('sets the flags when first held and V8’s defaults when the last holder releases, each release counted once', () => {
    const set: string[] = [];
    let collections = 0;
    const hold = leanHeap(
      (f) => set.push(f),
      [],
      () => collections++,
    );
    const a = hold();
    const b = hold();
    expect(set).toEqual(['--heap-growing-percent=20 --semi-space-growth-factor=1']);
    // One full collection when the first holder comes, so the old generation's limit is the lean one.
    expect(collections).toBe(1);
    a();
    a();
    expect(set).toHaveLength(1);
    b();
    expect(set).toEqual(['--heap-growing-percent=20 --semi-space-growth-factor=1', '--heap-growing-percent=0 --semi-space-growth-factor=2']);
    hold();
    expect(set).toHaveLength(3);
    expect(collections).toBe(2);
  });

  it('leaves a flag the operator gave on the command line alone', () => {
    const set: string[] = [];
    leanHeap(
      (f) => set.push(f),
      ['--semi_space_growth_factor=4'],
      () => {},
    )()();
    expect(set).toEqual(['--heap-growing-percent=20', '--heap-growing-percent=0']);
    const none: string[] = [];
    leanHeap(
      (f) => none.push(f),
      ['--heap-growing-percent=50', '--semi-space-growth-factor', '3'],
      () => {},
    )()();
    expect(none).toEqual([]);
  });

  it('leaves a flag given in NODE_OPTIONS alone too', () => {
    const flags = operatorFlags(['--require', 'x.cjs'], ' --heap-growing-percent=50  --max-old-space-size=512 ');
    expect(flags).toEqual(['--require', 'x.cjs', '--heap-growing-percent=50', '--max-old-space-size=512']);
    const set: string[] = [];
    leanHeap(
      (f) => set.push(f),
      flags,
      () => {},
    )()();
    expect(set).toEqual(['--semi-space-growth-factor=1', '--semi-space-growth-factor=2']);
  });

  it('the full collection runs in this process, and frees what nothing holds', async () => {
    const { heapUsed: before } = process.memoryUsage();
    let garbage: number[][] | undefined = Array.from({ length: 200 }, () => Array.from({ length: 5000 }, (_, i) => i));
    expect(garbage.length).toBe(200);
    garbage = undefined;
    leanHeap(() => {}, [])()();
    expect(process.memoryUsage().heapUsed).toBeLessThan(before + 4 * 1024 * 1024);
  });
});
