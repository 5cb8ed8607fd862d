//! The translator's sheet (issue 33): one language's texts beside the Swedish they are
//! translated from and the English, with an English back-translation of each and its review
//! status, as CSV any spreadsheet opens, so an organisation can have a native speaker review
//! them; read back, the sheet becomes the locale files again (`examples/translator_sheet.rs`
//! does both with `locales/`).

use crate::storage::csv::push_row;

/// One text of the sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetRow {
    /// The whole key, `feature_key`.
    pub key: String,
    pub swedish: String,
    pub english: String,
    /// The text in the sheet's language.
    pub text: String,
    /// What the text says, translated back into English by someone other than its writer.
    pub back_translation: String,
    /// One of `STATUSES`.
    pub status: String,
}

/// How far a text has come: drafted by a machine, reviewed by a native speaker, or sent back.
pub const STATUSES: [&str; 3] = ["machine-draft", "reviewed", "needs-change"];

/// Why a sheet could not be read back.
#[derive(Debug, PartialEq, Eq)]
pub enum SheetError {
    /// The first row is not `key,sv,en,<language>,back_translation,status`.
    NotASheet,
    /// A row (counted from 1, the header being row 1) has the wrong number of fields, an
    /// unclosed quote or an unknown status.
    BadRow(usize),
}

const BOM: char = '\u{feff}';

/// The sheet of `language` as CSV (with a byte-order mark, so spreadsheets read UTF-8).
pub fn write(language: &str, rows: &[SheetRow]) -> String {
    let mut out = String::from(BOM);
    let header = ["key", "sv", "en", language, "back_translation", "status"];
    push_row(&mut out, header.map(str::to_owned).to_vec());
    for row in rows {
        push_row(
            &mut out,
            vec![
                row.key.clone(),
                row.swedish.clone(),
                row.english.clone(),
                row.text.clone(),
                row.back_translation.clone(),
                row.status.clone(),
            ],
        );
    }
    out
}

/// A sheet read back: its language and its rows.
pub fn read(csv: &str) -> Result<(String, Vec<SheetRow>), SheetError> {
    let records = records(csv.trim_start_matches(BOM)).map_err(SheetError::BadRow)?;
    let mut records = records.into_iter();
    let header = records.next().ok_or(SheetError::NotASheet)?;
    let language = match header.as_slice() {
        [key, sv, en, language, back, status]
            if [key, sv, en, back, status] == ["key", "sv", "en", "back_translation", "status"]
                && !language.is_empty() =>
        {
            language.clone()
        }
        _ => return Err(SheetError::NotASheet),
    };
    let rows = records
        .enumerate()
        .filter(|(_, fields)| fields.iter().any(|field| !field.is_empty()))
        .map(|(index, fields)| match <[String; 6]>::try_from(fields) {
            Ok([key, swedish, english, text, back_translation, status])
                if !key.is_empty() && STATUSES.contains(&status.as_str()) =>
            {
                Ok(SheetRow {
                    key,
                    swedish,
                    english,
                    text,
                    back_translation,
                    status,
                })
            }
            _ => Err(SheetError::BadRow(index + 2)),
        })
        .collect::<Result<_, _>>()?;
    Ok((language, rows))
}

/// RFC 4180 records: fields split at commas, quoted fields may hold commas, quotes (doubled)
/// and line breaks; rows end with CRLF or LF. An unclosed quote names its row.
fn records(csv: &str) -> Result<Vec<Vec<String>>, usize> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(rows.len() + 1);
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(key: &str, text: &str, status: &str) -> SheetRow {
        SheetRow {
            key: key.into(),
            swedish: "Hur mycket, \"ungefär\"?".into(),
            english: "How much, roughly?".into(),
            text: text.into(),
            back_translation: "How much,\nroughly?".into(),
            status: status.into(),
        }
    }

    #[test]
    fn a_sheet_reads_back_as_it_was_written() {
        let rows = vec![
            row(
                "questions_health_question",
                "كيف تتعامل مع صحتك؟",
                "machine-draft",
            ),
            row("common_date_pattern", "{day} {month}, {year}", "reviewed"),
            row("self_intro", "ሕቶታት \"ቀሊል\"\r\nእዩ", "needs-change"),
        ];
        let csv = write("ar", &rows);
        assert!(csv.starts_with(BOM));
        assert_eq!(read(&csv), Ok(("ar".to_owned(), rows)));
    }

    #[test]
    fn a_spreadsheet_saving_without_the_mark_or_with_lf_still_reads() {
        let rows = vec![row("home_title", "Stegvis", "reviewed")];
        let csv = write("so", &rows)
            .trim_start_matches(BOM)
            .replace("\r\n", "\n");
        assert_eq!(read(&csv), Ok(("so".to_owned(), rows)));
    }

    #[test]
    fn what_is_not_a_sheet_is_refused_with_its_row() {
        assert_eq!(read("a,b\n1,2\n"), Err(SheetError::NotASheet));
        assert_eq!(read(""), Err(SheetError::NotASheet));
        let header = "key,sv,en,ti,back_translation,status\n";
        assert_eq!(
            read(&format!("{header}k,a,b,c,d,approved\n")),
            Err(SheetError::BadRow(2))
        );
        assert_eq!(
            read(&format!("{header}k,a,b,c,d,reviewed\nk2,a,b\n")),
            Err(SheetError::BadRow(3))
        );
        assert_eq!(
            read(&format!("{header}k,\"open,b,c,d,reviewed\n")),
            Err(SheetError::BadRow(2))
        );
    }
}
