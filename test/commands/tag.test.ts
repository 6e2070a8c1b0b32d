import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, lstatSync, readFileSync, renameSync, symlinkSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { copyOf, FIXTURES, hasShared, run, runBin, SHARED, tempDir } from '../helpers/run.js';
import { tagChange } from '../../src/commands/tag.js';
import { locateNotebook } from '../../src/store/notebook.js';
import { parseNote, decodeNote } from '../../src/core/note.js';

const FIXTURE = join(FIXTURES, 'tag-notebook');
let cleanups: Array<() => void> = [];
afterEach(() => { cleanups.forEach((c) => c()); cleanups = []; });

function notebook(src = FIXTURE): string {
  const { dir, cleanup } = copyOf(src);
  cleanups.push(cleanup);
  return dir;
}
const read = (dir: string, rel: string) => readFileSync(join(dir, rel), 'utf8');

/** Every file below `dir` with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p); else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

describe('notes tag list', () => {
  it('counts tags case-insensitively, most used first, drafts left out', async () => {
    const r = await run(['tag', 'list', '--json'], { cwd: notebook() });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { tag: 'kafka', count: 2 }, { tag: 'beam', count: 1 }, { tag: 'hpc', count: 1 }, { tag: 'people', count: 1 },
    ]);
  });

  it('sorts by name and prints a table; `notes tag` alone lists', async () => {
    const dir = notebook();
    const r = await run(['tag', 'list', '--sort', 'name', '--drafts'], { cwd: dir });
    expect(r.stdout.split('\n').map((l) => l.trim())).toEqual(['1  beam', '1  hpc', '3  kafka', '1  people', '1  Streams', '']);
    expect((await run(['tag'], { cwd: dir })).stdout).toContain('2  kafka');
  });
});

// Twice: finding the notes that carry the tag by reading every file, and from the search index.
describe.each([['reading the files', false], ['from the search index', true]])('notes tag rename (notes found %s)', (_how, indexed) => {
  let env: Record<string, string> = {};
  beforeEach(() => {
    if (!indexed) { env = {}; return; }
    const cache = tempDir('notes-cache-');
    cleanups.push(cache.cleanup);
    env = { NOTES_LIST_INDEX: 'always', NOTES_CACHE_DIR: cache.dir };
  });
  /** A copy of the fixture; indexed first when the index is what finds the notes. */
  const copy = async () => {
    const dir = notebook();
    if (indexed) expect((await run(['index'], { cwd: dir, env })).code).toBe(0);
    return dir;
  };

  it('renames across TOML, YAML and drafts; leaves a [params] tags key and the body alone', async () => {
    const dir = await copy();
    const before = snapshot(dir);
    const r = await run(['tag', 'rename', 'KAFKA', 'streaming'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('notes: tag rename KAFKA streaming: 3 notes changed\n');
    expect(read(dir, 'visit-a/2024-03-04.md')).toBe(before.get('visit-a/2024-03-04.md')!.toString().replace('tags = ["kafka", "hpc"]', 'tags = ["streaming", "hpc"]'));
    expect(read(dir, 'visit-a/2024-03-05.md')).toBe(before.get('visit-a/2024-03-05.md')!.toString().replace('  - Kafka\n', '  - streaming\n'));
    expect(read(dir, 'misc/idea.md')).toContain("tags = ['streaming', 'Streams']");
    expect(read(dir, 'visit-a/2024-03-07.md')).toBe(before.get('visit-a/2024-03-07.md')!.toString());
    expect(read(dir, 'misc/plain.md')).toBe(before.get('misc/plain.md')!.toString());
  });

  it('works as a real process (the built bundle), exit 1 on a skipped note', async () => {
    const dir = await copy();
    writeFileSync(join(dir, 'misc/odd.md'), '---\ntags: !!seq [kafka]\n---\n');
    const r = runBin(['tag', 'rename', 'kafka', 'streams'], { cwd: dir, env });
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('notes: warning: skipped misc/odd.md: cannot edit its tags: tags written as YAML with a type tag\nnotes: tag rename kafka streams: 3 notes changed, 1 skipped\n');
    expect(r.status).toBe(1);
  });

  it('goes on past a note it cannot write, says which and why, exit 1', async () => {
    const dir = await copy();
    // Its temp file's name would be longer than a file name may be (ENAMETOOLONG).
    const long = `misc/${'k'.repeat(240)}.md`;
    writeFileSync(join(dir, long), '+++\ntitle = "Long"\ntags = ["kafka"]\n+++\n');
    const r = runBin(['tag', 'rename', 'kafka', 'streams'], { cwd: dir, env });
    expect(r.stderr).toBe(`notes: warning: skipped ${long}: cannot write it (ENAMETOOLONG); nothing else changed in it\nnotes: tag rename kafka streams: 3 notes changed, 1 skipped\n`);
    expect(r.status).toBe(1);
    expect(read(dir, long)).toContain('tags = ["kafka"]');
    expect(read(dir, 'visit-a/2024-03-04.md')).toContain('tags = ["streams", "hpc"]');
  });

  it('goes by what the notes hold now, not by what an index saw before', async () => {
    const dir = await copy();
    const dropped = read(dir, 'visit-a/2024-03-04.md').replace('tags = ["kafka", "hpc"]', 'tags = ["hpc"]');
    writeFileSync(join(dir, 'visit-a/2024-03-04.md'), dropped);
    writeFileSync(join(dir, 'misc/new.md'), '+++\ntitle = "New"\ntags = ["Kafka"]\n+++\n- added after the index\n');
    const r = await run(['tag', 'rename', 'kafka', 'streams'], { cwd: dir, env });
    expect(r.stderr).toBe('notes: tag rename kafka streams: 3 notes changed\n');
    expect(read(dir, 'visit-a/2024-03-04.md')).toBe(dropped);
    expect(read(dir, 'misc/new.md')).toContain('tags = ["streams"]');
  });

  it('renames a tag with letters beyond ASCII, ignoring their case', async () => {
    const dir = notebook();
    writeFileSync(join(dir, 'misc/umlaut.md'), '+++\ntitle = "Umlaut"\ntags = ["ÄRGER", "hpc"]\n+++\n- ärger with the cluster\n');
    if (indexed) expect((await run(['index'], { cwd: dir, env })).code).toBe(0);
    const r = await run(['tag', 'rename', 'ärger', 'anger'], { cwd: dir, env });
    expect(r.stderr).toBe('notes: tag rename ärger anger: 1 note changed\n');
    expect(read(dir, 'misc/umlaut.md')).toContain('tags = ["anger", "hpc"]');
  });

  it('renames a tag spelt with escapes in its string, as the parsed tags say', async () => {
    const dir = notebook();
    writeFileSync(join(dir, 'misc/escaped.md'), '+++\ntitle = "Escaped"\ntags = ["k\\u0061fka"]\n+++\n- kafka in the body\n');
    writeFileSync(join(dir, 'misc/escaped-yaml.md'), '---\ntitle: Escaped too\ntags: ["\\x4bafka"]\n---\n- body\n');
    if (indexed) expect((await run(['index'], { cwd: dir, env })).code).toBe(0);
    const r = await run(['tag', 'rename', 'kafka', 'streams'], { cwd: dir, env });
    expect(r.stderr).toBe('notes: tag rename kafka streams: 5 notes changed\n');
    expect(read(dir, 'misc/escaped.md')).toContain('tags = ["streams"]');
    expect(read(dir, 'misc/escaped-yaml.md')).toContain('tags: ["streams"]');
  });

  it('says so when no note has the tag (a typo, most often)', async () => {
    const dir = await copy();
    const r = await run(['tag', 'rename', 'kafak', 'streams'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^notes: warning: no note has the tag "kafak"\n/);
  });

  it('merges into a tag the note has already', async () => {
    const dir = await copy();
    await run(['tag', 'rename', 'kafka', 'streams'], { cwd: dir, env });
    expect(read(dir, 'misc/idea.md')).toContain("tags = ['Streams']\n");
  });

  it('--dry-run prints a unified diff and writes nothing', async () => {
    const dir = await copy();
    const before = snapshot(dir);
    const r = await run(['tag', 'rename', 'hpc', 'computing', '--dry-run'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      '--- a/visit-a/2024-03-04.md', '+++ b/visit-a/2024-03-04.md', '@@ -4,7 +4,7 @@',
      ' menuTitle = "2024-03-04"', ' weight = 1', ' # tags are how the log is sliced',
      '-tags = ["kafka", "hpc"]', '+tags = ["kafka", "computing"]', ' +++', ' - Met the data group.', '   - Streaming with Kafka.', '',
    ].join('\n'));
    expect(r.stderr).toContain('1 note would change (dry run: nothing written)');
    expect(snapshot(dir)).toEqual(before);
  });

  it('keeps CRLF line ends and the BOM, changing only the tags value', async () => {
    const dir = await copy();
    const text = '\uFEFF+++\r\ntitle = "CRLF"\r\ndate = 2024-03-08T09:00:00+01:00\r\ntags = [\r\n  "kafka",\r\n  "hpc",\r\n]\r\n+++\r\n- line one\r\n- line two';
    writeFileSync(join(dir, 'visit-a/crlf.md'), text);
    expect((await run(['tag', 'rename', 'kafka', 'streams'], { cwd: dir, env })).code).toBe(0);
    expect(readFileSync(join(dir, 'visit-a/crlf.md'))).toEqual(Buffer.from(text.replace('"kafka"', '"streams"')));
    expect((await run(['tag', 'add', 'people', '--to', 'visit-a/crlf.md'], { cwd: dir, env })).code).toBe(0);
    expect(readFileSync(join(dir, 'visit-a/crlf.md'), 'utf8')).toBe(text.replace('"kafka"', '"streams"').replace('  "hpc",\r\n', '  "hpc",\r\n  "people",\r\n'));
  });

  it('skips a note changed on disk between reading and writing, writes the rest, reports it', async () => {
    const dir = await copy();
    const nb = locateNotebook({ cwd: dir, env: {} });
    const theirs = '+++\ntitle = "edited elsewhere"\ntags = ["kafka"]\n+++\nsaved by another editor\n';
    const res = await tagChange(nb, {
      op: { kind: 'rename', from: 'kafka', to: 'streams' }, cwd: dir, now: new Date(), index: { env, warn: (m) => { throw new Error(m); } },
      beforeWrite: (abs) => { if (abs.endsWith('2024-03-05.md')) writeFileSync(abs, theirs); },
    });
    expect(res.from).toBe(indexed ? 'index' : 'files');
    expect(res.skipped).toEqual([{ path: 'visit-a/2024-03-05.md', reason: 'it changed on disk after it was read; run the command again' }]);
    expect(res.changed.map((c) => c.path)).toEqual(['misc/idea.md', 'visit-a/2024-03-04.md']);
    expect(read(dir, 'visit-a/2024-03-05.md')).toBe(theirs);
    expect(read(dir, 'visit-a/2024-03-04.md')).toContain('tags = ["streams", "hpc"]');
    expect(readdirSync(join(dir, 'visit-a')).filter((n) => n.includes('notes-tmp'))).toEqual([]);
  });

  it('exits 1 and says why when a note cannot be edited', async () => {
    const dir = await copy();
    writeFileSync(join(dir, 'misc/odd.md'), '---\ntags: &t [kafka]\n---\n');
    const r = await run(['tag', 'rename', 'kafka', 'streams'], { cwd: dir, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('skipped misc/odd.md: cannot edit its tags: tags written as YAML anchor or alias');
    expect(r.stderr).toContain('3 notes changed, 1 skipped');
  });
});

describe('notes tag add / remove', () => {
  it('adds by ref (path, day), in each note\'s own style; adding a present tag is a no-op', async () => {
    const dir = notebook();
    const r = await run(['tag', 'add', 'follow-up', 'hpc', '--to', '2024-03-04', 'visit-a/2024-03-05.md', '2024-03-06'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('notes: tag add follow-up hpc: 3 notes changed\n');
    expect(read(dir, 'visit-a/2024-03-04.md')).toContain('tags = ["kafka", "hpc", "follow-up"]\n');
    expect(read(dir, 'visit-a/2024-03-05.md')).toContain('tags:\n  - Kafka\n  - people\n  - follow-up\n  - hpc\n---');
    expect(read(dir, 'visit-a/2024-03-06.md')).toContain('"tags": ["beam", "follow-up", "hpc"]\n}');
    const again = await run(['tag', 'add', 'FOLLOW-UP', '--to', '2024-03-04'], { cwd: dir });
    expect(again.stderr).toBe('notes: tag add FOLLOW-UP: 0 notes changed, 1 already as asked\n');
  });

  it('exits 1 when a note it could not read may have been meant (a selection, not a ref)', async () => {
    const dir = notebook();
    writeFileSync(join(dir, 'visit-a/broken.md'), '+++\ntitle = "unclosed\n+++\nbody\n');
    const all = await run(['tag', 'add', 'x', '--visit', 'visit-a'], { cwd: dir });
    expect(all.code).toBe(1);
    expect(all.stderr).toMatch(/visit-a\/broken\.md/);
    expect(all.stderr).toMatch(/notes changed, 1 unreadable \(see above\)\n$/);
    const byRef = await run(['tag', 'add', 'y', '--to', '2024-03-04'], { cwd: dir });
    expect(byRef.code, byRef.stderr).toBe(0);
    // A broken note outside the visit selected was not meant.
    const elsewhere = await run(['tag', 'add', 'z', '--visit', 'misc'], { cwd: dir });
    expect(elsewhere.code, elsewhere.stderr).toBe(0);
  });

  it('keeps a note private, and a symlinked note a link to the note it names', async () => {
    const dir = notebook();
    chmodSync(join(dir, 'visit-a/2024-03-04.md'), 0o600);
    renameSync(join(dir, 'misc/idea.md'), join(dir, 'idea-real.md'));
    symlinkSync('../idea-real.md', join(dir, 'misc/idea.md'));
    const r = await run(['tag', 'add', 'follow-up', '--to', '2024-03-04', 'misc/idea.md'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(read(dir, 'visit-a/2024-03-04.md')).toContain('"follow-up"');
    expect(statSync(join(dir, 'visit-a/2024-03-04.md')).mode & 0o777).toBe(0o600);
    expect(lstatSync(join(dir, 'misc/idea.md')).isSymbolicLink()).toBe(true);
    expect(read(dir, 'idea-real.md')).toContain('follow-up');
  });

  it('adds a tags key after the last top-level key, before [params]', async () => {
    const dir = notebook();
    await run(['tag', 'add', 'wrap-up', '--to', '2024-03-07'], { cwd: dir });
    expect(read(dir, 'visit-a/2024-03-07.md')).toContain('weight = 4\ntags = ["wrap-up"]\n\n[params]\ntags = ["kafka"]\n+++');
  });

  it('gives a note without front matter front matter in the notebook format', async () => {
    const dir = notebook();
    await run(['tag', 'add', 'ideas', '--to', 'misc/plain.md'], { cwd: dir });
    expect(read(dir, 'misc/plain.md')).toBe('+++\ntags = ["ideas"]\n+++\n# Loose thoughts\n\nKafka retention settings to check.\n');
    writeFileSync(join(dir, '.notes.toml'), 'format = "yaml"\n');
    writeFileSync(join(dir, 'misc/other.md'), 'text\n');
    await run(['tag', 'add', 'ideas', '--to', 'misc/other.md'], { cwd: dir });
    expect(read(dir, 'misc/other.md')).toBe('---\ntags: ["ideas"]\n---\ntext\n');
  });

  it('selects by --where and by filters; removes case-insensitively', async () => {
    const dir = notebook();
    const cache = tempDir('notes-cache-');
    cleanups.push(cache.cleanup);
    const r = await run(['tag', 'add', 'control', '--where', 'control ROOM'], { cwd: dir, env: { NOTES_CACHE_DIR: cache.dir } });
    expect(r.stderr).toBe('notes: tag add control: 1 note changed\n');
    expect(read(dir, 'visit-a/2024-03-05.md')).toContain('  - control\n');
    const f = await run(['tag', 'remove', 'KAFKA', '--tag', 'kafka', '--drafts'], { cwd: dir });
    expect(f.stderr).toBe('notes: tag remove KAFKA: 3 notes changed\n');
    expect(read(dir, 'visit-a/2024-03-04.md')).toContain('tags = ["hpc"]\n');
    expect(read(dir, 'misc/idea.md')).toContain("tags = ['Streams']\n");
    const g = await run(['tag', 'remove', 'beam', '--visit', 'visit-a'], { cwd: dir });
    expect(g.stderr).toBe('notes: tag remove beam: 1 note changed, 4 already as asked\n');
    expect(read(dir, 'visit-a/2024-03-06.md')).toContain('"tags": []\n');
  });

  describe('--where is the notebook search', () => {
    /** The notes `tag add zz --where <query>` would change (dry run), by path. */
    async function where(query: string, ...extra: string[]): Promise<string[]> {
      const dir = notebook();
      const cache = tempDir('notes-cache-');
      cleanups.push(cache.cleanup);
      const r = await run(['tag', 'add', 'zz', '--where', query, '--dry-run', ...extra], { cwd: dir, env: { NOTES_CACHE_DIR: cache.dir } });
      expect(r.code, r.stderr).toBe(0);
      return [...r.stdout.matchAll(/^\+\+\+ b\/(.+)$/gm)].map((m) => m[1]!).sort();
    }

    it.each([
      ['contrl room', [], ['visit-a/2024-03-05.md']], // a typo, as in notes search
      ['contrl room', ['--exact'], []],
      ['control room', ['--exact'], ['visit-a/2024-03-05.md']],
      ['"data group"', [], ['visit-a/2024-03-04.md']], // a phrase
      ['"group data"', [], []],
      ['kafka -streaming', [], ['misc/plain.md', 'visit-a/2024-03-05.md']], // -word
      ['tag:beam', [], ['visit-a/2024-03-06.md']],
      ['idea', [], []], // the draft is left out...
      ['idea', ['--drafts'], ['misc/idea.md']], // ...unless --drafts
      ['kafka', ['--since', '2024-03-05'], ['visit-a/2024-03-05.md']], // with the list filters
    ])('%s %j', async (query, extra, paths) => {
      expect(await where(query, ...extra)).toEqual(paths);
    });

    it('--exact needs --where', async () => {
      const r = await run(['tag', 'add', 'zz', '--all', '--exact'], { cwd: notebook() });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--exact goes with --where');
    });
  });

  it('asks which notes when none are named, and refuses refs with filters', async () => {
    const dir = notebook();
    const r = await run(['tag', 'add', 'x'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('say which notes to tag');
    expect((await run(['tag', 'add', 'x', '--to', 'One', '--all'], { cwd: dir })).code).toBe(2);
    const blank = await run(['tag', 'rename', 'kafka', ' '], { cwd: dir });
    expect(blank.code).toBe(2);
    expect(blank.stderr).toContain('not a tag: " "');
  });
});

const need = hasShared || !!process.env.NOTES_REQUIRE_EXTERNAL;

/** The most used tag of a corpus that is spelled one way everywhere (so a round trip can restore it). */
function roundTripTag(dir: string): string | null {
  const spellings = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  for (const [rel, bytes] of snapshot(dir)) {
    if (!rel.endsWith('.md')) continue;
    let note;
    try { note = parseNote(rel, decodeNote(bytes, rel)); } catch { continue; }
    for (const t of note.tags) {
      const k = t.toLowerCase();
      spellings.set(k, (spellings.get(k) ?? new Set()).add(t));
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  const ok = [...counts.entries()].filter(([k]) => spellings.get(k)!.size === 1).sort((a, b) => b[1] - a[1]);
  return ok.length ? [...spellings.get(ok[0]![0])!][0]! : null;
}

describe.skipIf(!need)('round trip on the shared corpora: rename a b, then b a, restores every byte', () => {
  it.each(['benmezger-notes', 'hugo-docs'])('%s', async (name) => {
    const dir = notebook(join(SHARED, 'corpora', name, 'content'));
    const before = snapshot(dir);
    const tag = roundTripTag(dir) ?? 'kafka';
    const a = await run(['tag', 'rename', tag, 'zz-round-trip'], { cwd: dir, env: { NOTES_DIR: dir } });
    const after = snapshot(dir);
    const changed = [...after.keys()].filter((k) => !after.get(k)!.equals(before.get(k)!));
    if (name === 'benmezger-notes') expect(changed.length).toBeGreaterThan(5);
    // hugo-docs has no tags in its front matter: `tags:` lines there are in code samples, which must stay as they are.
    const b = await run(['tag', 'rename', 'zz-round-trip', tag], { cwd: dir, env: { NOTES_DIR: dir } });
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(snapshot(dir)).toEqual(before);
  });

  it('hugo-docs: add then remove a tag on every note changes each file by one inserted tags line only', async () => {
    const dir = notebook(join(SHARED, 'corpora', 'hugo-docs', 'content'));
    const before = snapshot(dir);
    const add = await run(['tag', 'add', 'zz-probe', '--all', '--drafts'], { cwd: dir, env: { NOTES_DIR: dir } });
    expect(add.code).toBe(0);
    const rm = await run(['tag', 'remove', 'zz-probe', '--all', '--drafts'], { cwd: dir, env: { NOTES_DIR: dir } });
    expect(rm.code).toBe(0);
    let touched = 0;
    for (const [rel, bytes] of snapshot(dir)) {
      const old = before.get(rel)!.toString('utf8');
      const now = bytes.toString('utf8');
      if (old === now) continue;
      touched++;
      const oldLines = old.split('\n');
      const nowLines = now.split('\n');
      const at = nowLines.findIndex((l, i) => l !== oldLines[i]);
      expect(nowLines[at], rel).toBe('tags: []');
      expect([...nowLines.slice(0, at), ...nowLines.slice(at + 1)].join('\n'), rel).toBe(old);
    }
    expect(touched).toBeGreaterThan(500);
  });
});
