//! The agenda query at 10,000 contacts and 1,000,000 touches: what `draht
//! today` does between opening the file and printing, on a database of each
//! mix (realistic, stress) built once per run. `DRAHT_BENCH_TOUCHES=100000`
//! (or 5000000) compares history sizes: the cost must not grow with the
//! touch log.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use draht::schedule::{self, Settings};
use draht::store::contacts::Detail;
use draht::store::{Store, facts, followups};

mod support;

fn agenda(c: &mut Criterion) {
    let touches = support::touches_from_env(1_000_000);
    for mix in support::MIXES {
        let (_dir, db) = support::database(mix, 10_000, touches);
        let settings = Settings::default();
        let today = support::today();
        let mut group = c.benchmark_group(format!(
            "agenda query, {} mix, 10k contacts, {touches} touches",
            mix.name()
        ));
        group
            .sample_size(30)
            .measurement_time(Duration::from_secs(10));
        group.bench_function("open the store", |b| {
            b.iter(|| Store::open(black_box(&db)).expect("open"))
        });
        let mut store = Store::open(&db).expect("open");
        group.bench_function("load facts and follow-ups", |b| {
            b.iter(|| {
                store
                    .read(|tx| Ok((facts::load(tx, false, Detail::Brief)?, followups::open(tx)?)))
                    .expect("facts")
            })
        });
        group.bench_function("load and schedule", |b| {
            b.iter(|| {
                let (all, open) = store
                    .read(|tx| Ok((facts::load(tx, false, Detail::Brief)?, followups::open(tx)?)))
                    .expect("facts");
                schedule::agenda(&all, &open, &[], today, &settings)
            })
        });
        // the whole day as `draht today` asks for it: Jour fixe included,
        // only the relevant contacts read in full
        group.bench_function("app::agenda::day", |b| {
            b.iter(|| draht::app::agenda::day(&mut store, today, &settings).expect("day"))
        });
        group.finish();
    }
}

criterion_group!(benches, agenda);
criterion_main!(benches);
