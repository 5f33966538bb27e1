// The story editor at /edit/story, in a real browser against the real story API: a draft that
// readers do not see, a publish with a note that they do (story page, step embed, corrections),
// two editors and a 409, an invalid story refused next to its fields with nothing written, and the
// "done when" flow (a new step about Masimov's arrest, with a camera, a highlight picked on the map,
// both languages and a source of the registry, previewed and published). Then axe.
import { expect, test, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { password, resetPublishedStory } from '../api/helpers';

interface StoryWindow {
	qantarStoryEditor?: { map: import('maplibre-gl').Map };
}
const AKIMAT_EN = 'Almaty’s akimat stormed and set on fire';

/** Signs in as `name` and opens the story editor, waiting for the story and the live map. */
async function openEditor(page: Page, name = 'tester') {
	await page.goto('/edit/login', { waitUntil: 'networkidle' });
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('Password').fill(password(name));
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL('**/edit');
	await page.getByRole('link', { name: 'Story editor' }).click();
	await page.waitForURL('**/edit/story');
	await expect(page.getByTestId('step-list').locator('li').first()).toBeVisible({ timeout: 30_000 });
	await page.waitForFunction(() => (window as unknown as StoryWindow).qantarStoryEditor?.map?.loaded(), null, { timeout: 30_000 });
}
async function chooseStep(page: Page, title: string | RegExp) {
	await page.getByTestId('step-list').getByRole('button', { name: title }).click();
}
/** The draft as the API gives it to the signed-in page. */
async function draft(page: Page) {
	const r = await page.request.get('/api/story');
	expect(r.status()).toBe(200);
	return (await r.json()) as {
		etag: string;
		document: {
			steps: { steps: { id: string; highlight?: string[]; sources: string[]; camera: Record<string, unknown> }[] };
			text: Record<'fr' | 'en', { steps: Record<string, { title: string }> }>;
		};
	};
}
async function readerPage(browser: Browser, path: string) {
	const ctx = await browser.newContext();
	const page = await ctx.newPage();
	await page.goto(path);
	return { page, close: () => ctx.close() };
}

// the specs after this one read the story as content/ has it
test.afterAll(() => resetPublishedStory());

test('an editor changes a French title and a highlight and saves a draft; readers still see the published step', async ({ page, browser }) => {
	await openEditor(page, 'drafter');
	await expect(page.getByTestId('role-note')).toHaveText('You can save drafts; a publisher makes them public.');
	await expect(page.getByTestId('publish')).toHaveCount(0);
	await chooseStep(page, AKIMAT_EN);
	const fr = page.getByTestId('text-fr');
	const oldTitle = await fr.getByLabel('Title (French)').inputValue();
	await fr.getByLabel('Title (French)').fill('L’akimat d’Almaty envahi puis incendié');
	await page.getByLabel('Find a feature to highlight').fill('residence');
	await page
		.getByTestId('highlight-results')
		.getByRole('button', { name: /Highlight .*almaty-presidential-residence/ })
		.click();
	await expect(page.getByRole('list', { name: 'Highlighted features' })).toContainText('Presidential residence');
	await page.getByTestId('save-draft').click();
	await expect(page.getByTestId('story-status')).toContainText('Draft saved');

	const saved = await draft(page);
	expect(saved.document.text.fr.steps.akimat!.title).toBe('L’akimat d’Almaty envahi puis incendié');
	expect(saved.document.steps.steps.find((s) => s.id === 'akimat')!.highlight).toContain('almaty-presidential-residence');

	const reader = await readerPage(browser, '/step/akimat');
	await expect(reader.page.locator('#akimat-title')).toHaveText(oldTitle);
	await reader.close();
});

test('a publisher publishes with a note: the story, the step embed and /corrections show it', async ({ page, browser }) => {
	await openEditor(page, 'tester');
	await page.getByTestId('publish').click();
	const dialog = page.getByTestId('publish-dialog');
	await expect(dialog.getByTestId('publish-changes')).toContainText('steps › akimat › title (fr)');
	// a reader-visible change without a note is refused by the server, and said so in the dialog
	await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
	await expect(dialog.getByTestId('publish-refused')).toBeVisible();
	const note = 'Titre précisé : l’akimat a d’abord été envahi.';
	await dialog.getByLabel('Note for readers: what was added or corrected, and why').fill(note);
	await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
	await expect(dialog).toBeHidden();
	await expect(page.getByTestId('story-status')).toContainText('Published: readers see this version now');

	for (const path of ['/step/akimat', '/embed/step/akimat']) {
		const reader = await readerPage(browser, path);
		await expect(reader.page.getByRole('heading', { name: 'L’akimat d’Almaty envahi puis incendié' })).toBeVisible();
		await expect(reader.page.getByText(note).first()).toBeVisible();
		await reader.close();
	}
	const log = await readerPage(browser, '/corrections');
	await expect(log.page.getByText(note).first()).toBeVisible();
	await log.close();
});

test('two editors on the same step: the second save gets 409 with what changed, and loses nothing', async ({ browser }) => {
	const a = await (await browser.newContext()).newPage();
	const b = await (await browser.newContext()).newPage();
	await openEditor(a, 'tester');
	await openEditor(b, 'reviewer');
	const airport = /Almaty airport seized/;
	await chooseStep(a, airport);
	await chooseStep(b, airport);
	await a.getByTestId('text-fr').getByLabel('Title (French)').fill('L’aéroport d’Almaty pris et repris');
	await a.getByTestId('save-draft').click();
	await expect(a.getByTestId('story-status')).toContainText('Draft saved');

	const mine = 'From 5 to 7 January 2022 (kicker of the second editor)';
	await b.getByTestId('text-en').getByLabel('Kicker (the date line) (English)').fill(mine);
	await b.getByTestId('save-draft').click();
	const conflict = b.getByTestId('story-conflict');
	await expect(conflict).toContainText('another editor saved the draft');
	await expect(conflict).toContainText('steps › airport › title (fr)');
	await conflict.getByRole('button', { name: /Reload their version/ }).click();
	await expect(b.getByTestId('text-fr').getByLabel('Title (French)')).toHaveValue('L’aéroport d’Almaty pris et repris');
	await expect(b.getByTestId('text-en').getByLabel('Kicker (the date line) (English)')).not.toHaveValue(mine);
	await b.getByTestId('story-kept').getByRole('button', { name: 'Put my version back' }).click();
	await expect(b.getByTestId('text-en').getByLabel('Kicker (the date line) (English)')).toHaveValue(mine);
	await a.context().close();
	await b.context().close();
});

test('an invalid story is refused: errors next to the fields, no save, and nothing written by the API', async ({ page }) => {
	await openEditor(page, 'tester');
	const before = await draft(page);
	await chooseStep(page, AKIMAT_EN);
	const title = page.getByTestId('text-en').getByLabel('Title (English)');
	const kept = await title.inputValue();
	await title.fill('');
	const describedBy = await title.getAttribute('aria-describedby');
	expect(describedBy).toBeTruthy();
	await expect(page.locator(`[id="${describedBy}"]`)).toHaveText('is required');
	await expect(title).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByTestId('save-draft')).toHaveText('1 problem to fix before saving');
	await page.getByTestId('save-draft').click();
	await expect(page.getByTestId('story-status')).toContainText('Not saved');
	await title.fill(kept);
	await expect(page.getByTestId('save-draft')).toHaveText('Draft saved');

	// a step naming an unknown feature (here a draft that names one, e.g. a feature deleted from its layer since) is refused too
	const doc = structuredClone(before.document);
	doc.steps.steps.find((s) => s.id === 'akimat')!.highlight = ['almaty-akimat', 'no-such-building'];
	await page.route('**/api/story', async (route) => {
		if (route.request().method() !== 'GET') return route.continue();
		const r = await route.fetch();
		return route.fulfill({ response: r, json: { ...(await r.json()), document: doc } });
	});
	const puts: string[] = [];
	page.on('request', (r) => r.method() === 'PUT' && puts.push(r.url()));
	await page.reload();
	await expect(page.getByTestId('step-list').locator('li').first()).toBeVisible({ timeout: 30_000 });
	await chooseStep(page, AKIMAT_EN);
	await expect(page.getByTestId('highlights')).toContainText('no-such-building: no layer has this feature');
	await expect(page.getByTestId('highlights').getByTestId('field-problems')).toContainText('no-such-building');
	await page.getByTestId('text-fr').getByLabel('Kicker (the date line) (French)').fill('5 janvier 2022 (modifié)');
	await page.getByTestId('save-draft').click();
	await expect(page.getByTestId('story-status')).toContainText('names a feature that no layer has');
	expect(puts).toEqual([]);
	await page.unroute('**/api/story');

	// the server refuses the same with 422 and field paths, and writes nothing
	const bad = structuredClone(before.document);
	bad.text.en.steps.akimat!.title = '';
	const r = await page.request.put('/api/story', {
		headers: { 'content-type': 'application/json', 'if-match': before.etag, origin: new URL(page.url()).origin },
		data: { ...doc, text: bad.text }
	});
	expect(r.status()).toBe(422);
	const paths = ((await r.json()).problems as { path: (string | number)[] }[]).map((p) => p.path.join('.'));
	expect(paths).toContain('text.en.steps.akimat.title');
	expect(paths.some((p) => /^steps\.steps\.\d+\.highlight/.test(p))).toBe(true);
	expect((await draft(page)).etag).toBe(before.etag);
});

