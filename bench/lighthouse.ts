/**
 * Lighthouse (npm `lighthouse`, default mobile preset: simulated slow 4G and 4x CPU slowdown)
 * against Debian's chromium, fully offline, on the storefront's home, listing and product pages,
 * served by a real store-api with the demo shop (tests/storefront/harness.ts). Three runs per page;
 * the median run by performance score is reported. Initial JS is what the page loaded before it
 * was idle (entry, preloads and the route's chunk), gzip -9 of the built files.
 *
 * Run: `npm run bench:lighthouse` (2 minutes on a quiet machine; `LIGHTHOUSE_RUNS`, `LIGHTHOUSE_PAGES`
 * to change what runs). Results go in docs/benchmarks.md by hand.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { type Shop, startShop } from '../tests/storefront/harness.ts';

const root = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

interface Run {
  scores: Record<string, number>;
  lcpMs: number;
  tbtMs: number;
  scripts: string[];
}

interface LighthouseReport {
  categories: Record<string, { score: number }>;
  audits: Record<
    string,
    { numericValue?: number; details?: { items?: Array<{ url: string; resourceType?: string }> } }
  >;
}

/** One run; Lighthouse now and then fails to record a trace on a loaded machine (NO_NAVSTART): try again once. */
async function lighthouse(url: string, retry = true): Promise<Run> {
  try {
    return await lighthouseOnce(url);
  } catch (e) {
    if (!retry) throw new Error(`lighthouse ${url}: ${String((e as Error).message).split('\n')[0]}`);
    return lighthouse(url, false);
  }
}

async function lighthouseOnce(url: string): Promise<Run> {
  const { stdout } = await promisify(execFile)(
    join(root, 'node_modules/.bin/lighthouse'),
    [
      url,
      '--output=json',
      '--output-path=stdout',
      '--quiet',
      '--only-categories=performance,accessibility,best-practices,seo',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    ],
    { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(stdout) as LighthouseReport;
  const scores = Object.fromEntries(
    Object.entries(report.categories).map(([k, v]) => [k, Math.round(v.score * 100)]),
  );
  const scripts = (report.audits['network-requests']?.details?.items ?? [])
    .filter((i) => i.resourceType === 'Script')
    .map((i) => new URL(i.url).pathname);
  return {
    scores,
    lcpMs: report.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
    tbtMs: report.audits['total-blocking-time']?.numericValue ?? Number.NaN,
    scripts,
  };
}

const gzipKb = (shop: Shop, paths: string[]) =>
  paths.reduce(
    (sum, p) => sum + gzipSync(readFileSync(join(shop.storefrontDir, p)), { level: 9 }).length,
    0,
  ) / 1024;

async function main() {
  const shop = await startShop();
  try {
    const listing = await (
      await fetch(`${shop.baseUrl}/store/products?category=boots-booties&pageSize=1`)
    ).json();
    const pages = {
      home: '/',
      listing: '/c/boots-booties',
      product: `/p/${(listing as { items: Array<{ slug: string }> }).items[0]!.slug}`,
    };
    console.log(
      '| page | performance | accessibility | best practices | SEO | LCP | TBT | initial JS (gzip) |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    // LIGHTHOUSE_PAGES=product,listing measures only those.
    const only = process.env.LIGHTHOUSE_PAGES?.split(',');
    for (const [name, path] of Object.entries(pages).filter(([n]) => !only || only.includes(n))) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await lighthouse(shop.baseUrl + path));
      runs.sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0));
      const median = runs[Math.floor(runs.length / 2)]!;
      const s = median.scores;
      const perf = runs.map((r) => r.scores.performance).join('/');
      console.log(
        `| ${name} (${path}) | ${s.performance} (runs ${perf}) | ${s.accessibility} | ${s['best-practices']} | ${s.seo} | ${(median.lcpMs / 1000).toFixed(2)} s | ${Math.round(median.tbtMs)} ms | ${gzipKb(shop, median.scripts).toFixed(1)} kB |`,
      );
    }
  } finally {
    await shop.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
