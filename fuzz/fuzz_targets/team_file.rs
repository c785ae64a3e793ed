#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| daleel::fuzzing::team_file(data));
