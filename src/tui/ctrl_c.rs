//! Ctrl+C while the screens are open. On Linux and macOS the terminal's raw mode makes it
//! an ordinary key, which the screens do not use (quitting is F10 or Ctrl+Q, and saves
//! what needs saving). A Windows console can still turn it into a signal that ends the
//! process at once, leaving the console in raw mode with the screens drawn on it (seen
//! under Wine's console): the screens ask Windows to ignore it, as the other systems do.

/// Makes Ctrl+C no signal for this process (Windows; nothing elsewhere).
pub fn ignore() {
    #[cfg(windows)]
    {
        type Handler = unsafe extern "system" fn(u32) -> i32;
        #[link(name = "kernel32")]
        unsafe extern "system" {
            fn SetConsoleCtrlHandler(handler: Option<Handler>, add: i32) -> i32;
        }
        // SAFETY: with no handler and TRUE, the call only sets this process's flag to
        // ignore Ctrl+C; it reads no memory of ours.
        unsafe {
            SetConsoleCtrlHandler(None, 1);
        }
    }
}
