// Keyboard comfort (issue #13): `?` opens a modal list of every shortcut (the same table the key handler reads:
// the keys it lists work), focus is trapped in it, Escape closes it and the focus goes back; after Accept or
// Reject (buttons or keys) the focus stays on the page, never on <body>.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText, openApp, paste, useBrowser } from './harness.mjs';

const ARTICLE = corpusText('002_601354975c3094f5.txt');
const env = useBrowser();

/** The overlay's rows: the group heading, the keys shown and what they do. */
const rows = (page) => page.$$eval('[role=dialog] .key-row', (els) => els.map((r) => ({
  group: r.closest('section').querySelector('h3').textContent,
  keys: [...r.querySelectorAll('kbd')].map((k) => k.textContent),
  what: r.querySelector('dd').textContent,
})));

/** A key as the overlay shows it ("Ctrl+Z", "Shift+→", "N", "Esc") as Playwright presses it. */
function playwrightKey(shown) {
  const names = { '→': 'ArrowRight', '←': 'ArrowLeft', '↑': 'ArrowUp', '↓': 'ArrowDown', Esc: 'Escape' };
  return shown.split('+').map((p) => (p === 'Ctrl' ? 'Control' : names[p] || (p.length === 1 ? p.toLowerCase() : p))).join('+');
}

/** The key shown for the row whose description matches `what`. */
async function keyFor(page, what) {
  const row = (await rows(page)).find((r) => what.test(r.what));
  assert.ok(row, `a row for ${what}`);
  return playwrightKey(row.keys[0]);
}

const activeInDialog = (page) => page.evaluate(() => !!document.activeElement?.closest('[role=dialog]'));
const activeId = (page) => page.evaluate(() => document.activeElement?.id);

test('? lists every shortcut in a modal dialog; the keys it lists work; Escape closes it and focus returns', async () => {
  const { page, errors, ctx } = await openApp(env.browser, env.server.url);
  await paste(page, ARTICLE);
  await page.focus('#text-view');
  await page.keyboard.press('?');
  const dialog = page.locator('[role=dialog][aria-modal=true]');
  await dialog.waitFor();
  assert.equal(await dialog.getAttribute('aria-labelledby'), 'shortcuts-h');
  assert.equal(await page.textContent('#shortcuts-h'), 'Keyboard shortcuts');
  assert.ok(await activeInDialog(page), 'the focus moves into the dialog');
  // The page behind is inert: nothing there can be clicked or focused.
  assert.ok(await page.evaluate(() => document.querySelector('.app').inert));
  const listed = await rows(page);
  const shown = listed.flatMap((r) => r.keys);
  for (const k of ['Ctrl+Z', 'Ctrl+Shift+Z', '?', 'N', 'P', 'A', 'R', 'W', 'E', 'Shift+E', 'L', 'D', '1–9', 'Shift+1–9', 'Delete', 'Esc', 'Shift+→']) {
    assert.ok(shown.includes(k), `${k} is listed: ${shown.join(' ')}`);
  }
  assert.ok(listed.some((r) => r.group === 'Agreement view'), 'the agreement view keys are listed too');
  // Tab and Shift+Tab stay inside the dialog.
  for (const k of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(k);
    assert.ok(await activeInDialog(page), `${k} keeps the focus in the dialog`);
  }
  // A key pressed while it is open does not reach the page.
  await page.keyboard.press('n');
  assert.equal(await page.$$eval('.inspect .insp-head', (e) => e.length), 0, 'N did not select behind the dialog');
  const keys = {
    next: await keyFor(page, /^Next unreviewed suggestion/),
    accept: await keyFor(page, /^Accept the selected span/),
    reject: await keyFor(page, /^Reject the selected span/),
    undo: await keyFor(page, /^Undo/),
    clear: await keyFor(page, /^Clear the selection/),
    help: await keyFor(page, /keyboard shortcuts/),
    extend: await keyFor(page, /^Extend the selection one word right/),
  };
  assert.deepEqual(keys, { next: 'n', accept: 'a', reject: 'r', undo: 'Control+z', clear: 'Escape', help: '?', extend: 'Control+Shift+ArrowRight' });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.id === 'text-view');
  assert.equal(await page.evaluate(() => document.querySelector('.app').inert), false);

  // The keys as listed, pressed: they do what the list says.
  await page.keyboard.press(keys.next);
  await page.waitForSelector('.inspect .insp-head');
  await page.keyboard.press(keys.accept);
  await page.waitForSelector('.span-row.accepted');
  await page.keyboard.press(keys.reject);
  await page.waitForSelector('.span-row.rejected');
  await page.keyboard.press(keys.undo);
  await page.waitForFunction(() => !document.querySelector('.span-row.rejected'));
  assert.equal(await page.$$eval('.span-row.accepted', (e) => e.length), 1);
  await page.keyboard.press(keys.clear);
  await page.waitForFunction(() => !document.querySelector('.inspect .insp-head'));
  await page.focus('#text-view');
  await page.keyboard.press(keys.extend);
  await page.keyboard.press(keys.extend);
  assert.equal(await page.evaluate(() => getSelection().toString()), 'What is');

  // The toolbar button opens it too; Close shuts it and the focus goes back to the button.
  await page.click('#shortcuts-open');
  await dialog.waitFor();
  await page.click('[role=dialog] button:has-text("Close")');
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.id === 'shortcuts-open');
  // And `?` again, from wherever the focus is.
  await page.keyboard.press(keys.help);
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await activeId(page), 'shortcuts-open');
  assert.deepEqual(errors, []);
  await ctx.close();
});

