#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| draht::fuzz::vdir_name(data));
