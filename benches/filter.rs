//! The `/` fuzzy filter over 10,000 names, as the TUI runs it per keystroke.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use draht::filter::{Filter, FilterKey};

mod support;

fn filter(c: &mut Criterion) {
    let names = support::synth::names(10_000, 1);
    let mut group = c.benchmark_group("filter, 10k names");
    group.bench_function("build the keys", |b| {
        b.iter(|| {
            names
                .iter()
                .map(|n| FilterKey::new(n, None, &[]))
                .collect::<Vec<_>>()
        })
    });
    let keys: Vec<FilterKey> = names.iter().map(|n| FilterKey::new(n, None, &[])).collect();
    let mut filter = Filter::new();
    for query in ["a", "mue", "anna sch", "xyz"] {
        group.bench_function(format!("rank \"{query}\""), |b| {
            b.iter(|| filter.rank(black_box(query), black_box(&keys)))
        });
    }
    group.finish();
}

criterion_group!(benches, filter);
criterion_main!(benches);
