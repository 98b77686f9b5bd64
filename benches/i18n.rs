//! The cost of the words in a language (issue 21): what the first lookup
//! of a process pays (parsing one .ftl file into a bundle, once per
//! language), and what every later lookup pays (formatting a message from
//! the kept bundle), next to the English fast paths the screens use today.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use draht::i18n::Lang;
use draht::model::Channel;
use draht::text::{self, DateStyle};
use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;

fn parse_once(source: &str, locale: &str) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(source.to_owned()).expect("parses");
    let mut bundle = FluentBundle::new_concurrent(vec![locale.parse().expect("locale")]);
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).expect("no duplicates");
    bundle
}

fn i18n(c: &mut Criterion) {
    let mut group = c.benchmark_group("i18n");
    let de = include_str!("../i18n/de/draht.ftl");
    let en = include_str!("../i18n/en/draht.ftl");
    group.bench_function("first lookup: parse de.ftl into a bundle", |b| {
        b.iter(|| parse_once(black_box(de), "de"))
    });
    group.bench_function("first lookup: parse en.ftl into a bundle", |b| {
        b.iter(|| parse_once(black_box(en), "en"))
    });
    // Warm the kept bundles: what follows is what every later lookup pays.
    let _ = draht::t!(Lang::De; "days-overdue", count = 1);
    group.bench_function("t!: plural message, de", |b| {
        b.iter(|| draht::t!(Lang::De; "days-overdue", count = black_box(12u32)))
    });
    group.bench_function("t!: plain message, de", |b| {
        b.iter(|| draht::t!(Lang::De; black_box("status-overdue")))
    });
    group.bench_function("channel_name (kept), de", |b| {
        b.iter(|| text::channel_name(Lang::De, black_box(Channel::Call)))
    });
    let day = NaiveDate::from_ymd_opt(2026, 12, 7).expect("day");
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).expect("day");
    group.bench_function("day_in, de", |b| {
        b.iter(|| text::day_in(Lang::De, black_box(day), today))
    });
    group.bench_function("day_in, en (the fast path)", |b| {
        b.iter(|| text::day_in(Lang::En, black_box(day), today))
    });
    group.bench_function("date Long, de", |b| {
        b.iter(|| text::date(Lang::De, black_box(day), DateStyle::Long))
    });
    group.bench_function("relative, de (Fluent)", |b| {
        b.iter(|| text::relative(Lang::De, black_box(21)))
    });
    group.bench_function("age_in, en (the fast path)", |b| {
        b.iter(|| text::age_in(Lang::En, black_box(21)))
    });
    group.finish();
}

criterion_group!(benches, i18n);
criterion_main!(benches);
