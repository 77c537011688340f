// Long-lived validator process for the .NET side. One JSON object per line on stdin:
//   {"id":"1","kind":"mermaid"|"sql","text":"..."}   ("warm" loads both parsers ahead of the first check)
// One JSON object per line on stdout:
//   {"id":"1","ok":true|false,"errors":[{"line":1,"column":1,"message":"..."}],"detail":"..."}
// Mermaid is checked with Mermaid's own parser (no browser: jsdom supplies the DOM it expects);
// SQL is applied to PostgreSQL compiled to WASM (PGlite) inside a transaction that is rolled back.
import { createInterface } from 'node:readline';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
for (const key of ['navigator', 'Element', 'HTMLElement', 'SVGElement', 'DOMParser', 'getComputedStyle']) {
  if (!(key in globalThis)) {
    try { globalThis[key] = dom.window[key]; } catch { /* read-only in this Node version */ }
  }
}

let mermaidPromise;
function mermaid() {
  mermaidPromise ??= import('mermaid').then(({ default: m }) => {
    m.initialize({ startOnLoad: false, securityLevel: 'strict' });
    return m;
  });
  return mermaidPromise;
}

// A fresh PGlite runs initdb, about 4 s on every process start. The freshly initialised data directory is
// dumped once into node_modules/.cache (so 'npm ci' clears it with the version it belongs to) and loaded
// from there afterwards, under 1 s. Written to a temporary name and renamed, so concurrent processes never
// read half a file; a cache that cannot be read or written only costs the slow start.
const here = dirname(fileURLToPath(import.meta.url));
let freshDataDir;
async function pgliteCachePath() {
  try {
    const { version } = JSON.parse(await readFile(join(here, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8'));
    return join(here, 'node_modules', '.cache', `pglite-${version}-datadir.tar`);
  } catch {
    return null;
  }
}

// Contrib extensions a design may CREATE: btree_gist for exclusion constraints that keep two bookings of one
// room from overlapping. Loaded into the WASM build only when a script creates them.
async function extensions() {
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  return { btree_gist };
}

async function openPglite(PGlite) {
  const cache = await pgliteCachePath();
  freshDataDir ??= cache ? await readFile(cache).catch(() => undefined) : undefined;
  if (freshDataDir) {
    try {
      const db = new PGlite({ loadDataDir: new Blob([freshDataDir]), extensions: await extensions() });
      await db.waitReady;
      return db;
    } catch {
      freshDataDir = undefined; // unreadable cache: fall through to initdb and rewrite it
    }
  }
  const db = new PGlite({ extensions: await extensions() });
  await db.waitReady;
  if (cache) {
    try {
      const dump = Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer());
      await mkdir(dirname(cache), { recursive: true });
      const temp = `${cache}.${process.pid}.tmp`;
      await writeFile(temp, dump);
      await rename(temp, cache);
      freshDataDir = dump;
    } catch { /* read-only install: keep the slow start */ }
  }
  return db;
}

let pglitePromise;
async function pglite(reset = false) {
  if (reset && pglitePromise) {
    const old = await pglitePromise;
    pglitePromise = undefined;
    await old.close().catch(() => {});
  }
  pglitePromise ??= import('@electric-sql/pglite').then(({ PGlite }) => openPglite(PGlite));
  return pglitePromise;
}

function lineColumn(text, offset) {
  // offset is 1-based, as PostgreSQL reports positions.
  const before = text.slice(0, Math.max(0, offset - 1));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return { line, column };
}

// Errors such as a missing referenced table carry no position: point at the mention of the quoted name,
// ignoring comments; for "already exists", at its second definition.
function locateName(text, message) {
  const name = /"([^"]+)"/.exec(message)?.[1];
  if (!name) return { line: null, column: null };
  const code = text.replace(/--[^\n]*/g, (c) => ' '.repeat(c.length));
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const matches = [...code.matchAll(new RegExp(`\\b${escaped}\\b`, 'g'))];
  const referenced = [...code.matchAll(new RegExp(`REFERENCES\\s+${escaped}\\b`, 'gi'))];
  const pick = /already exists/.test(message) ? matches[1] ?? matches[0] : referenced[0] ?? matches[0];
  return pick ? lineColumn(text, pick.index + 1) : { line: null, column: null };
}

