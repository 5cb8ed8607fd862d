//! The caseload's rows written as one HTML text, which the list takes in one go (issue 31).
//! Drawn through Leptos, each row cost some twenty calls from wasm into the browser (an element,
//! its class, its text, put in place): a thousand rows took about half a second at 4× CPU, as
//! long as reading them from storage. The browser's HTML parser draws the same rows from one
//! text in a fraction of that. Every text in it is escaped, the data's (names, ids, which may
//! come from a file) and the translations' alike.

use html_escape::{encode_double_quoted_attribute_to_string, encode_text_to_string};

use crate::components::archive_participant::left_for_text;
use crate::domain::worklist::{Flag, Reason, Row};
use crate::i18n::Texts;

/// The rows as `<li>` elements, each a link to the person (`href` gives her address): name,
/// latest round, whose person she is when a team shares the device (`shared`), and in words
/// why she is flagged.
pub fn rows_html(t: &Texts, rows: &[Row], shared: bool, href: impl Fn(&str) -> String) -> String {
    let mut html = String::with_capacity(rows.len() * 512);
    for row in rows {
        row_html(&mut html, t, row, shared, &href(&row.id));
    }
    html
}

fn row_html(out: &mut String, t: &Texts, row: &Row, shared: bool, href: &str) {
    out.push_str("<li><a class=\"card-link\" href=\"");
    encode_double_quoted_attribute_to_string(href, out);
    out.push_str("\">");
    span(out, "card-title", &row.name);
    let latest = row
        .latest_round
        .map_or(t.caseload_no_rounds().to_owned(), |date| {
            t.caseload_latest_round(t.date(date))
        });
    span(out, "card-text", &latest);
    if let Some(name) = row.counsellor.as_ref().filter(|_| shared) {
        span(out, "card-text", &t.worklist_row_counsellor(name));
    }
    if let Some(left) = &row.archived {
        let reason = left_for_text(t, left.reason);
        span(out, "badge left", &t.worklist_left(t.date(left.on), reason));
    }
    // A follow-up already flagged as due says so among the reasons.
    let next =
        (row.next_follow_up).filter(|_| !row.has(Flag::FollowUpDue) && row.archived.is_none());
    if let Some(date) = next {
        span(out, "badge", &t.caseload_next_due(t.date(date)));
    }
    out.push_str("<span class=\"reasons\">");
    for reason in &row.reasons {
        let class = format!("badge reason reason-{}", reason.flag().key());
        span(out, &class, &reason_text(t, reason));
    }
    out.push_str("</span></a></li>");
}

fn span(out: &mut String, class: &str, text: &str) {
    out.push_str("<span class=\"");
    encode_double_quoted_attribute_to_string(class, out);
    out.push_str("\">");
    encode_text_to_string(text, out);
    out.push_str("</span>");
}

fn reason_text(t: &Texts, reason: &Reason) -> String {
    match reason {
        Reason::FollowUpOverdue { due } => t.worklist_reason_overdue(t.date(*due)),
        Reason::FollowUpSoon { due } => t.worklist_reason_soon(t.date(*due)),
        Reason::Break => t.worklist_reason_break().to_owned(),
        Reason::NoJobFocused => t.worklist_reason_no_job().to_owned(),
        Reason::AwaitingCounsellor { round } => t.worklist_reason_awaiting(t.date(*round)),
        Reason::LowBelief => t.worklist_reason_low_belief().to_owned(),
        Reason::NewCounsellor { from } => t.worklist_reason_new_counsellor(t.date(*from)),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::caseload::Caseload;
    use crate::domain::language::Language;
    use crate::domain::worklist::rows;
    use crate::i18n::texts;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn caseload(name: &str, id: &str) -> Caseload {
        let mut data = Caseload::default();
        data.add_to_caseload(id.to_owned(), name, "AL", day("2026-01-05"))
            .unwrap();
        data
    }

    #[test]
    fn a_name_or_an_id_that_looks_like_markup_is_only_text() {
        let data = caseload(r#"<img src=x onerror="alert(1)">&amp;"#, "p1");
        let t = texts(Language::En);
        let html = rows_html(t, &rows(&data, day("2026-02-01")), false, |id| {
            format!("/counsellor/{id}\"><script>")
        });
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(
            html.contains("&lt;img src=x onerror=\"alert(1)\"&gt;&amp;amp;"),
            "{html}"
        );
        assert!(
            html.contains(r#"href="/counsellor/p1&quot;&gt;&lt;script&gt;""#),
            "{html}"
        );
    }

    #[test]
    fn each_row_links_to_its_person_and_says_what_the_list_said() {
        let data = caseload("Ada", "p1");
        let t = texts(Language::En);
        let all = rows(&data, day("2026-02-01"));
        let html = rows_html(t, &all, false, |id| format!("/counsellor/{id}"));
        assert!(html.starts_with(r#"<li><a class="card-link" href="/counsellor/p1">"#));
        assert!(html.contains(r#"<span class="card-title">Ada</span>"#));
        let no_rounds = format!(
            r#"<span class="card-text">{}</span>"#,
            t.caseload_no_rounds()
        );
        assert!(html.contains(&no_rounds), "{html}");
        // Whose person she is only when a team shares the device.
        let whose = t.worklist_row_counsellor("AL");
        assert!(!html.contains(&whose));
        let shared = rows_html(t, &all, true, |id| format!("/counsellor/{id}"));
        assert!(shared.contains(&whose), "{shared}");
        for reason in &all[0].reasons {
            assert!(html.contains(&format!("reason-{}", reason.flag().key())));
        }
        assert!(html.ends_with("</span></a></li>"));
    }
}
