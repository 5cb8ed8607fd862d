import { expect, test } from './fixtures';
import { seed } from './pages/caseload';
import { DataPage, fill, fixtureText } from './pages/data';

test('a restored backup is shown before it is added, and survives a reload', async ({ page }) => {
  const data = new DataPage(page);
  await data.open();
  await data.expectCounts(0, 0);
  await data.chooseFile('backup.json', fixtureText());
  for (const [key, count] of [['data_import_new_participants', 2], ['data_import_new_rounds', 4], ['data_import_new_plans', 2]]) {
    await expect(page.getByText(fill(data.t[key as string], { count }))).toBeVisible();
  }
  // Nothing is written before the user says so.
  await data.expectCounts(0, 0);
  await page.getByRole('button', { name: data.t.data_import_apply }).click();
  await data.expectCounts(2, 4);
  await page.reload();
  await data.waitForApp();
  await data.expectCounts(2, 4);
});

test('export, erase everything, import: exactly the same data comes back', async ({ page }) => {
  const data = new DataPage(page);
  await data.open();
  await data.importAndApply(fixtureText());
  const before = await data.exportBackup();
  expect(before.format).toBe('stegvis');
  expect(before.exported_at).toBeTruthy();
  await data.eraseAll();
  await data.expectCounts(0, 0);
  await data.importAndApply(JSON.stringify(before));
  await data.expectCounts(2, 4);
  const after = await data.exportBackup();
  expect(after.data).toEqual(before.data);
});

test('erasing asks first, and cancelling changes nothing', async ({ page }) => {
  const data = new DataPage(page);
  await data.open();
  await data.importAndApply(fixtureText());
  await page.getByRole('button', { name: data.t.data_erase_all }).click();
  await page.getByRole('dialog').getByRole('button', { name: data.t.data_erase_cancel }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await data.expectCounts(2, 4);
});

const broken: [string, string, string][] = [
  ['not JSON at all', '{"format": "stegvis", "schema', 'data_error_not_json'],
  ['JSON from another program', '{"name": "my-app", "version": "1.0.0"}', 'data_error_not_stegvis'],
  ['a backup from a newer app', '{"format": "stegvis", "schema_version": 99, "data": {}}', 'data_error_too_new'],
];
for (const [what, contents, message] of broken) {
  test(`importing ${what} says why and changes nothing`, async ({ page }) => {
    const data = new DataPage(page);
    await data.open();
    await data.importAndApply(fixtureText());
    await data.chooseFile('file.json', contents);
    await expect(page.getByText(data.t[message])).toBeVisible();
    await data.expectCounts(2, 4);
  });
}

test('a damaged backup (an answer of 7) is refused', async ({ page }) => {
  const data = new DataPage(page);
  await data.open();
  const damaged = JSON.parse(fixtureText());
  const round = damaged.data.rounds.find((r) => r.participant_part);
  const item = Object.keys(round.participant_part.answers)[0];
  round.participant_part.answers[item].value = 7;
  await data.chooseFile('damaged.json', JSON.stringify(damaged));
  await expect(page.getByText(data.t.data_error_invalid)).toBeVisible();
  await data.expectCounts(0, 0);
});

test('a conflict is shown and the user decides it', async ({ page }) => {
  const data = new DataPage(page);
  await data.open();
  await data.importAndApply(fixtureText());
  const changed = JSON.parse(fixtureText());
  const original = changed.data.participants[0].display_name;
  changed.data.participants[0].contact_note = 'Changed on another device';
  await data.chooseFile('changed.json', JSON.stringify(changed));
  const conflict = page.getByRole('group', { name: fill(data.t.data_import_conflict_participant, { label: original }) });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('radio', { name: data.t.data_keep_current })).toBeChecked();
  await conflict.getByRole('radio', { name: data.t.data_take_incoming }).check();
  await page.getByRole('button', { name: data.t.data_import_apply }).click();
  await data.expectCounts(2, 4);
  const saved = await data.exportBackup();
  expect(saved.data.participants[0].contact_note).toBe('Changed on another device');
});

