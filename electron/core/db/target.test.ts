import { describe, expect, it } from 'vitest';
import { describeTarget, redactUrl, resolveTarget, TargetError } from './target.ts';

describe('database targets', () => {
  it('selects the server for postgres URLs and the embedded engine for folders', () => {
    expect(resolveTarget('postgres://u@h:5432/db', {})).toEqual({ kind: 'server', url: 'postgres://u@h:5432/db' });
    expect(resolveTarget('postgresql://h/db', {})).toMatchObject({ kind: 'server' });
    expect(resolveTarget('/tmp/wb1', {})).toEqual({ kind: 'embedded', directory: '/tmp/wb1' });
  });

  it('defaults to WORKBENCH_DATABASE_URL, then to the embedded database under WORKBENCH_HOME', () => {
    expect(resolveTarget(undefined, { WORKBENCH_DATABASE_URL: 'postgres://h/x' })).toMatchObject({ kind: 'server', url: 'postgres://h/x' });
    expect(resolveTarget(undefined, { WORKBENCH_HOME: '/srv/wb' })).toEqual({ kind: 'embedded', directory: '/srv/wb/embedded' });
    expect(resolveTarget('', { WORKBENCH_HOME: '/srv/wb' })).toEqual({ kind: 'embedded', directory: '/srv/wb/embedded' });
  });

  it('rejects other schemes with a message that names them', () => {
    expect(() => resolveTarget('mysql://u:pw@h/db', {})).toThrow(TargetError);
    expect(() => resolveTarget('mysql://u:pw@h/db', {})).toThrow(/unsupported scheme in mysql:\/\/u:\*\*\*\*\*@h\/db/);
  });

  it('never shows a password', () => {
    expect(redactUrl('postgres://buyer:hunter2@db:5432/data_analytics')).toBe('postgres://buyer:*****@db:5432/data_analytics');
    expect(describeTarget({ kind: 'server', url: 'postgres://a:b@c/d' })).not.toContain(':b@');
    expect(describeTarget({ kind: 'embedded', directory: '/x' })).toBe('embedded:/x');
  });
});
