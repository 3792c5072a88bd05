//! The plaintext password, kept out of logs and wiped from memory on drop.

use std::fmt;
use zeroize::{Zeroize, ZeroizeOnDrop};

/// A plaintext password on its way to [`encrypt_password`](crate::encrypt_password).
///
/// The bytes are overwritten with zeros when the value is dropped (including
/// any spare capacity of the `String` it was built from), `Debug` prints
/// `Password([redacted])`, and there is deliberately no `Display`, `Serialize`
/// or `PartialEq`, so the password cannot end up in a log line or a JSON body
/// by accident. Reading it back is spelled `expose_*` so that every place that
/// does so is easy to find in review.
///
/// ```
/// use sailpoint_isc::Password;
///
/// let password = Password::new("correct horse battery staple");
/// assert_eq!(format!("{password:?}"), "Password([redacted])");
/// ```
#[derive(Clone)]
pub struct Password {
    text: String,
}

impl Password {
    /// Takes ownership of `password` (a `String` is moved, not copied; a
    /// `&str` is copied once into memory that this value wipes on drop).
    pub fn new(password: impl Into<String>) -> Self {
        Password {
            text: password.into(),
        }
    }

    /// The password as text.
    pub fn expose_str(&self) -> &str {
        &self.text
    }

    /// The password's UTF-8 bytes: exactly what is encrypted.
    pub fn expose_bytes(&self) -> &[u8] {
        self.text.as_bytes()
    }

    /// Length in bytes of the UTF-8 encoding (not in characters); this is
    /// what must fit in the RSA key.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether the password is the empty string.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

impl From<String> for Password {
    fn from(password: String) -> Self {
        Password::new(password)
    }
}

impl From<&str> for Password {
    fn from(password: &str) -> Self {
        Password::new(password)
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password([redacted])")
    }
}

impl Drop for Password {
    fn drop(&mut self) {
        self.text.zeroize();
    }
}

impl ZeroizeOnDrop for Password {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_is_redacted() {
        let password = Password::new("hunter2");
        let shown = format!("{password:?} {password:#?}");
        assert_eq!(shown, "Password([redacted]) Password([redacted])");
        assert!(!shown.contains("hunter2"));

        // Also when nested in other values' Debug output.
        let nested = format!("{:?}", Some(vec![Password::from("hunter2")]));
        assert_eq!(nested, "Some([Password([redacted])])");
    }

    #[test]
    fn constructors_and_accessors() {
        let from_string = Password::from(String::from("Pässwörd"));
        let from_str = Password::from("Pässwörd");
        assert_eq!(from_string.expose_str(), "Pässwörd");
        assert_eq!(from_str.expose_bytes(), "Pässwörd".as_bytes());
        // Byte length, not character count: ä and ö take two bytes each.
        assert_eq!(from_str.len(), 10);
        assert!(!from_str.is_empty());
        assert!(Password::new("").is_empty());
        assert_eq!(from_str.clone().expose_str(), "Pässwörd");
    }

    #[test]
    fn zeroize_wipes_the_text() {
        // Drop calls exactly this; checking it on a live value avoids reading
        // freed memory.
        let mut password = Password::new("hunter2");
        password.text.zeroize();
        assert!(password.is_empty());
    }
}
