//! Finding USB drives: on Linux the removable block devices mounted now (/proc/mounts and
//! /sys/block/*/removable); on Windows the drive letters of removable drives, and of
//! fixed ones other than the system's (a USB hard disk says it is fixed), not CD drives
//! or network shares. The Sync screen also always lets the user type a path (a shared
//! folder), and remembers the last one.

use std::path::PathBuf;

/// A place bundles can be written to and read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drive {
    /// What to call it: the volume's folder name, or the drive letter.
    pub label: String,
    pub path: PathBuf,
    /// The system says the drive is removable. On Windows a USB hard disk says "fixed",
    /// and so does a laptop's own second partition (D:): such a drive is listed, and can
    /// be chosen, but is never picked on its own (`the_one`), lest a bundle meant for a
    /// stick stay on the laptop's disk.
    pub removable: bool,
}

/// The drive to use when none was named: the only one that says it is removable.
pub fn the_one(drives: &[Drive]) -> Option<&Drive> {
    match drives
        .iter()
        .filter(|d| d.removable)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [only] => Some(only),
        _ => None,
    }
}

/// The removable drives mounted now.
pub fn removable() -> Vec<Drive> {
    #[cfg(windows)]
    {
        windows_letters()
    }
    #[cfg(not(windows))]
    {
        let mounts = std::fs::read_to_string("/proc/mounts").unwrap_or_default();
        linux_removable(&mounts, |disk| {
            std::fs::read_to_string(format!("/sys/block/{disk}/removable"))
                .map(|s| s.trim() == "1")
                .unwrap_or(false)
        })
    }
}

/// The mounts in `/proc/mounts` text whose disk `is_removable` says is removable.
pub fn linux_removable(mounts: &str, is_removable: impl Fn(&str) -> bool) -> Vec<Drive> {
    let mut drives = Vec::new();
    for line in mounts.lines() {
        let mut parts = line.split_whitespace();
        let (Some(device), Some(mount)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Some(name) = device.strip_prefix("/dev/") else {
            continue;
        };
        // The disk of a partition: sdb1 -> sdb, mmcblk0p1 -> mmcblk0.
        let disk = if name.starts_with("mmcblk") || name.starts_with("nvme") {
            name.rsplit_once('p').map(|(d, _)| d).unwrap_or(name)
        } else {
            name.trim_end_matches(|c: char| c.is_ascii_digit())
        };
        if !is_removable(disk) {
            continue;
        }
        // /proc/mounts writes spaces in paths as \040.
        let path = mount.replace("\\040", " ");
        let label = path.rsplit('/').next().unwrap_or(&path).to_string();
        drives.push(Drive {
            label,
            path: PathBuf::from(path),
            removable: true,
        });
    }
    drives
}

#[cfg(windows)]
fn windows_letters() -> Vec<Drive> {
    // GetDriveTypeW's answers (winbase.h).
    const DRIVE_REMOVABLE: u32 = 2;
    const DRIVE_FIXED: u32 = 3;
    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn GetDriveTypeW(root: *const u16) -> u32;
    }
    let system = std::env::var("SystemDrive")
        .unwrap_or_else(|_| "C:".into())
        .to_uppercase();
    (b'A'..=b'Z')
        .map(|l| format!("{}:\\", l as char))
        .filter(|p| !p.starts_with(system.as_str()) && !p.starts_with("A:") && !p.starts_with("B:"))
        .filter_map(|p| {
            let wide: Vec<u16> = p.encode_utf16().chain([0]).collect();
            // SAFETY: `wide` is a NUL-terminated UTF-16 string that outlives the call,
            // which only reads it.
            let kind = unsafe { GetDriveTypeW(wide.as_ptr()) };
            (kind == DRIVE_REMOVABLE || kind == DRIVE_FIXED).then_some((p, kind == DRIVE_REMOVABLE))
        })
        .filter(|(p, _)| std::path::Path::new(p).exists())
        .map(|(p, removable)| Drive {
            label: p.trim_end_matches('\\').to_string(),
            path: PathBuf::from(&p),
            removable,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removable_partitions_are_found_by_their_disk() {
        let mounts = "/dev/sda1 / ext4 rw 0 0\n\
            /dev/sdb1 /media/amal/KINGSTON vfat rw 0 0\n\
            /dev/mmcblk0p1 /media/amal/SD\\040CARD vfat rw 0 0\n\
            proc /proc proc rw 0 0\n";
        let drives = linux_removable(mounts, |disk| disk == "sdb" || disk == "mmcblk0");
        assert_eq!(
            drives,
            vec![
                Drive {
                    label: "KINGSTON".into(),
                    path: "/media/amal/KINGSTON".into(),
                    removable: true,
                },
                Drive {
                    label: "SD CARD".into(),
                    path: "/media/amal/SD CARD".into(),
                    removable: true,
                },
            ]
        );
    }

    #[test]
    fn a_fixed_drive_is_never_picked_on_its_own() {
        let drive = |label: &str, removable| Drive {
            label: label.into(),
            path: format!("{label}\\").into(),
            removable,
        };
        let (stick, d) = (drive("E:", true), drive("D:", false));
        assert_eq!(the_one(std::slice::from_ref(&d)), None, "the laptop's D:");
        assert_eq!(the_one(&[d.clone(), stick.clone()]), Some(&stick));
        assert_eq!(
            the_one(&[stick.clone(), drive("F:", true)]),
            None,
            "two sticks"
        );
    }
}
