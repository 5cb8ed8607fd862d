//! Her plan's dates as an iCalendar file (RFC 5545) that her phone's calendar takes: one
//! all-day event per date, with only the words she sees on the screen. Written here rather than
//! with a calendar crate: a few lines of text, and her phone's download stays small.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

/// One all-day event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Unique within the plan and stable between downloads, so that adding it again updates it.
    pub uid: String,
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
    /// Where, when known.
    pub location: String,
    /// A reminder the day before, with the summary as its words.
    pub remind_day_before: bool,
}

/// The calendar file, with CRLF line ends and lines folded at 75 octets.
pub fn ics(events: &[Event], stamp: DateTime<Utc>) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Stegvis//My plan//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
    ];
    for event in events {
        lines.push("BEGIN:VEVENT".to_owned());
        lines.push(format!("UID:{}@stegvis", escape(&event.uid)));
        lines.push(format!(
            "DTSTAMP:{}T{:02}{:02}{:02}Z",
            basic(stamp.date_naive()),
            stamp.hour(),
            stamp.minute(),
            stamp.second()
        ));
        lines.push(format!("DTSTART;VALUE=DATE:{}", basic(event.date)));
        let next_day = event.date.succ_opt().unwrap_or(event.date);
        lines.push(format!("DTEND;VALUE=DATE:{}", basic(next_day)));
        lines.push(format!("SUMMARY:{}", escape(&event.summary)));
        if !event.description.is_empty() {
            lines.push(format!("DESCRIPTION:{}", escape(&event.description)));
        }
        if !event.location.is_empty() {
            lines.push(format!("LOCATION:{}", escape(&event.location)));
        }
        lines.push("TRANSP:TRANSPARENT".to_owned());
        if event.remind_day_before {
            lines.push("BEGIN:VALARM".to_owned());
            lines.push("ACTION:DISPLAY".to_owned());
            lines.push("TRIGGER:-P1D".to_owned());
            lines.push(format!("DESCRIPTION:{}", escape(&event.summary)));
            lines.push("END:VALARM".to_owned());
        }
        lines.push("END:VEVENT".to_owned());
    }
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|line| fold(line)).collect()
}

/// A date as iCalendar writes it, 20270111 (by hand: chrono's formatter would add 8 KB to
/// her phone's download).
fn basic(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// A text value: backslash, semicolon and comma escaped, line breaks as `\n`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets, never inside a character, each part ending in CRLF
/// and each continuation starting with a space.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}