// Guards issue 32.5: restored onto a fresh device, a backup's renamed activity met the shipped
// entry and the review preselected "keep what is on this device", so the counsellor's own name
// was dropped unless she noticed. Where this device has only what the app ships, the file's
// version starts chosen; where the device's own name differs, keeping it still does.
test("a renamed activity in a backup starts chosen over the device's shipped one", async ({ page }) => {
  const data = new DataPage(page);
  await data.open();
  await data.chooseFile('backup.json', fixtureText());
  const shipped = page.getByRole('group', { name: fill(data.t.data_import_conflict_activity, { label: data.t.interventions_work_trial }) });
  await expect(shipped.getByRole('radio', { name: data.t.data_take_incoming })).toBeChecked();
  await page.getByRole('button', { name: data.t.data_import_apply }).click();
  await data.expectCounts(2, 4);
  const saved = await data.exportBackup();
  const entry = saved.data.settings.catalogue.find((e: { id: string }) => e.id === 'work_trial');
  expect(entry.name).toEqual({ custom: 'Arbetsträning' });

  // The device's own name now differs from another file's: keeping this device's starts chosen.
  const other = JSON.parse(fixtureText());
  other.data.settings.catalogue.find((e: { id: string }) => e.id === 'work_trial').name = { custom: 'Praktik' };
  await data.chooseFile('other.json', JSON.stringify(other));
  const own = page.getByRole('group', { name: fill(data.t.data_import_conflict_activity, { label: 'Arbetsträning' }) });
  await expect(own.getByRole('radio', { name: data.t.data_keep_current })).toBeChecked();
});

// Guards the review when another tab changes the data meanwhile: the differences are shown
// again, and one that is still exactly what the user saw keeps the choice she made (it did not
// fall back to where choices start).
test('a choice made in the review survives another tab changing the data meanwhile', async ({ page, context }) => {
  const file = JSON.parse(fixtureText());
  const device = JSON.parse(fixtureText());
  // This device has the file's people, with the shipped catalogue: two activities differ.
  for (const entry of device.data.settings.catalogue) {
    if (entry.id === 'work_trial') entry.name = 'seed';
    entry.retired = false;
  }
  await seed(page, JSON.stringify(device));
  const data = new DataPage(page);
  await data.open();
  await data.chooseFile('backup.json', JSON.stringify(file));
  const retired = page.getByRole('group', { name: fill(data.t.data_import_conflict_activity, { label: data.t.interventions_debt_advice }) });
  await expect(retired.getByRole('radio', { name: data.t.data_take_incoming })).toBeChecked();
  await retired.getByRole('radio', { name: data.t.data_keep_current }).check();

  // Another tab changes a person's note: a new difference with the file.
  const other = await context.newPage();
  const person = file.data.participants[0];
  await new DataPage(other).goto(`counsellor/${person.id}`);
  const edit = other.locator('section.participant-edit');
  await edit.getByRole('button', { name: data.t.participant_edit_edit }).click();
  await edit.getByLabel(data.t.participant_edit_note_label).fill('Changed in the other tab');
  await edit.getByRole('button', { name: data.t.participant_edit_save }).click();
  await expect(edit.getByRole('status')).toHaveText(data.t.participant_edit_saved);
  // The change reaches this tab a moment later (the store's broadcast): a person would not press
  // Apply within milliseconds, and on a busy machine a robot did, before it came.
  await page.waitForTimeout(1000);

  await page.getByRole('button', { name: data.t.data_import_apply }).click();
  const note = page.getByRole('group', { name: fill(data.t.data_import_conflict_participant, { label: person.display_name }) });
  await expect(note).toBeVisible();
  await expect(note.getByRole('radio', { name: data.t.data_keep_current })).toBeChecked();
  await expect(retired.getByRole('radio', { name: data.t.data_keep_current })).toBeChecked();
  await page.getByRole('button', { name: data.t.data_import_apply }).click();
  await expect(page.getByText(data.t.data_import_done)).toBeVisible();
  const saved = await data.exportBackup();
  expect(saved.data.settings.catalogue.find((e: { id: string }) => e.id === 'debt_advice').retired).toBe(false);
  expect(saved.data.settings.catalogue.find((e: { id: string }) => e.id === 'work_trial').name).toEqual({ custom: 'Arbetsträning' });
  expect(saved.data.participants[0].contact_note).toBe('Changed in the other tab');
});
