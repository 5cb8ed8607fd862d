import { type Page, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { TEXTS } from '../locales';
import { AppShell } from './app';
import { DataPage } from './data';
import { ITEMS } from './questionnaire';

/** A backup with one participant and the given answers per round (null = rather not answer). */
export function backup(rounds: (number | null)[][], counsellor?: (number | null)[]) {
  const answers = (values: (number | null)[]) =>
    Object.fromEntries(ITEMS.map((item, i) => [item, { value: values[i] }]));
  const date = (i: number) => new Date(Date.UTC(2024, i * 3, 15)).toISOString().slice(0, 10);
  return JSON.stringify({
    format: 'stegvis',
    schema_version: 1,
    data: {
      participants: [{ id: 'p1', display_name: 'Lane', created: '2024-01-01', counsellors: [] }],
      rounds: rounds.map((values, i) => ({
        id: `r${i}`,
        participant_id: 'p1',
        date: date(i),
        participant_part: { answers: answers(values), filled_by: 'participant', updated: '2024-01-01T00:00:00Z' },
        ...(counsellor && i === rounds.length - 1
          ? { counsellor_part: { counsellor: 'AL', ratings: answers(counsellor), updated: '2024-01-01T00:00:00Z' } }
          : {}),
      })),
    },
  });
}

export async function openParticipant(page: Page, contents: string) {
  const data = new DataPage(page);
  await data.open();
  await data.importAndApply(contents);
  const app = new AppShell(page);
  await app.goto('counsellor/p1');
  await expect(page.locator('#participant-chart canvas')).toBeVisible();
}


/** Taps "save the diagram as an image": the file's bytes, once checked to be a PNG so named. */
export async function savedPng(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: TEXTS.en.progress_save_png }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^stegvis-diagram-.*\.png$/);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  return bytes;
}
