// Saves www/screenshot.png (for the README): the app after a short review session on a seed article.
// Usage: node tests/browser/screenshot.mjs [out.png]
import { launch, openApp, paste, corpusText, fileUrl, requireDist } from './harness.mjs';

requireDist();
const out = process.argv[2] || new URL('../../www/screenshot.png', import.meta.url).pathname;
const browser = await launch();
const { page } = await openApp(browser, fileUrl());
await paste(page, corpusText('000_266354f2ac06ead1.txt'));
await paste(page, corpusText('003_a7fab11564c02453.txt'));
await paste(page, corpusText('002_601354975c3094f5.txt'));
await page.fill('input[aria-label="New label name"]', 'actor');
await page.click('button[aria-label="Add label"]');
for (const k of ['n', 'a', 'a', 'r', 'a']) await page.keyboard.press(k);
await page.fill('#search', 'The Islamic State group');
await page.waitForFunction(() => getSelection().toString() === 'The Islamic State group');
await page.keyboard.press('Escape');
await page.keyboard.press('4');
await page.fill('#search', '');
await page.click('.span-row:has-text("Though the U.S. says")');
await page.waitForTimeout(200);
await page.screenshot({ path: out });
console.log(out);
await browser.close();
