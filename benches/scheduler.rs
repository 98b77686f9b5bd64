//! The pure scheduler at 10,000 contacts of each mix (realistic, stress):
//! the agenda and every contact's status, from facts already in memory (no
//! database in the timed part).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use draht::schedule::{self, Settings};
use draht::store::contacts::Detail;
use draht::store::{Store, facts, followups};

mod support;

fn scheduler(c: &mut Criterion) {
    for mix in support::MIXES {
        let (_dir, db) = support::database(mix, 10_000, 100_000);
        let mut store = Store::open(&db).expect("open");
        let (all, open) = store
            .read(|tx| Ok((facts::load(tx, false, Detail::Brief)?, followups::open(tx)?)))
            .expect("facts");
        let settings = Settings::default();
        let today = support::today();
        let mut group = c.benchmark_group(format!("scheduler, {} mix", mix.name()));
        group.bench_function("agenda, 10k contacts", |b| {
            b.iter(|| schedule::agenda(black_box(&all), black_box(&open), &[], today, &settings))
        });
        group.bench_function("checkins (list), 10k contacts", |b| {
            b.iter(|| schedule::checkins(black_box(&all), black_box(&open), &[], today, &settings))
        });
        group.finish();
    }
}

criterion_group!(benches, scheduler);
criterion_main!(benches);
