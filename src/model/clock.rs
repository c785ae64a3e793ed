//! The hybrid logical clock that orders changes: wall time plus a counter, advanced by
//! what is imported, but never beyond the local wall time plus one day, so that a laptop
//! whose clock is years ahead cannot drag the team's clocks with it.

use serde::{Deserialize, Serialize};

use super::time::DAY_MS;

/// A hybrid-logical-clock time: milliseconds since 1970 UTC, then a counter that orders
/// changes made within the same millisecond (or while the wall clock stands behind).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Hlc {
    pub wall_ms: i64,
    pub counter: u32,
}

impl Hlc {
    /// The time of a new local change, given the last time this device used and its wall
    /// clock now. Always later than `last`.
    pub fn tick(last: Hlc, now_ms: i64) -> Hlc {
        if now_ms > last.wall_ms {
            Hlc {
                wall_ms: now_ms,
                counter: 0,
            }
        } else if last.counter < u32::MAX {
            Hlc {
                wall_ms: last.wall_ms,
                counter: last.counter + 1,
            }
        } else {
            Hlc {
                wall_ms: last.wall_ms + 1,
                counter: 0,
            }
        }
    }

    /// The clock after seeing a change from another device: it moves forward to the
    /// remote time, but no further than the local wall time plus one day.
    pub fn observe(last: Hlc, remote: Hlc, now_ms: i64) -> Hlc {
        let cap = Hlc {
            wall_ms: now_ms.saturating_add(DAY_MS),
            counter: 0,
        };
        last.max(remote.min(cap))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_always_move_forward() {
        let a = Hlc::tick(Hlc::default(), 1_000);
        assert_eq!(
            a,
            Hlc {
                wall_ms: 1_000,
                counter: 0
            }
        );
        let b = Hlc::tick(a, 1_000);
        let c = Hlc::tick(b, 900); // the wall clock went backwards
        assert!(a < b && b < c);
        assert_eq!(
            c,
            Hlc {
                wall_ms: 1_000,
                counter: 2
            }
        );
        let d = Hlc::tick(c, 2_000);
        assert_eq!(
            d,
            Hlc {
                wall_ms: 2_000,
                counter: 0
            }
        );
        let full = Hlc {
            wall_ms: 5,
            counter: u32::MAX,
        };
        assert!(Hlc::tick(full, 0) > full);
    }

    #[test]
    fn observing_moves_forward_but_not_beyond_a_day_ahead() {
        let now = 10 * DAY_MS;
        let last = Hlc {
            wall_ms: now,
            counter: 3,
        };
        let near = Hlc {
            wall_ms: now + 5_000,
            counter: 7,
        };
        assert_eq!(Hlc::observe(last, near, now), near);
        let years_ahead = Hlc {
            wall_ms: now + 3_000 * DAY_MS,
            counter: 0,
        };
        let seen = Hlc::observe(last, years_ahead, now);
        assert_eq!(seen.wall_ms, now + DAY_MS);
        let behind = Hlc {
            wall_ms: 0,
            counter: 0,
        };
        assert_eq!(Hlc::observe(last, behind, now), last);
        // The next local change still comes after what was observed.
        assert!(Hlc::tick(seen, now) > seen);
    }
}
