//! A payload too big for one QR code, shown as a sequence of codes one after another for the
//! other device's camera: a person's sealed record, laptop to laptop (`colleague`).
//!
//! Each code, format version 1: `S`, `Q`, version, the sequence's id (the first four bytes of
//! SHA-256 of the whole payload), the code's place (from 0) and how many there are, then its
//! part of the payload's bytes. The reader keeps the parts of one sequence in any order, starts
//! over when a code of another sequence comes, and gives the payload once every part is there
//! and its hash is the id. What the parts carry is sealed as a whole (a record opens only if
//! every byte is as sealed), so the id only tells sequences apart and catches a wrong mix early.

use sha2::{Digest, Sha256};

use super::HandoverError;
use super::codec::{Reader, decode_text, header, to_base64url};

pub(crate) const SEQUENCE_KIND: u8 = b'Q';
const ID_LEN: usize = 4;
/// Payload bytes in each code: with its header, 388 characters of base64url, a version-15 code
/// at level M, which a webcam reads from a laptop's screen across a table.
pub const PART_LEN: usize = 282;
/// Beyond this many codes, showing them takes longer than saving a file and sending it.
pub const MOST_CODES: usize = 40;

/// The codes of `payload`, in order; `None` when it needs more than [`MOST_CODES`].
pub fn codes(payload: &[u8]) -> Option<Vec<String>> {
    let count = payload.len().div_ceil(PART_LEN).max(1);
    if count > MOST_CODES {
        return None;
    }
    let id = sequence_id(payload);
    let codes = (0..count)
        .map(|place| {
            let mut out = header(SEQUENCE_KIND);
            out.extend_from_slice(&id);
            out.push(place as u8);
            out.push(count as u8);
            let end = ((place + 1) * PART_LEN).min(payload.len());
            out.extend_from_slice(&payload[place * PART_LEN..end]);
            to_base64url(&out)
        })
        .collect();
    Some(codes)
}

fn sequence_id(payload: &[u8]) -> [u8; ID_LEN] {
    Sha256::digest(payload)[..ID_LEN]
        .try_into()
        .expect("SHA-256 is longer than the id")
}

/// Whether `text` is one code of a sequence (rather than a whole payload).
pub fn is_part(text: &str) -> bool {
    decode_text(text).is_ok_and(|bytes| bytes.get(..2) == Some(&[b'S', SEQUENCE_KIND][..]))
}

/// The parts of one sequence read so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sequence {
    id: [u8; ID_LEN],
    parts: Vec<Option<Vec<u8>>>,
}

/// Where reading a sequence stands after a code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Read {
    /// `read` of `count` codes are in.
    Reading { read: usize, count: usize },
    /// Every part is in: the whole payload.
    Whole(Vec<u8>),
}

