import { describe, expect, it } from 'vitest';
import { CommandRoundTrip, StreamingRead } from './server-read.ts';

/** Records the protocol messages sent, whether they went out in one corked write, and pauses. */
function recorder() {
  const sent: string[] = [];
  let corked = 0;
  const note = (text: string) => sent.push(corked > 0 ? text : `${text} (uncorked)`);
  const connection = {
    parse: (m: { text: string }) => note(`Parse ${m.text}`),
    bind: (m: { portal?: string; values?: unknown[] }) => note(`Bind ${m.portal || '-'} ${JSON.stringify(m.values ?? [])}`),
    describe: (m: { type: string; name?: string }) => note(`Describe ${m.type} ${m.name || '-'}`),
    execute: (m: { portal?: string; rows?: number }) => note(`Execute ${m.portal || '-'} ${m.rows ?? 0}`),
    sync: () => note('Sync'),
    sendCopyFail: (m: string) => note(`CopyFail ${m}`),
    stream: {
      cork: () => (corked += 1),
      uncork: () => (corked -= 1),
      pause: () => sent.push('(socket paused)'),
      resume: () => sent.push('(socket resumed)'),
    },
  };
  return { sent, connection };
}

const commands = ['BEGIN TRANSACTION READ ONLY', 'SET LOCAL statement_timeout = 60000'];
const int4 = { fields: [{ name: 'n', dataTypeID: 23 }] };

/** Feeds a read the server's answer: the commands' completions, a row description, then `rows`. */
function serverSends(read: StreamingRead, rows: number[]): void {
  read.handleCommandComplete();
  read.handleCommandComplete();
  read.handleRowDescription(int4);
  for (const n of rows) read.handleDataRow({ fields: [String(n)] });
}

describe('StreamingRead', () => {
  it('sends BEGIN READ ONLY, the timeout and the bound statement without a row limit behind one Sync, in one write', () => {
    const { sent, connection } = recorder();
    const read = new StreamingRead(commands, 'select $1::int8 as n, $2::int[] as a', ['9007199254740993', [1, 2]], 1000);
    expect(read.submit(connection)).toBeNull();
    expect(sent).toEqual([
      'Parse BEGIN TRANSACTION READ ONLY',
      'Bind - []',
      'Execute - 0',
      'Parse SET LOCAL statement_timeout = 60000',
      'Bind - []',
      'Execute - 0',
      'Parse select $1::int8 as n, $2::int[] as a',
      'Bind - ["9007199254740993","{\\"1\\",\\"2\\"}"]',
      'Describe P -',
      'Execute - 0',
      'Sync',
    ]);
  });

  it('cuts rows into pages as they arrive, pauses the socket while two pages wait, resumes as they are taken', async () => {
    const { sent, connection } = recorder();
    const read = new StreamingRead(commands, 'select n from t', [], 2);
    read.submit(connection);
    sent.length = 0;
    serverSends(read, [1, 2, 3, 4, 5]);
    expect(sent).toEqual(['(socket paused)']);
    expect(await read.next()).toEqual({ fields: int4.fields, rows: [[1], [2]], done: false });
    expect(sent).toEqual(['(socket paused)', '(socket resumed)']);
    expect(await read.next()).toEqual({ fields: int4.fields, rows: [[3], [4]], done: false });
    const last = read.next();
    read.handleCommandComplete();
    read.handleReadyForQuery();
    expect(await last).toEqual({ fields: int4.fields, rows: [[5]], done: true });
    expect(read.isEnded).toBe(true);
  });

  it('hands out the pages completed before an error, then throws it', async () => {
    const { connection } = recorder();
    const read = new StreamingRead(commands, 'select 1 / (3 - n) from t', [], 2);
    read.submit(connection);
    serverSends(read, [1, 2, 3]);
    const failure = Object.assign(new Error('division by zero'), { code: '22012' });
    read.handleError(failure);
    expect((await read.next()).rows).toEqual([[1], [2]]);
    await expect(read.next()).rejects.toBe(failure);
  });

  it('stops a statement still running: drops the buffer, resumes the socket, cancels, waits for the connection', async () => {
    const { sent, connection } = recorder();
    const read = new StreamingRead(commands, 'select n from t', [], 1);
    read.submit(connection);
    sent.length = 0;
    serverSends(read, [1, 2, 3]);
    let cancels = 0;
    const stopped = read.stop(async () => {
      cancels += 1;
      // The server answers the cancel with an error, then ReadyForQuery (which pg handles itself).
      read.handleError(Object.assign(new Error('canceling statement due to user request'), { code: '57014' }));
    });
    await stopped;
    expect(cancels).toBe(1);
    expect(sent).toEqual(['(socket paused)', '(socket resumed)']);
    expect(read.isEnded).toBe(true);
  });

  it('does not cancel a statement whose result is already complete', async () => {
    const { connection } = recorder();
    const read = new StreamingRead(commands, 'select n from t', [], 1);
    read.submit(connection);
    serverSends(read, [1, 2]);
    read.handleCommandComplete();
    const stopped = read.stop(async () => {
      throw new Error('no cancel expected');
    });
    read.handleReadyForQuery();
    await stopped;
  });

  it('sends nothing when a parameter cannot be serialized, and reports it', () => {
    const { sent, connection } = recorder();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const error = new StreamingRead(commands, 'select $1::jsonb', [circular], 10).submit(connection);
    expect(error).toBeInstanceOf(Error);
    expect(sent).toEqual([]);
  });
});

describe('CommandRoundTrip', () => {
  it('sends trusted commands behind one Sync', async () => {
    const { sent, connection } = recorder();
    const trip = new CommandRoundTrip(['COMMIT', 'RESET ALL']);
    trip.submit(connection);
    expect(sent).toEqual(['Parse COMMIT', 'Bind - []', 'Execute - 0', 'Parse RESET ALL', 'Bind - []', 'Execute - 0', 'Sync']);
    trip.handleReadyForQuery();
    await expect(trip.promise).resolves.toBeUndefined();
  });
});
