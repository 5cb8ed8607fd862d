//! Wrong tries at the unlock screen, kept in clear under `keys::LOCK_TRIES` so that reloading
//! the page does not wipe the wait that follows them. Format: `"<count> <ms since 1970>"`.

/// After this many wrong tries, each further try waits longer (5 s more each time, at most a
/// minute), on top of the cost of the key derivation itself.
pub const FREE_TRIES: u32 = 3;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct WrongTries {
    pub count: u32,
    /// When the last one was made (milliseconds since 1970).
    pub last_at: f64,
}

impl WrongTries {
    /// Unreadable text counts as no tries: it only ever lengthens a wait, never opens anything.
    pub fn parse(text: Option<&str>) -> WrongTries {
        let mut parts = text.unwrap_or_default().split(' ');
        match (
            parts.next().and_then(|c| c.parse().ok()),
            parts.next().and_then(|t| t.parse().ok()),
        ) {
            (Some(count), Some(last_at)) => WrongTries { count, last_at },
            _ => WrongTries::default(),
        }
    }

    pub fn to_text(self) -> String {
        format!("{} {}", self.count, self.last_at)
    }

    pub fn one_more(self, now: f64) -> WrongTries {
        WrongTries {
            count: self.count.saturating_add(1),
            last_at: now,
        }
    }

    /// The wait after the last try, in seconds.
    pub fn wait_seconds(self) -> u32 {
        (self.count.saturating_sub(FREE_TRIES - 1) * 5).min(60)
    }

    /// What is left of that wait at `now` (a clock set back waits the whole wait, no more).
    pub fn seconds_left(self, now: f64) -> u32 {
        let passed = ((now - self.last_at).max(0.0) / 1000.0).floor();
        let wait = f64::from(self.wait_seconds());
        (wait - passed.min(wait)) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_grows_after_the_free_tries_up_to_a_minute() {
        let waits: Vec<u32> = (0..20)
            .scan(WrongTries::default(), |tries, _| {
                *tries = tries.one_more(0.0);
                Some(tries.wait_seconds())
            })
            .collect();
        assert_eq!(&waits[..5], &[0, 0, 5, 10, 15]);
        assert_eq!(waits[19], 60);
    }

    // Guards against a reload wiping the wait: it is read back and counted from the last try.
    #[test]
    fn tries_read_back_and_the_wait_runs_down_from_the_last_one() {
        let tries = WrongTries {
            count: 4,
            last_at: 1_000_000.0,
        };
        let again = WrongTries::parse(Some(&tries.to_text()));
        assert_eq!(again, tries);
        assert_eq!(again.seconds_left(1_000_000.0), 10);
        assert_eq!(again.seconds_left(1_003_500.0), 7);
        assert_eq!(again.seconds_left(1_060_000.0), 0);
        assert_eq!(again.seconds_left(0.0), 10);
        assert_eq!(WrongTries::parse(Some("junk")), WrongTries::default());
        assert_eq!(WrongTries::parse(None).seconds_left(5.0), 0);
    }
}
