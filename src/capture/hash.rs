//! A stable 64-bit hash (FNV-1a) for what is stored and compared across
//! runs and versions: watermarks, source keys of messages without a
//! Message-ID, the fingerprint of the matching rules. Std's hasher is not
//! stable across Rust releases; these few bytes at a time need no crate.

/// FNV-1a over bytes, continuing from `state` (start with [`SEED`]).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Stable(u64);

/// The FNV-1a offset basis.
pub const SEED: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0100_0000_01b3;

impl Default for Stable {
    fn default() -> Stable {
        Stable(SEED)
    }
}

impl Stable {
    pub fn new() -> Stable {
        Stable::default()
    }

    pub fn bytes(&mut self, bytes: &[u8]) -> &mut Stable {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(PRIME);
        }
        self
    }

    /// A field: its bytes and a separator, so ("ab", "c") ≠ ("a", "bc").
    pub fn field(&mut self, text: &str) -> &mut Stable {
        self.bytes(text.as_bytes()).bytes(&[0xff])
    }

    pub fn number(&mut self, n: u64) -> &mut Stable {
        self.bytes(&n.to_le_bytes())
    }

    pub fn finish(&self) -> u64 {
        self.0
    }
}

/// The hash of `bytes`.
pub fn of(bytes: &[u8]) -> u64 {
    Stable::new().bytes(bytes).finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_fnv1a_values() {
        // The reference values of FNV-1a 64.
        assert_eq!(of(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(of(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(of(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn fields_are_separated() {
        let a = Stable::new().field("ab").field("c").finish();
        let b = Stable::new().field("a").field("bc").finish();
        assert_ne!(a, b);
    }
}
