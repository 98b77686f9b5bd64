//! The words synthetic contacts are made of.

#[rustfmt::skip]
pub const FIRST: &[&str] = &[
    "Anna", "Jonas", "Lea", "Ben", "Mia", "Lukas", "Emma", "Paul", "Sofia", "Felix", "Hannah",
    "Leon", "Marie", "Noah", "Lena", "Elias", "Clara", "Finn", "Ida", "Jürgen", "Sören", "Zoë",
    "Ingrid", "Matthias", "Katrin", "Stefan", "Petra", "Thomas", "Sabine", "Michael", "Julia",
    "Andreas", "Nicole", "Markus", "Claudia", "Tobias", "Sandra", "Florian", "Anja", "Sebastian",
    "Olga", "Mehmet", "Aylin", "Chen", "Priya", "Kwame", "Amara", "Diego", "Lucía", "Mateo",
    "Yuki", "Hiroshi", "Fatima", "Omar", "Ana", "João", "Nils", "Freya", "Sven", "Astrid",
    "Pierre", "Amélie", "Luca", "Giulia", "Marek", "Zofia", "Ivan", "Elena", "Noor", "Sami",
    "Helga", "Dieter", "Renate", "Horst", "Gisela", "Uwe", "Birgit", "Jörg", "Ute", "Frank",
];

#[rustfmt::skip]
pub const LAST: &[&str] = &[
    "Schmidt", "Weber", "Müller", "Schneider", "Fischer", "Meyer", "Wagner", "Becker", "Schulz",
    "Hoffmann", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz",
    "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner",
    "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König",
    "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß",
    "Jung", "Hahn", "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler",
    "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Okafor", "Yilmaz", "Kowalski",
    "Novak", "García", "Rossi", "Dubois", "Tanaka", "Nguyen", "Haddad", "Silva", "Andersen",
    "Brandt",
];

#[rustfmt::skip]
pub const COMPANIES: &[&str] = &[
    "ACME GmbH", "Nordlicht AG", "Brückenbau KG", "Datenwerk", "Kiel Maritime", "Sonnenhof",
    "Alpenblick Consulting", "Rheinpark Media", "Hafenkante Logistik", "Bergwerk Software",
];
#[rustfmt::skip]
pub const ROLES: &[&str] = &[
    "Head of Sales", "CTO", "Project lead", "Buyer", "Consultant", "Founder", "Engineer",
    "Account manager", "Designer", "Controller",
];
pub const WORK_TAGS: &[&str] = &["client", "partner", "colleague", "supplier", "alumni"];
pub const PRIVATE_TAGS: &[&str] = &[
    "family",
    "friend",
    "neighbour",
    "sailing",
    "choir",
    "school",
];
pub const HOOKS: &[(&str, &str)] = &[
    ("project", "Q3 launch went live"),
    ("offer", "send the updated offer"),
    ("common", "both from Hamburg"),
    ("hobby", "sailing in June"),
    ("personal", "new baby in spring"),
    ("project", "migration to the new ERP"),
    ("hobby", "marathon training"),
    ("common", "same university"),
    ("offer", "discount for the renewal"),
    ("personal", "moved to Leipzig"),
];
#[rustfmt::skip]
pub const NOTES: &[&str] = &[
    "re: contract", "quick check-in", "Q3 review", "birthday wishes", "coffee near the office",
    "sent the slides", "follow-up on the offer", "catch-up", "planning the trip",
    "thanks for the intro",
];
#[rustfmt::skip]
pub const FOLLOWUP_NOTES: &[&str] = &[
    "send the offer", "ask about the new job", "share the article", "invite to the summer party",
    "return the book",
];
