#!/usr/bin/env node
// Browser test of the workbench (web/): ingests an example into a fresh
// database, starts `dragoman serve`, drives Chromium through the page and
// saves a screenshot.
//
//   node tests/browser/workbench.mjs [--binary build/dragoman]
//       [--web web/dist | --build-web DIR] [--example examples/articles.jsonl]
//       [--article examples/article.txt --article-date 2027-03-11]
//       [--screenshot docs/workbench.png] [--url http://127.0.0.1:8080/] [--headed]
//
// The defaults (in brackets) fit a run by hand from a built tree.
// --example is JSONL; --article, plain text ingested with --article-date
// (--no-article: only the JSONL).
// --build-web bundles web/ into DIR first (node web/build.mjs --outdir DIR)
// and serves that, so the test always sees the current sources.
// --url skips ingest and serve and tests a server that is already running.
// The screenshot goes to --screenshot (default docs/workbench.png); with
// DM_UPDATE_SCREENSHOT=1 it is also copied to docs/workbench.png.
// Exits 77 (skipped) when playwright-core or Chromium is missing, 1 on
// any failure, 0 when every check passed.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SKIP = 77;

function parseArgs(argv) {
  const o = {
    binary: path.join(repo, 'build', 'dragoman'),
    web: path.join(repo, 'web', 'dist'),
    buildWeb: null,
    example: path.join(repo, 'examples', 'articles.jsonl'),
    article: path.join(repo, 'examples', 'article.txt'),
    articleDate: '2027-03-11',
    screenshot: path.join(repo, 'docs', 'workbench.png'),
    url: null,
    chromium: process.env.DM_CHROMIUM || '/usr/bin/chromium',
    headed: false,
  };
  const names = { '--binary': 'binary', '--web': 'web', '--build-web': 'buildWeb', '--example': 'example', '--article': 'article', '--article-date': 'articleDate', '--screenshot': 'screenshot', '--url': 'url', '--chromium': 'chromium' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--headed') o.headed = true;
    else if (a === '--no-article') o.article = null;
    else if (a === '-h' || a === '--help') {
      console.log('usage: node tests/browser/workbench.mjs --binary PATH [--web DIR | --build-web DIR] [--example FILE.jsonl] [--article FILE.txt | --no-article] [--screenshot PNG] [--url URL] [--headed]');
      process.exit(0);
    } else if (names[a] && i + 1 < argv.length) {
      const v = argv[++i];
      o[names[a]] = ['url', 'articleDate'].includes(names[a]) ? v : path.resolve(v);
    } else {
      throw new Failure(`unknown or incomplete argument ${a} (see --help)`);
    }
  }
  return o;
}

class Failure extends Error {}
let server = null; // the dragoman serve process, killed on every way out
function check(cond, message) {
  if (!cond) throw new Failure(message);
}
const ok = (m) => console.log(`ok - ${m}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120000 });
  if (r.error) throw new Failure(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) throw new Failure(`${path.basename(cmd)} ${args.join(' ')} exited ${r.status}:\n${r.stderr || r.stdout}`);
  return r;
}

async function getJson(base, p, init) {
  const res = await fetch(new URL(p, base), init);
  const text = await res.text();
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Failure(`${p}: status ${res.status}, not JSON: ${text.slice(0, 200)}`);
  }
  if (!res.ok) throw new Failure(`${p}: status ${res.status}: ${data.error || text.slice(0, 200)}`);
  return data;
}

async function waitForServer(base, proc, log) {
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    if (proc && proc.exitCode !== null) throw new Failure(`dragoman serve exited with ${proc.exitCode}:\n${log()}`);
    try {
      const res = await fetch(new URL('api/stats', base));
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(150);
  }
  throw new Failure(`dragoman serve did not answer /api/stats within 20 s:\n${log()}`);
}

// Waits until a panel has finished loading (ready, or error: then fails with its message).
async function panelReady(page, id, what) {
  await page.waitForFunction((sel) => {
    const p = document.querySelector(sel);
    return p && (p.dataset.state === 'ready' || p.dataset.state === 'error');
  }, `#${id}`, { timeout: 15000 }).catch(() => { throw new Failure(`${what} did not finish loading in 15 s`); });
  const state = await page.getAttribute(`#${id}`, 'data-state');
  if (state === 'error') {
    const msg = await page.textContent(`#${id} .panel-status`);
    throw new Failure(`${what} shows an error: ${msg}`);
  }
}