impl Sequence {
    /// Takes one code. A code of another sequence starts over with it; a code read again
    /// changes nothing.
    pub fn add(&mut self, text: &str) -> Result<Read, HandoverError> {
        let bytes = decode_text(text)?;
        let mut reader = Reader::after_header(&bytes, SEQUENCE_KIND)?;
        let id: [u8; ID_LEN] = reader.array()?;
        let [place, count] = reader.array()?;
        let (place, count) = (usize::from(place), usize::from(count));
        let part = reader.rest();
        if count == 0 || place >= count || part.len() > PART_LEN {
            return Err(HandoverError::TrailingBytes);
        }
        if id != self.id || count != self.parts.len() {
            *self = Sequence {
                id,
                parts: vec![None; count],
            };
        }
        self.parts[place] = Some(part.to_vec());
        let read = self.parts.iter().flatten().count();
        if read < count {
            return Ok(Read::Reading { read, count });
        }
        let whole: Vec<u8> = self.parts.iter().flatten().flatten().copied().collect();
        if sequence_id(&whole) != self.id {
            *self = Sequence::default();
            return Err(HandoverError::Tampered);
        }
        Ok(Read::Whole(whole))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payload(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i * 7 % 251) as u8).collect()
    }

    #[test]
    fn a_payload_comes_back_whole_from_its_codes_in_any_order_and_with_repeats() {
        for len in [1, PART_LEN, PART_LEN + 1, 5 * PART_LEN - 3] {
            let whole = payload(len);
            let codes = codes(&whole).unwrap();
            assert_eq!(codes.len(), len.div_ceil(PART_LEN));
            let mut sequence = Sequence::default();
            let mut order: Vec<&String> = codes.iter().rev().collect();
            order.insert(1, &codes[0]);
            let mut last = None;
            for code in order {
                last = Some(sequence.add(code).unwrap());
            }
            assert_eq!(last, Some(Read::Whole(whole)), "{len} bytes");
        }
    }

    #[test]
    fn it_says_how_far_it_is_and_a_repeat_changes_nothing() {
        let codes = codes(&payload(3 * PART_LEN)).unwrap();
        let mut sequence = Sequence::default();
        let reading = |read| Ok(Read::Reading { read, count: 3 });
        assert_eq!(sequence.add(&codes[2]), reading(1));
        assert_eq!(sequence.add(&codes[2]), reading(1));
        assert_eq!(sequence.add(&codes[0]), reading(2));
    }

    #[test]
    fn a_code_of_another_sequence_starts_over() {
        let first = codes(&payload(2 * PART_LEN)).unwrap();
        let mut other = payload(2 * PART_LEN);
        other[0] ^= 1;
        let other = codes(&other).unwrap();
        let mut sequence = Sequence::default();
        sequence.add(&first[0]).unwrap();
        assert_eq!(
            sequence.add(&other[1]),
            Ok(Read::Reading { read: 1, count: 2 })
        );
        assert!(matches!(sequence.add(&other[0]), Ok(Read::Whole(_))));
    }

    #[test]
    fn a_changed_part_is_caught_when_the_sequence_is_whole() {
        let codes = codes(&payload(2 * PART_LEN)).unwrap();
        let mut bytes = crate::domain::handover::codec::from_base64url(&codes[1]).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        let mut sequence = Sequence::default();
        sequence.add(&codes[0]).unwrap();
        assert_eq!(
            sequence.add(&to_base64url(&bytes)),
            Err(HandoverError::Tampered)
        );
    }

    #[test]
    fn broken_codes_and_other_payloads_are_refused() {
        let codes = codes(&payload(10)).unwrap();
        let bytes = crate::domain::handover::codec::from_base64url(&codes[0]).unwrap();
        let mut sequence = Sequence::default();
        for cut in [0, 2, 5, 8] {
            assert!(sequence.add(&to_base64url(&bytes[..cut])).is_err());
        }
        let mut beyond = bytes.clone();
        beyond[7] = 1; // place 1 of 1
        assert!(sequence.add(&to_base64url(&beyond)).is_err());
        let mut newer = bytes.clone();
        newer[2] = 2;
        assert_eq!(
            sequence.add(&to_base64url(&newer)),
            Err(HandoverError::UnknownVersion(2))
        );
        let record = super::super::colleague::ReceiveCode::for_device({
            let mut key = [1; 65];
            key[0] = 0x04;
            key
        })
        .encode();
        assert_eq!(sequence.add(&record), Err(HandoverError::OtherStep));
        assert!(is_part(&codes[0]));
        assert!(!is_part(&record));
    }

    // A sequence made without the app's code (make-sequence-fixture.mjs) reads back into the
    // record it was made of: the format's fixture.
    #[test]
    fn format_version_1_fixture_reads_back_whole() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/handover");
        let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
        let record = decode_text(read("record-v2.txt").trim()).unwrap();
        let codes: Vec<String> = read("sequence-v1.txt").lines().map(str::to_owned).collect();
        assert_eq!(
            Some(codes.clone()),
            super::codes(&record),
            "the app makes the same codes"
        );
        let mut sequence = Sequence::default();
        let last = codes.iter().rev().map(|code| sequence.add(code)).last();
        assert_eq!(last, Some(Ok(Read::Whole(record))));
    }

    #[test]
    fn too_long_for_codes_is_said_so() {
        assert!(codes(&payload(MOST_CODES * PART_LEN)).is_some());
        assert!(codes(&payload(MOST_CODES * PART_LEN + 1)).is_none());
    }

    #[test]
    fn each_code_fits_a_version_15_code_at_level_m() {
        for code in codes(&payload(2 * PART_LEN)).unwrap() {
            let qr =
                qrcode::QrCode::with_error_correction_level(&code, qrcode::EcLevel::M).unwrap();
            assert!(
                matches!(qr.version(), qrcode::Version::Normal(v) if v <= 15),
                "{:?}",
                qr.version()
            );
        }
    }
}
