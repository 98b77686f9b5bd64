//! `draht capture` of mail when the config names none of the user's own
//! addresses (no `[me] emails`): draht cannot tell sent mail from
//! received, so a message is a touch with each contact among its From, To
//! and Cc, and the run says what setting the addresses would change.

use super::capture::{NOW, add, capture, day, days, path, touches};
use super::capture_fixtures::{self as fx, ME, date, deliver, maildir, unix};
use super::harness::Env;

#[test]
fn without_own_addresses_sent_and_received_mail_match_every_contact_in_it() {
    let env = Env::new(NOW);
    add(&env, "Anna", "anna@x.de");
    add(&env, "Ben", "ben@y.de");
    let inbox = maildir(env.dir.path(), "Mail");
    let sent = maildir(&inbox, ".Sent");
    // Written by the user to both (Apple Mail's sent copy).
    let to_both = fx::apple_sent("Ben <ben@y.de>, Anna <ANNA@x.de>", &date(10, 9, 0), "s1@me");
    deliver(&sent, unix(10, 9, 0), 1, &to_both);
    // From Anna to the user.
    let from_anna = fx::plain("Anna <anna@x.de>", ME, &date(11, 18, 0), "a1@x");
    deliver(&inbox, unix(11, 18, 0), 2, &from_anna);
    // From a stranger, Ben in Cc (Outlook).
    let cc_ben = fx::outlook(
        "Carol <carol@z.de>",
        ME,
        "Ben <ben@y.de>",
        &date(12, 8, 30),
        "c1@z",
    );
    deliver(&inbox, unix(12, 8, 30), 3, &cc_ben);

    let out = env.ok(&["capture", path(&inbox)]);
    assert!(out.contains("3 with contacts"), "{out}");
    assert!(
        out.contains("[me] emails") && out.contains("copied"),
        "the run says what own addresses would change: {out}"
    );
    assert_eq!(
        days(&touches(&env, "Anna")),
        vec![day("11-10", "email", 1), day("11-11", "email", 1)]
    );
    assert_eq!(
        days(&touches(&env, "Ben")),
        vec![day("11-10", "email", 1), day("11-12", "email", 1)]
    );
    // Nothing twice on a second run.
    let again = capture(&env, &[path(&inbox)]);
    assert_eq!(again["sources"][0]["touches"], 0, "{again}");
    assert_eq!(again["knows_me"], false);
}
