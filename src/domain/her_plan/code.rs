//! The short code that opens a plan on her phone: ten digits, shown on the counsellor's screen
//! beside the plan's QR code and never part of the link, so a link sent on by mistake opens
//! nothing. Digits, because every phone keyboard has them; typed in Arabic-Indic or Persian
//! digits they read the same.

pub const DIGITS: usize = 10;

/// A code from random bytes (the bias of taking a remainder of 2^64 is below 10^-9).
pub fn from_random(bytes: [u8; 8]) -> String {
    let number = u64::from_be_bytes(bytes) % 10u64.pow(DIGITS as u32);
    format!("{number:0width$}", width = DIGITS)
}

/// The code as shown: two groups of five, easier to read out and to type.
pub fn shown(code: &str) -> String {
    let (first, second) = code.split_at(code.len().min(DIGITS / 2));
    format!("{first} {second}")
}

/// The digits she typed, whatever digits her keyboard writes, with spaces and dashes ignored;
/// `None` unless there are exactly ten and nothing else.
pub fn typed(text: &str) -> Option<String> {
    let mut code = String::new();
    for c in text.chars() {
        if c.is_whitespace() || c == '-' {
            continue;
        }
        code.push(char::from(b'0' + digit(c)?));
    }
    (code.chars().count() == DIGITS).then_some(code)
}

/// The value of a digit in the scripts her phone may type in.
fn digit(c: char) -> Option<u8> {
    let zeros = ['0', '\u{0660}', '\u{06F0}', '\u{FF10}'];
    zeros.iter().find_map(|zero| {
        let offset = u32::from(c).checked_sub(u32::from(*zero))?;
        (offset < 10).then_some(offset as u8)
    })
}
