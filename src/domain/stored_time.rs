//! Reading the dates and times a round stores, on a fast path. chrono's serde reads each one
//! through its general parser (a format of items, checked one by one); opening 1,000 people's
//! 12,000 rounds reads 48,000 of them, a twentieth of the opening (issue 31). The stored forms
//! are the ones chrono writes: `2026-01-15` and RFC 3339 (`2026-01-15T10:00:00Z`). Anything else
//! goes through chrono's general parser as before, so what was read before is read now.

use std::borrow::Cow;

use chrono::{DateTime, NaiveDate, Utc};
use serde::de::Error;
use serde::{Deserialize, Deserializer};

fn text<'de, D: Deserializer<'de>>(from: D) -> Result<Cow<'de, str>, D::Error> {
    Cow::<'de, str>::deserialize(from)
}

fn date_of(text: &str) -> Result<NaiveDate, chrono::ParseError> {
    let fast = (text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-')
        .then(|| {
            let number = |range: std::ops::Range<usize>| {
                let part = text.get(range)?;
                part.bytes()
                    .all(|b| b.is_ascii_digit())
                    .then(|| part.parse::<u32>().ok())?
            };
            let year = i32::try_from(number(0..4)?).ok()?;
            NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
        })
        .flatten();
    fast.map_or_else(|| text.parse(), Ok)
}

fn time_of(text: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
    DateTime::parse_from_rfc3339(text)
        .map(|time| time.with_timezone(&Utc))
        .or_else(|_| text.parse())
}

pub fn date<'de, D: Deserializer<'de>>(from: D) -> Result<NaiveDate, D::Error> {
    date_of(&text(from)?).map_err(D::Error::custom)
}

pub fn time<'de, D: Deserializer<'de>>(from: D) -> Result<DateTime<Utc>, D::Error> {
    time_of(&text(from)?).map_err(D::Error::custom)
}

pub fn optional_time<'de, D: Deserializer<'de>>(
    from: D,
) -> Result<Option<DateTime<Utc>>, D::Error> {
    Option::<Cow<'de, str>>::deserialize(from)?
        .map(|text| time_of(&text).map_err(D::Error::custom))
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // The fast path must read exactly what chrono's own reader reads, and refuse what it refuses.
    proptest! {
        #[test]
        fn dates_read_as_chrono_reads_them(text in "[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9+ -]{0,12}") {
            prop_assert_eq!(date_of(&text).ok(), text.parse::<NaiveDate>().ok());
        }

        #[test]
        fn times_read_as_chrono_reads_them(
            day in 0i64..40_000,
            second in 0i64..86_400,
            millis in proptest::option::of(0u32..1000),
        ) {
            let at = DateTime::from_timestamp(day * 86_400 + second, millis.unwrap_or(0) * 1_000_000).unwrap();
            let written = serde_json::to_string(&at).unwrap();
            let read: DateTime<Utc> = serde_json::from_str(&written).unwrap();
            prop_assert_eq!(time_of(written.trim_matches('"')), Ok(read));
        }
    }

    #[test]
    fn other_forms_chrono_reads_are_still_read() {
        let with_offset = "2026-01-15T11:00:00+01:00";
        assert_eq!(time_of(with_offset), with_offset.parse::<DateTime<Utc>>());
        let with_space = "2026-01-15 10:00:00Z";
        assert_eq!(time_of(with_space), with_space.parse::<DateTime<Utc>>());
        assert!(time_of("yesterday").is_err());
        assert!(date_of("2026-02-30").is_err());
        assert_eq!(date_of("+2026-01-15"), "+2026-01-15".parse::<NaiveDate>());
    }

    #[test]
    fn a_round_reads_back_what_it_wrote() {
        #[derive(Deserialize)]
        struct Stored {
            #[serde(deserialize_with = "date")]
            date: NaiveDate,
            #[serde(deserialize_with = "time")]
            updated: DateTime<Utc>,
            #[serde(default, deserialize_with = "optional_time")]
            completed: Option<DateTime<Utc>>,
        }
        let stored: Stored =
            serde_json::from_str(r#"{"date":"2026-01-15","updated":"2026-01-15T10:00:00Z"}"#)
                .unwrap();
        assert_eq!(stored.date, NaiveDate::from_ymd_opt(2026, 1, 15).unwrap());
        assert_eq!(stored.updated.to_rfc3339(), "2026-01-15T10:00:00+00:00");
        assert_eq!(stored.completed, None);
        let none: Stored = serde_json::from_str(
            r#"{"date":"2026-01-15","updated":"2026-01-15T10:00:00Z","completed":null}"#,
        )
        .unwrap();
        assert_eq!(none.completed, None);
    }
}
