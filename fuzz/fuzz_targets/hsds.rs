#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| daleel::fuzzing::hsds(data));
