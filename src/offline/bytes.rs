//! Sizes of stored data as people read them.

/// A number of bytes in SI units, as phones show storage: "830 B", "14 kB", "1.2 MB", "64 GB".
/// One decimal below ten, none above; number and unit never break apart.
pub fn readable_size(bytes: f64, decimal_mark: &str) -> String {
    const UNITS: [&str; 5] = ["B", "kB", "MB", "GB", "TB"];
    let mut value = bytes.max(0.0);
    let mut unit = 0;
    while value >= 999.5 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    let number = if unit > 0 && value < 9.95 {
        format!("{value:.1}").replace('.', decimal_mark)
    } else {
        format!("{value:.0}")
    };
    format!("{number}\u{a0}{}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::readable_size;

    #[test]
    fn sizes_read_like_a_phone_shows_them() {
        let nbsp = |s: &str| s.replace(' ', "\u{a0}");
        assert_eq!(readable_size(0.0, "."), nbsp("0 B"));
        assert_eq!(readable_size(830.0, "."), nbsp("830 B"));
        assert_eq!(readable_size(999.6, "."), nbsp("1.0 kB"));
        assert_eq!(readable_size(14_321.0, "."), nbsp("14 kB"));
        assert_eq!(readable_size(1_234_567.0, ","), nbsp("1,2 MB"));
        assert_eq!(readable_size(9_960_000.0, ","), nbsp("10 MB"));
        assert_eq!(readable_size(64.2e9, "."), nbsp("64 GB"));
        assert_eq!(readable_size(3.0e15, "."), nbsp("3000 TB"));
    }

    #[test]
    fn a_negative_figure_is_nothing() {
        assert_eq!(readable_size(-5.0, "."), "0\u{a0}B");
    }
}
