/** The order of checkpoint writes (src/ml/train/saveQueue.ts): one at a time, a held place, failures told. */
import { describe, expect, it } from 'vitest';
import { SaveQueue } from '../../src/ml/train/saveQueue';

/** A queue whose writes finish only when the test says so; `log` records begins and ends. */
function queue() {
  const log: string[] = [];
  const finish: (() => void)[] = [];
  const failures: unknown[] = [];
  let n = 0;
  const q = new SaveQueue(
    () => {
      const id = ++n;
      log.push(`begin ${id}`);
      return new Promise<void>((resolve, reject) =>
        finish.push(() => {
          log.push(`end ${id}`);
          if (id === 99) reject(new Error('disk full'));
          else resolve();
        }),
      );
    },
    (error) => failures.push(error),
  );
  const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  return { q, log, finish, failures, tick };
}

describe('the checkpoint write queue', () => {
  it('begins a write before begin() resolves, and the next only after it is written', async () => {
    const { q, log, finish, tick } = queue();
    const first = await q.begin();
    expect(log).toEqual(['begin 1']);
    const second = q.begin();
    await tick();
    expect(log).toEqual(['begin 1']);
    finish.shift()!();
    await first.written;
    await second;
    expect(log).toEqual(['begin 1', 'end 1', 'begin 2']);
    finish.shift()!();
    await q.settled;
    expect(log.at(-1)).toBe('end 2');
  });

  it('a held place: settled waits for it until it is begun and written, or let go without a write', async () => {
    const { q, log, finish, tick } = queue();
    const held = q.hold();
    let settled = false;
    void q.settled.then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    const done = held(true);
    await tick();
    expect(log).toEqual(['begin 1']);
    finish.shift()!();
    await done;
    await tick();
    expect(settled).toBe(true);

    const unused = q.hold();
    let after = false;
    void q.settled.then(() => (after = true));
    await unused(false);
    await tick();
    expect(after).toBe(true);
    expect(log).toEqual(['begin 1', 'end 1']);
  });

  it('a write that throws is told to `failed`, and the queue goes on', async () => {
    const { q, finish, failures } = queue();
    // The 99th write rejects.
    for (let i = 0; i < 98; i++) {
      const { written } = await q.begin();
      finish.shift()!();
      await written;
    }
    const { written } = await q.begin();
    finish.shift()!();
    await written;
    expect(failures).toHaveLength(1);
    await expect(q.settled).resolves.toBeUndefined();
  });
});
