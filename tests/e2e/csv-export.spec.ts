import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { LANGUAGES, TEXTS } from './locales';
import { AppShell } from './pages/app';
import { envelope, seed } from './pages/caseload';

// The rounds' CSV as a coordinator downloads it: the columns of earlier exports first and in
// their order, then who the person is (a stable short reference), who filled each part, the
// round's counsellor and the activities by name, in the exporting user's language.

const updated = '2026-01-01T00:00:00Z';
const OLD_COLUMNS =
  'participant,date,job_chances,managing_job,cooperation,health,everyday_life,competence,wage_level,job_search,' +
  'belief,determination,interventions_job_focused,interventions_upskilling,interventions_social,interventions_health,' +
  'counsellor_job_chances,counsellor_managing_job,counsellor_cooperation,counsellor_health,counsellor_everyday_life,' +
  'counsellor_competence,counsellor_wage_level,counsellor_job_search';
const NEW_COLUMNS = 'participant_ref,participant_part_by,counsellor_part_by,counsellor,interventions';

const answers = { job_chances: { value: 3 }, health: { value: 2 } };

/** Two people: Ola answered on her phone (handed over) and was rated by AL; Kari filled hers
 * with the counsellor and has no counsellor's part yet. */
function caseload(): string {
  return envelope({
    participants: [
      { id: '4e1f0c2a-9b7d-4c3e-8a21-5f6e7d8c9b0a', display_name: 'Ola N.', created: '2026-01-10', counsellors: [{ name: 'AL', from: '2026-01-10' }] },
      { id: 'c0ffee00-1111-4222-8333-444455556666', display_name: 'Kari', created: '2026-01-10', counsellors: [{ name: 'Jon Berg', from: '2026-01-10' }] },
    ],
    rounds: [
      {
        id: 'r1', participant_id: '4e1f0c2a-9b7d-4c3e-8a21-5f6e7d8c9b0a', date: '2026-01-15',
        participant_part: { answers, filled_by: 'participant', updated, completed: updated },
        counsellor_part: { counsellor: 'AL', interventions: { given: ['work_trial', 'debt_advice', 'physical_activity'] }, updated },
      },
      {
        id: 'r2', participant_id: 'c0ffee00-1111-4222-8333-444455556666', date: '2026-01-20',
        participant_part: { answers, filled_by: 'counsellor_with_participant', updated, completed: updated },
      },
    ],
    handover: {
      sent: [{ id: '0'.repeat(32), participant_id: '4e1f0c2a-9b7d-4c3e-8a21-5f6e7d8c9b0a', round_id: 'r1', created: updated, received: updated }],
    },
  });
}

for (const language of LANGUAGES) {
  test(`the CSV names each person, who filled each part, the counsellor and the activities in ${language}`, async ({ page }) => {
    const t = TEXTS[language];
    await seed(page, caseload());
    const app = new AppShell(page);
    await app.goto('data');
    await app.chooseLanguage('en', language);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: t.data_export_csv }).click(),
    ]);
    const lines = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(`${OLD_COLUMNS},${NEW_COLUMNS}`);
    const header = lines[0].split(',');
    const cell = (line: number, column: string) => parse(lines[line])[header.indexOf(column)];
    expect(cell(1, 'participant')).toBe('Ola N.');
    expect(cell(1, 'participant_ref')).toBe('4e1f0c2a');
    expect(cell(1, 'participant_part_by')).toBe('participant_own_device');
    expect(cell(1, 'counsellor_part_by')).toBe('counsellor');
    expect(cell(1, 'counsellor')).toBe('AL');
    expect(cell(1, 'interventions_job_focused')).toBe('1');
    expect(cell(1, 'interventions')).toBe(
      [t.interventions_work_trial, t.interventions_debt_advice, t.interventions_physical_activity].join('; '),
    );
    expect(cell(2, 'participant_ref')).toBe('c0ffee00');
    expect(cell(2, 'participant_part_by')).toBe('with_counsellor');
    expect(cell(2, 'counsellor_part_by')).toBe('');
    expect(cell(2, 'counsellor')).toBe('Jon Berg');
    expect(cell(2, 'interventions')).toBe('');
  });
}

/** One CSV line's fields (RFC 4180 quoting). */
function parse(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') fields.push(field), (field = '');
    else field += c;
  }
  fields.push(field);
  return fields;
}
