// Included by tests/it/hostile_input.rs and src/fuzz/tests.rs.

/// Text a user may paste, and text meant to break things. The tail after
/// each newline starts with MARK: a line of output starting with it means
/// a raw newline got through.
pub const HOSTILE: &[&str] = &[
    "Zoë \"Zed\" O'Brien",
    "Robert'); DROP TABLE contacts;--",
    "100% _under_ \\back\\slash %s {0} $HOME",
    "Line one\nMARK line two",
    "Tab\there\rCR\r\nMARK crlf",
    "Bell\u{7} Esc\u{1b}[31mred\u{1b}[0m\u{1b}]0;title\u{7}",
    "C1\u{9b}2J csi\u{85}nel\u{7f}del",
    "\u{202e}txt.exe\u{202c} RTL override",
    "مرحبا שלום mixed עברית",
    "👩\u{200d}👩\u{200d}👧 family 🇩🇪 flag",
    "e\u{301}\u{301}\u{301} combining",
    "\u{200b}zero\u{feff}width",
];