async function checkMermaid(text) {
  const m = await mermaid();
  // Mermaid drops %% comment lines before parsing, which shifts its line numbers; blank them instead.
  text = text.replace(/^[ \t]*%%(?!\{)[^\n]*/gm, '');
  try {
    const result = await m.parse(text);
    return { ok: true, errors: [], detail: result?.diagramType ?? 'parsed' };
  } catch (err) {
    const message = String(err?.message ?? err);
    const at = /on line (\d+)/.exec(message) ?? /line (\d+)/i.exec(message);
    // Mermaid counts lines from the first non-blank one and may point one past the end at EOF.
    const lead = ((/^\s*/.exec(text)?.[0] ?? '').match(/\n/g) ?? []).length;
    const total = text.replace(/\n+$/, '').split('\n').length;
    const raw = at ? Number(at[1]) : (err?.hash?.line != null ? err.hash.line + 1 : null);
    const line = raw != null ? Math.min(raw + lead, total) : (/No diagram type detected/.test(message) ? 1 + lead : null);
    const column = err?.hash?.loc?.first_column != null ? err.hash.loc.first_column + 1 : null;
    const text1 = line != null ? message.replace(/(error on line )\d+/i, `$1${line}`) : message;
    return { ok: false, errors: [{ line, column, message: text1.replace(/\s+/g, ' ').trim() }] };
  }
}

async function checkSql(text) {
  let db = await pglite();
  await db.exec('BEGIN');
  let error = null;
  try {
    await db.exec(text);
  } catch (err) {
    error = err;
  }
  try {
    await db.exec('ROLLBACK');
  } catch { /* the script may have ended the transaction itself */ }
  // A script that committed on its own leaves objects behind: start from a clean database.
  const left = await db.query("SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname NOT IN ('pg_catalog','information_schema','pg_toast')");
  if (left.rows[0].n > 0) {
    db = await pglite(true);
  }
  if (!error) {
    return { ok: true, errors: [], detail: 'applied to PostgreSQL (PGlite) and rolled back' };
  }
  let where = error.position ? lineColumn(text, Number(error.position)) : { line: null, column: null };
  if (!error.position) {
    where = locateName(text, error.message ?? '');
  }
  const hint = error.hint ? ` (hint: ${error.hint})` : '';
  const code = error.code ? ` [SQLSTATE ${error.code}]` : '';
  return { ok: false, errors: [{ ...where, message: `${error.message}${hint}${code}` }] };
}

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
let queue = Promise.resolve();
rl.on('line', (line) => {
  if (!line.trim()) return;
  // Requests are handled one at a time: PGlite is single-connection and Mermaid keeps global state.
  queue = queue.then(async () => {
    let request;
    try {
      request = JSON.parse(line);
    } catch {
      process.stdout.write(JSON.stringify({ id: null, ok: false, errors: [{ message: 'request is not JSON' }] }) + '\n');
      return;
    }
    let response;
    try {
      if (request.kind === 'mermaid') response = await checkMermaid(String(request.text ?? ''));
      else if (request.kind === 'sql') response = await checkSql(String(request.text ?? ''));
      else if (request.kind === 'warm') { await Promise.all([mermaid(), pglite()]); response = { ok: true, errors: [], detail: 'parsers loaded' }; }
      else if (request.kind === 'ping') response = { ok: true, errors: [], detail: `node ${process.version}` };
      else response = { ok: false, errors: [{ message: `unknown kind '${request.kind}'` }] };
    } catch (err) {
      response = { ok: false, internal: true, errors: [{ message: `validator error: ${String(err?.message ?? err)}` }] };
    }
    process.stdout.write(JSON.stringify({ id: request.id, ...response }) + '\n');
  });
});
rl.on('close', () => { queue.then(() => process.exit(0)); });