/** Waits until the focus is on an element of the page that can hold it: not the body, nor a control that was
 * disabled or removed under it (the app moves the focus once the page has drawn). */
const notOnBody = (page) => page.waitForFunction(() => {
  const a = document.activeElement;
  return a && a !== document.body && a.isConnected && !a.matches(':disabled');
});
const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return { cls: String(a?.className), id: a?.id, title: a?.title, inReviewBar: !!a?.closest('.review-bar'), text: a?.textContent.slice(0, 60) };
});

test('after Accept and Reject, by button or key, the focus stays on the page: never on <body>', async () => {
  const { page, errors, ctx } = await openApp(env.browser, env.server.url);
  await paste(page, ARTICLE);
  await page.keyboard.press('n');
  await page.waitForSelector('.inspect .insp-head');
  const first = await page.textContent('.inspect .excerpt');
  // The inspector's Accept button: the span is accepted, the next suggestion selected, the focus kept.
  await page.click('.inspect button[title^="Accept span"]');
  await page.waitForSelector('.span-row.accepted');
  await notOnBody(page);
  await page.waitForFunction((t) => document.querySelector('.inspect .excerpt')?.textContent !== t, first);
  assert.match((await focused(page)).title, /^Accept span/, 'the focus stays on Accept, ready for the next one');
  // The inspector's Reject button.
  await page.click('.inspect button[title^="Reject span"]');
  await page.waitForSelector('.span-row.rejected');
  await notOnBody(page);
  // The A key with the focus nowhere: it goes to the next span (its row in the span list).
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('a');
  await page.waitForFunction(() => document.querySelectorAll('.span-row.accepted').length === 2);
  await notOnBody(page);
  const f = await focused(page);
  assert.match(f.cls, /span-row current/, `A puts the focus on the next span: ${JSON.stringify(f)}`);
  // R from the span list row: the focus moves on with the selection.
  await page.keyboard.press('r');
  await page.waitForFunction(() => document.querySelectorAll('.span-row.rejected').length === 2);
  await notOnBody(page);
  // Accept all: its button is disabled, the focus stays in the review bar.
  await page.click('button[aria-label="Accept all claim suggestions"]');
  await page.waitForSelector('button[aria-label="Accept all claim suggestions"]:disabled');
  await notOnBody(page);
  assert.ok((await focused(page)).inReviewBar, `after Accept all: ${JSON.stringify(await focused(page))}`);
  // Rejecting the last thing left: no next suggestion, the Reject button is disabled, the focus goes to the span.
  for (const l of ['boilerplate', 'number', 'source']) {
    const b = page.locator(`button[aria-label="Accept all ${l} suggestions"]`);
    if (await b.isEnabled()) await b.click();
  }
  await page.waitForFunction(() => !document.querySelector('.span-row.suggested'));
  await page.click('.span-row.accepted >> nth=0');
  await page.click('.inspect button[title^="Reject span"]');
  await page.waitForSelector('.inspect button[title^="Reject span"]:disabled');
  await notOnBody(page);
  assert.match((await focused(page)).cls, /span-row current/);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('keys faster than the page draws: each key sees what the one before did (N then A then R in one task)', async () => {
  const { page, errors, ctx } = await openApp(env.browser, env.server.url);
  await paste(page, ARTICLE);
  await page.focus('#text-view');
  // Three key presses in one script task: yew cannot draw between them, so the handler must not read the state of
  // the last drawing (A would find nothing selected, R the span A just accepted).
  await page.evaluate(() => {
    for (const key of ['n', 'a', 'r']) document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
  await page.waitForFunction(() => document.querySelectorAll('.span-row.accepted').length === 1
    && document.querySelectorAll('.span-row.rejected').length === 1);
  const rows = await page.$$eval('.span-row', (els) => els.map((r) => r.className));
  const accepted = rows.findIndex((c) => /accepted/.test(c));
  const rejected = rows.findIndex((c) => /rejected/.test(c));
  assert.ok(accepted >= 0 && rejected > accepted, `the first suggestion accepted, the next one rejected: ${accepted}, ${rejected}`);
  assert.deepEqual(errors, []);
  await ctx.close();
});