// Waits until the events table shows `total` events.
async function tableShows(page, total, what) {
  await page.waitForFunction((n) => {
    const p = document.querySelector('#panel-events');
    const t = document.querySelector('#events-total');
    return p.dataset.state === 'ready' && t.dataset.total === String(n);
  }, total, { timeout: 15000 }).catch(async () => {
    const shown = await page.getAttribute('#events-total', 'data-total');
    const state = await page.getAttribute('#panel-events', 'data-state');
    const status = await page.textContent('#panel-events .panel-status');
    throw new Failure(`${what}: the table should show ${total} events, shows ${shown} (state ${state}${status ? `: ${status}` : ''})`);
  });
}

const ARTICLE = `Police in Lagos arrested 42 protesters on Monday after thousands marched against rising fuel prices, a police spokesman said.

Officers fired tear gas to disperse demonstrators who had blocked a highway near the state governor's office. "We will not allow anyone to disturb public order," the Lagos police commissioner told reporters.

Labour unions condemned the arrests and demanded the immediate release of the detained protesters.`;

async function main() {
  const o = parseArgs(process.argv.slice(2));

  // Skip only when the browser or its driver is not installed.
  let chromium;
  try {
    const require = createRequire(path.join(repo, 'package.json'));
    const pw = await import(pathToFileURL(require.resolve('playwright-core')).href);
    chromium = pw.chromium || (pw.default && pw.default.chromium);
    if (!chromium) throw new Error('playwright-core has no chromium export');
  } catch (e) {
    console.log(`SKIP: playwright-core is not installed (run \`npm ci\` in ${repo}): ${e.message.split('\n')[0]}`);
    return SKIP;
  }
  if (!existsSync(o.chromium)) {
    console.log(`SKIP: Chromium not found at ${o.chromium} (install chromium, or set DM_CHROMIUM)`);
    return SKIP;
  }

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'dm-workbench-'));
  let serverLog = '';
  let browser = null;
  let page = null;
  try {
    let base = o.url;
    if (!base) {
      check(existsSync(o.binary), `no dragoman binary at ${o.binary}`);
      let web = o.web;
      if (o.buildWeb) {
        run(process.execPath, [path.join(repo, 'web', 'build.mjs'), '--outdir', o.buildWeb]);
        web = o.buildWeb;
        ok(`built the workbench into ${web}`);
      }
      check(existsSync(path.join(web, 'index.html')), `no ${path.join(web, 'index.html')}: run \`npm run build\` (or pass --build-web DIR)`);
      const db = path.join(tmp, 'events.db');
      run(o.binary, ['ingest', o.example, '--input', 'jsonl', '--db', db]);
      ok(`ingested ${path.basename(o.example)}`);
      if (o.article) {
        run(o.binary, ['ingest', o.article, '--date', o.articleDate, '--db', db]);
        ok(`ingested ${path.basename(o.article)}`);
      }
      const port = await freePort();
      server = spawn(o.binary, ['serve', '--db', db, '--port', String(port), '--web', web], { stdio: ['ignore', 'pipe', 'pipe'] });
      server.stdout.on('data', (d) => { serverLog += d; });
      server.stderr.on('data', (d) => { serverLog += d; });
      base = `http://127.0.0.1:${port}/`;
      await waitForServer(base, server, () => serverLog);
      ok(`dragoman serve answers on ${base}`);
    } else {
      await waitForServer(base, null, () => '');
    }

    // What the API says, to compare the page with.
    const stats = await getJson(base, 'api/stats');
    const all = await getJson(base, 'api/events?limit=500');
    check(all.total > 0 && all.events.length > 0, `the example gave no events (/api/stats: ${JSON.stringify(stats)})`);

    browser = await chromium.launch({
      executablePath: o.chromium,
      headless: !o.headed,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'].filter((a) => !(o.headed && a === '--headless')),
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    page = await context.newPage();
    const pageErrors = [];
    const external = [];
    const origin = new URL(base).origin;
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (u.startsWith(origin) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
      external.push(u);
      return route.abort();
    });

    // 1. The page loads and every panel fills.
    await page.goto(base, { waitUntil: 'load' });
    await panelReady(page, 'panel-events', 'the events table');
    await tableShows(page, all.total, 'without filters');
    const rows = await page.locator('[data-testid=event-row]').count();
    check(rows === Math.min(all.total, 50), `the table has ${rows} rows, expected ${Math.min(all.total, 50)}`);
    ok(`the events table shows ${rows} rows of ${all.total} events`);
    await panelReady(page, 'panel-timeline', 'the timeline');
    const buckets = Number(await page.getAttribute('#timeline-chart', 'data-buckets'));
    check(buckets > 0, 'the timeline has no bars');
    ok(`the timeline has ${buckets} periods`);
    await panelReady(page, 'panel-network', 'the network');
    const net = await getJson(base, 'api/network');
    const nodes = Number(await page.getAttribute('#network', 'data-nodes'));
    check(net.edges.length === 0 || nodes > 0, `the network API has ${net.edges.length} edges but the graph shows no node`);
    ok(`the network shows ${nodes} actors`);
    await panelReady(page, 'panel-map', 'the map');
    const located = all.events.filter((e) => e.location && typeof e.location.lat === 'number');
    const dots = await page.locator('[data-testid=map-dot]').count();
    check(await page.locator('#map svg path.land').count() === 1, 'the map has no countries');
    check(located.length === 0 || dots > 0, `${located.length} events have a place but the map has no dot`);
    ok(`the map shows ${dots} places`);
    check((await page.textContent('#stats')).includes(String(stats.events)), 'the header does not show the number of events');

    // 2. Open an event: its sentence is highlighted, its spans marked.
    const docs = await getJson(base, 'api/documents?limit=500');
    const richest = [...docs.documents].sort((a, b) => b.events - a.events)[0];
    const coded = (e) => e.source && e.target && e.source.code && e.target.code;
    const pick = all.events.find((e) => e.doc === richest.id && coded(e)) || all.events.find(coded) || all.events[0];
    await checkDocView(page, base, pick.id);
    ok(`event ${pick.id}: the evidence sentence is highlighted, source, verb and target marked`);
    await page.screenshot({ path: path.join(tmp, 'explore.png'), fullPage: true });

    // 3. Filter by an actor that occurs: every row has it as source or target.
    const actors = await getJson(base, 'api/actors?limit=100');
    check(actors.actors.length > 0, '/api/actors lists no actor');
    const actor = actors.actors.find((a) => a.events < all.total) || actors.actors[0];
    const filtered = await getJson(base, `api/events?actor=${encodeURIComponent(actor.code)}&limit=500`);
    await page.fill('#f-actor', actor.code);
    await page.press('#f-actor', 'Enter');
    await tableShows(page, filtered.total, `actor ${actor.code}`);
    check(filtered.total <= all.total, `filtering by ${actor.code} gave more events (${filtered.total}) than none (${all.total})`);
    check(filtered.total > 0, `${actor.code} is listed by /api/actors but filtering by it gives no event`);
    const shown = await page.$$eval('[data-testid=event-row]', (trs) => trs.map((tr) => ({
      id: tr.dataset.eventId,
      source: tr.dataset.sourceCode,
      target: tr.dataset.targetCode,
      sourceName: tr.dataset.sourceName,
      targetName: tr.dataset.targetName,
      sourceText: tr.querySelector('.col-source').textContent,
      targetText: tr.querySelector('.col-target').textContent,
    })));
    check(shown.length === Math.min(filtered.total, 50), `${shown.length} rows for ${filtered.total} events of ${actor.code}`);
    for (const r of shown) {
      const has = (code, name, text) => (code.startsWith(actor.code) && text.includes(code)) || (actor.name && name.toLowerCase() === actor.name.toLowerCase());
      check(has(r.source, r.sourceName, r.sourceText) || has(r.target, r.targetName, r.targetText),
        `row of event ${r.id} shows neither source nor target ${actor.code} (source ${r.source}, target ${r.target})`);
    }
    check(page.url().includes(`actor=${encodeURIComponent(actor.code)}`), `the URL does not keep the filter: ${page.url()}`);
    await panelReady(page, 'panel-timeline', 'the filtered timeline');
    await panelReady(page, 'panel-network', 'the filtered network');
    await panelReady(page, 'panel-map', 'the filtered map');
    ok(`filtered by actor ${actor.code}: ${filtered.total} of ${all.total} events, each with ${actor.code} as source or target`);

    // Open an event from the filtered table by clicking its row.
    const firstId = Number(shown[0].id);
    await checkDocView(page, base, firstId);
    ok(`event ${firstId} (clicked in the filtered table) opens with its evidence highlighted`);

    // 4. Code a pasted article.
    const expected = await getJson(base, 'api/code', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: ARTICLE, date: '2027-04-12' }) });
    check(expected.record && expected.record.events.length > 0, `POST /api/code found no event in the test article: ${JSON.stringify(expected).slice(0, 300)}`);
    await page.click('#tab-code');
    await page.fill('#code-text', ARTICLE);
    await page.fill('#code-date', '2027-04-12');
    await page.click('#code-submit');
    await panelReady(page, 'code-result', 'the coded article');
    const codedRows = await page.locator('[data-testid=code-event-row]').count();
    check(codedRows === expected.record.events.length, `the page lists ${codedRows} events for the pasted article, the API ${expected.record.events.length}`);
    const ev0 = expected.record.events[0];
    const evidence = await page.textContent('#code-doc [data-testid=evidence]');
    check(evidence === Array.from(ARTICLE).slice(ev0.sentence.begin, ev0.sentence.end).join(''), `the pasted article's first evidence sentence is not highlighted: "${evidence}"`);
    check(await page.locator('#code-doc [data-roles~=verb]').count() > 0, 'no verb is marked in the pasted article');
    if (expected.record.counts.length) check(await page.locator('#code-doc [data-roles~=count]').count() > 0, 'the counts of the pasted article are not marked');
    if (expected.record.quotes.length) check(await page.locator('#code-doc [data-roles~=quote]').count() > 0, 'the quotation in the pasted article is not marked');
    ok(`the pasted article is coded: ${codedRows} events, evidence and spans highlighted`);

    // 5. An API error is shown, not swallowed.
    await page.goto(new URL('?root=7', base).href, { waitUntil: 'load' });
    await page.waitForSelector('#error:not([hidden])', { timeout: 15000 }).catch(() => { throw new Failure('a bad filter (root=7) shows no error'); });
    const shownError = await page.textContent('#error .msg');
    check(/400/.test(shownError) && /root/i.test(shownError), `the error banner should name the 400 and the parameter, says: ${shownError}`);
    ok(`a bad filter shows the server's error: ${shownError.trim()}`);

    check(pageErrors.length === 0, `the page threw: ${pageErrors.join('; ')}`);
    check(external.length === 0, `the page tried to load from outside the server: ${external.join(', ')}`);
    ok('no script error, nothing loaded from outside localhost');

    // The screenshot: the explore view with an event open.
    mkdirSync(path.dirname(o.screenshot), { recursive: true });
    copyFileSync(path.join(tmp, 'explore.png'), o.screenshot);
    ok(`screenshot: ${o.screenshot}`);
    if (process.env.DM_UPDATE_SCREENSHOT === '1') {
      const docsPng = path.join(repo, 'docs', 'workbench.png');
      if (path.resolve(o.screenshot) !== docsPng) copyFileSync(o.screenshot, docsPng);
      ok(`updated ${docsPng}`);
    }
    console.log('PASS: workbench browser test');
    return 0;
  } catch (e) {
    if (page) {
      const shot = path.join(os.tmpdir(), `dm-workbench-failure-${process.pid}.png`);
      await page.screenshot({ path: shot, fullPage: true }).then(() => console.error(`(page at failure: ${shot})`), () => {});
    }
    console.error(`FAIL: ${e instanceof Failure ? e.message : e.stack || e}`);
    if (serverLog.trim()) console.error(`--- dragoman serve said:\n${serverLog.slice(-4000)}`);
    return 1;
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      const exited = await Promise.race([new Promise((r) => server.once('exit', () => r(true))), sleep(3000).then(() => false)]);
      if (!exited) server.kill('SIGKILL');
    }
    rmSync(tmp, { recursive: true, force: true });
  }
}

