import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './lib/chromium.js';
import { startBuiltServer } from '../server/start-built.js';
import { resolve } from 'node:path';
const server = await startBuiltServer({ port: 4560, env: { QANTAR_BUILD_DIR: resolve('.tmp/bench/build'), HOST: '127.0.0.1', ORIGIN: 'http://localhost:4560' } });
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
for (let i = 0; i < 3; i++) for (const path of ['/', '/__floor/']) {
  const ctx = await b.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.addInitScript(() => { window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true }); });
  await page.goto('http://localhost:4560' + path);
  await page.waitForFunction(() => !!window.qantar?.map || !!window.map, null, { timeout: 30000 });
  const t = await page.evaluate(() => new Promise((res) => { const m = window.qantar?.map ?? window.map; const done = () => res(performance.now()); if (m.loaded() && !m.isMoving()) { m.once('idle', done); m.triggerRepaint(); } else m.once('idle', done); }));
  const info = await page.evaluate(() => ({
    res: performance.getEntriesByType('resource').filter((r) => /\.js/.test(r.name)).map((r) => `${r.name.split('/').pop().slice(0, 28)} ${Math.round(r.startTime)}-${Math.round(r.responseEnd)}`),
    marks: performance.getEntriesByType('mark').map((m) => `${m.name}@${Math.round(m.startTime)}`),
    fcp: Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1),
    nav: Math.round(performance.getEntriesByType('navigation')[0].responseEnd), lt: window.__lt
  }));
  console.log(path, 'idle', Math.round(t), 'fcp', info.fcp, 'navEnd', info.nav, '\n  marks', info.marks.join(' '), '\n  lt', JSON.stringify(info.lt), '\n  js', info.res.join(' | '));
  await ctx.close();
}
await b.close(); await server.stop?.(); process.exit(0);