test('done when: a new step about Masimov’s arrest, with camera, highlight, both languages and a source, previewed and published', async ({
	page,
	browser
}) => {
	const nurSultan = (
		JSON.parse(readFileSync('static/geo/protest-cities.geojson', 'utf8')).features as {
			properties: { id: string };
			geometry: { coordinates: [number, number] };
		}[]
	).find((f) => f.properties.id === 'nur-sultan')!.geometry.coordinates;
	await openEditor(page, 'tester');
	await chooseStep(page, 'Where is Nazarbayev?');
	await page.getByTestId('add-step').click();
	await expect(page.getByTestId('step-announcement')).toHaveText(/New step added at position 11 of 14/);
	const data = page.getByTestId('step-data');
	await data.getByLabel('Step id (in its address)').fill('masimov-arrest');
	await data.getByLabel('Date', { exact: true }).fill('2022-01-06');
	await data.getByLabel('End date (optional)').fill('2022-01-08');
	await data.getByLabel('Rests on').selectOption('reported');

	const fr = page.getByTestId('text-fr');
	await fr.getByLabel('Kicker (the date line) (French)').fill('Du 6 au 8 janvier 2022');
	await fr.getByLabel('Title (French)').fill('Karim Massimov, ancien chef du KNB, arrêté');
	await fr
		.getByLabel('Paragraph 1 (French)', { exact: true })
		.fill(
			'Le 8 janvier, le Comité de sécurité nationale (KNB) annonce que son ancien chef, Karim Massimov, est détenu depuis le 6 janvier, soupçonné de haute trahison, selon l’AFP et l’agence AP.'
		);
	await fr.getByLabel('Map description for screen readers (alt text) (French)').fill('Carte du Kazakhstan : la capitale, Nour-Soultan, est mise en évidence.');
	const en = page.getByTestId('text-en');
	await en.getByLabel('Kicker (the date line) (English)').fill('6 to 8 January 2022');
	await en.getByLabel('Title (English)').fill('Karim Masimov, former KNB chief, detained');
	await en
		.getByLabel('Paragraph 1 (English)', { exact: true })
		.fill(
			'On 8 January, the National Security Committee (KNB) announced that its former head, Karim Masimov, had been held since 6 January on suspicion of high treason, according to AFP and AP.'
		);
	await en.getByLabel('Map description for screen readers (alt text) (English)').fill('Map of Kazakhstan: the capital, Nur-Sultan, is highlighted.');

	// the highlight: a click on Nur-Sultan on the live map
	const at = await page.evaluate(
		(p) =>
			new Promise<{ x: number; y: number }>((resolve) => {
				const map = (window as unknown as StoryWindow).qantarStoryEditor!.map;
				map.once('idle', () => {
					const s = map.project(p);
					const r = map.getContainer().getBoundingClientRect();
					resolve({ x: r.left + s.x, y: r.top + s.y });
				});
				map.jumpTo({ center: p, zoom: 5 });
			}),
		nurSultan
	);
	await page.mouse.click(at.x, at.y);
	await expect(page.getByRole('list', { name: 'Highlighted features' })).toContainText('Nur-Sultan');
	// the camera: this view
	await page.getByTestId('use-view').click();
	await expect(page.getByTestId('camera-summary')).toContainText(`Centre ${nurSultan[0].toFixed(4)}, ${nurSultan[1].toFixed(4)}, zoom 5.00`);
	// the sources: the registry's AFP and AP reports, found by search
	await page.getByLabel(/Find a source in the registry/).fill('masimov');
	await page
		.getByTestId('source-results')
		.getByRole('button', { name: /Cite AFP/ })
		.click();
	await page
		.getByTestId('source-results')
		.getByRole('button', { name: /Cite AP/ })
		.click();
	await expect(page.getByTestId('save-draft')).toHaveText('Save draft');

	// the preview, in English at desktop width, then French on a phone
	await page.getByText('Preview the step as readers will see it').click();
	const preview = page.getByTestId('preview');
	await preview.getByLabel('English').check();
	await preview.getByLabel('Desktop (1280 px)').check();
	await expect(preview.getByTestId('preview-frame')).toHaveAttribute('data-preview-width', '1280');
	await expect(preview.getByRole('heading', { name: 'Karim Masimov, former KNB chief, detained' })).toBeVisible();
	await expect(preview.locator('[data-map-step="masimov-arrest"]')).toBeAttached({ timeout: 30_000 });
	await preview.getByLabel('Français').check();
	await preview.getByLabel('Phone (375 px)').check();
	await expect(preview.getByRole('heading', { name: 'Karim Massimov, ancien chef du KNB, arrêté' })).toBeVisible();
	await expect(preview.getByTestId('step-sources')).toContainText('AP');

	await page.getByTestId('save-draft').click();
	await expect(page.getByTestId('story-status')).toContainText('Draft saved');
	const saved = (await draft(page)).document.steps.steps;
	const step = saved.find((s) => s.id === 'masimov-arrest')!;
	expect(saved.map((s) => s.id).indexOf('masimov-arrest')).toBe(saved.map((s) => s.id).indexOf('nazarbayev') + 1);
	expect(step.highlight).toEqual(['nur-sultan']);
	expect(step.sources).toEqual(['afp-2022-01-08-masimov-detained-new-arab', 'ap-2022-01-09-masimov-arrested-arkansas']);
	expect(step.camera).toEqual({ center: nurSultan.map((x) => Math.round(x * 1e4) / 1e4), zoom: 5 });

	await page.getByTestId('publish').click();
	const dialog = page.getByTestId('publish-dialog');
	await expect(dialog.getByTestId('publish-changes')).toContainText('masimov-arrest');
	const note = 'New step: the arrest of Karim Masimov, former head of the KNB.';
	await dialog.getByLabel('Note for readers: what was added or corrected, and why').fill(note);
	await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
	await expect(dialog).toBeHidden();

	const reader = await readerPage(browser, '/en/step/masimov-arrest');
	await expect(reader.page.getByRole('heading', { name: 'Karim Masimov, former KNB chief, detained' })).toBeVisible();
	await reader.page.goto('/en/corrections');
	await expect(reader.page.getByText(note).first()).toBeVisible();
	await reader.close();
});