// Opens event `id` by clicking its row (or by URL when it is not on the
// page) and checks the document view against /api/events/{id}.
async function checkDocView(page, base, id) {
  const event = await getJson(base, `api/events/${id}`);
  const row = page.locator(`[data-testid=event-row][data-event-id="${id}"]`);
  if (await row.count()) await row.click();
  else await page.goto(new URL(`?event=${id}`, base).href);
  await page.waitForFunction((eid) => {
    const p = document.querySelector('#panel-doc');
    const card = document.querySelector('[data-testid=event-card]');
    return (p.dataset.state === 'ready' && card && document.querySelector('[data-testid=evidence]') && new URL(location.href).searchParams.get('event') === String(eid)) || p.dataset.state === 'error';
  }, id, { timeout: 15000 }).catch(() => { throw new Failure(`the document view of event ${id} did not open`); });
  if (await page.getAttribute('#panel-doc', 'data-state') === 'error') {
    throw new Failure(`the document view of event ${id} shows an error: ${await page.textContent('#panel-doc .panel-status')}`);
  }
  const evidence = page.locator('#doc-view [data-testid=evidence]');
  check(await evidence.count() === 1, `event ${id}: ${await evidence.count()} evidence elements`);
  const text = await evidence.textContent();
  check(text === event.sentence.text, `event ${id}: highlighted "${text}", but the event's sentence is "${event.sentence.text}"`);
  const marked = (role) => page.$$eval(`#doc-view [data-testid=doc-text] [data-roles~=${role}]`, (els) => els.map((e) => e.textContent).join(''));
  for (const role of ['source', 'verb', 'target']) {
    const span = event[role];
    if (!span) continue;
    const got = await marked(role);
    check(got === span.text, `event ${id}: the ${role} marked is "${got}", expected "${span.text}"`);
  }
  const doc = await getJson(base, `api/documents/${encodeURIComponent(event.doc)}`);
  if (doc.record.quotes.length) check(await page.locator('#doc-view [data-roles~=quote]').count() > 0, `document ${event.doc}: its quotations are not marked`);
  if (doc.record.counts.length) check(await page.locator('#doc-view [data-roles~=count]').count() > 0, `document ${event.doc}: its counts are not marked`);
  check(await page.locator('#doc-view [data-testid=legend]').count() === 1, 'the document view has no legend');
  // The colours differ: source, verb and target are told apart.
  const colours = await page.evaluate(() => ['source', 'verb', 'target', 'quote', 'count'].map((k) => {
    const s = document.createElement('span');
    s.className = `m-${k}`;
    document.body.append(s);
    const c = getComputedStyle(s);
    const v = `${c.backgroundColor}|${c.color}|${c.borderBottomColor}|${c.outlineStyle}`;
    s.remove();
    return v;
  }));
  check(new Set(colours).size === colours.length, `the marks do not all look different: ${colours.join(', ')}`);
}

const watchdog = setTimeout(() => {
  console.error('FAIL: the test took longer than 150 s');
  if (server && server.exitCode === null) server.kill('SIGKILL');
  process.exit(1);
}, 150000);
watchdog.unref();
main().then((code) => process.exit(code), (e) => {
  console.error(`FAIL: ${e instanceof Failure ? e.message : e.stack || e}`);
  process.exit(1);
});
