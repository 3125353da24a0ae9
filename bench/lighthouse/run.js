// Lighthouse 12 (mobile defaults: Moto G Power screen, simulated slow 4G and 4x CPU) over the
// app's pages, for bench/lighthouse.py, which starts the server and reads the reports.
//
// Lighthouse runs through its Node API on a page that puppeteer-core drives, so the device can be
// given a person's data first (the player needs an answered safety check, or it sends the person
// to the check). Before every run the service worker, its caches and the HTTP cache are cleared
// (what Lighthouse's own storage reset does) but IndexedDB and localStorage are kept: each page is
// measured as a cold load from the network by someone who already uses the app.
//
// Job (JSON on stdin): { base, chrome, flags: [...], pages: [{ name, path }], runs, outdir, seed }
// `seed` is a classic script (tests/browser/testkit.js bundled) that sets window.Relieve.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const job = JSON.parse(readFileSync(0, 'utf8'));

// Answer the safety check (all "no"), as a person has before a first routine.
const PASS_SAFETY_CHECK = async () => {
  const Relieve = /** @type {any} */ (globalThis).Relieve;
  const data = await Relieve.catalog.load();
  const no = (questions) => Object.fromEntries(questions.map((q) => [q.id, false]));
  await Relieve.safety.saveScreening('red-flags', no(data.safety.redFlags), 'first-run');
  await Relieve.safety.saveScreening('contraindications', no(data.safety.contraindications), 'first-run');
};

async function seed(browser) {
  const page = await browser.newPage();
  // The app's CSP rightly refuses an injected script; only this seeding page bypasses it.
  await page.setBypassCSP(true);
  await page.goto(job.base + '/', { waitUntil: 'load' });
  await page.addScriptTag({ content: job.seed });
  await page.evaluate(PASS_SAFETY_CHECK);
  await page.close();
}

async function coldCaches(page) {
  const cdp = await page.createCDPSession();
  await cdp.send('Storage.clearDataForOrigin', { origin: job.base, storageTypes: 'service_workers,cache_storage' });
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
}

const browser = await puppeteer.launch({ executablePath: job.chrome, headless: true, args: job.flags });
try {
  await seed(browser);
  for (const { name, path } of job.pages) {
    for (let run = 1; run <= job.runs; run += 1) {
      // A run the page failed to load in (the machine is shared and busy) is tried once more.
      let result;
      for (let attempt = 1; attempt <= 2 && !(result && !result.lhr.runtimeError); attempt += 1) {
        const page = await browser.newPage();
        await page.goto('about:blank');
        await coldCaches(page);
        result = await lighthouse(
          job.base + path,
          { output: 'json', logLevel: 'error', onlyCategories: ['performance'], disableStorageReset: true },
          undefined,
          page,
        );
        await page.close();
      }
      const file = join(job.outdir, `${name.replace(/\W+/g, '-')}-${run}.json`);
      writeFileSync(file, result.report);
      process.stdout.write(JSON.stringify({ name, run, file }) + '\n');
    }
  }
} finally {
  await browser.close();
}