test('steps: moved with Alt+arrows (announced) and by dragging, deleted after an in-page confirmation', async ({ page }) => {
	await openEditor(page, 'tester');
	const list = page.getByTestId('step-list');
	const ids = () => list.locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-step-id')));
	const before = await ids();
	await list.getByRole('button', { name: /LPG prices double/ }).focus();
	await page.keyboard.press('Alt+ArrowDown');
	await expect(page.getByTestId('step-announcement')).toHaveText(
		`Step “LPG prices double and Zhanaozen takes to the streets” moved to position 3 of ${before.length}`
	);
	expect(await ids()).toEqual([before[0], before[2], before[1], ...before.slice(3)]);
	// the moved step keeps the focus: a second press moves it on
	await page.keyboard.press('Alt+ArrowDown');
	expect((await ids())[3]).toBe('fuel-price');
	await page.keyboard.press('Alt+ArrowUp');
	await page.keyboard.press('Alt+ArrowUp');
	expect(await ids()).toEqual(before);

	// drag the third step onto the first
	await list.locator('li').nth(2).dragTo(list.locator('li').first());
	await expect.poll(ids).toEqual([before[2], before[0], before[1], ...before.slice(3)]);
	await expect(page.getByTestId('save-draft')).toHaveText('Save draft');

	// delete: asked in the page; "Keep it" keeps it
	await list.getByRole('button', { name: 'Delete step 1', exact: true }).click();
	const dialog = page.getByRole('dialog', { name: 'Delete this step?' });
	await expect(dialog).toContainText('and its French and English text leave the draft');
	await dialog.getByRole('button', { name: 'Keep it' }).click();
	expect((await ids()).length).toBe(before.length);
	await list.getByRole('button', { name: 'Delete step 1', exact: true }).click();
	await dialog.getByRole('button', { name: 'Delete the step' }).click();
	await expect.poll(ids).toEqual([before[0], before[1], ...before.slice(3)]);
	await expect(page.getByTestId('step-announcement')).toContainText('deleted');
	// nothing saved: the draft on the server still has every step
	expect((await draft(page)).document.steps.steps.map((s) => s.id)).toEqual(before);
});

test('the story editor passes axe, at desktop and phone widths', async ({ page }) => {
	await openEditor(page, 'tester');
	for (const width of [1280, 375]) {
		await page.setViewportSize({ width, height: 800 });
		const results = await new AxeBuilder({ page }).analyze();
		const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(bad.map((v) => `${width}px ${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
	}
});
