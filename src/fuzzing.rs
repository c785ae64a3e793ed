//! Entry points shared by the fuzz targets (`fuzz/`) and the regression test that replays
//! their crashes (`tests/fuzz_regressions.rs`): each reads untrusted bytes the way Daleel
//! reads a file from a USB stick, and must return (an error is fine), never panic.
