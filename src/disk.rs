//! What to tell a person when a drive or folder fails them: one sentence that says what
//! happened and what to do, from the operating system's error.

use std::io::ErrorKind;

/// Plain advice for a failed read or write.
pub fn advice(e: &std::io::Error) -> String {
    let what = match e.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
            "the drive is full: free some space on it, or choose another folder or drive"
        }
        ErrorKind::ReadOnlyFilesystem => {
            "the drive is read-only (a locked USB stick, or one the system mounted read-only): unlock it, or choose another folder or drive"
        }
        ErrorKind::PermissionDenied => {
            "this account has no permission there: choose a folder of your own, or ask whoever manages the laptop"
        }
        ErrorKind::NotFound => {
            "the folder or file is not there (was the drive pulled out?): plug it in again, or choose another folder"
        }
        ErrorKind::FileTooLarge => {
            "the file is too large for this drive's file system (FAT32 stops at 4 GiB): use an exFAT or NTFS drive"
        }
        ErrorKind::UnexpectedEof => "the file ends early: it was cut when copied; copy it again",
        _ => return format!("{e}: check that the drive is plugged in, not full and not read-only"),
    };
    format!("{what} ({e})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_common_failure_gets_its_own_advice() {
        let full = advice(&std::io::Error::from(ErrorKind::StorageFull));
        assert!(full.contains("the drive is full"), "{full}");
        let ro = advice(&std::io::Error::from(ErrorKind::ReadOnlyFilesystem));
        assert!(ro.contains("read-only"), "{ro}");
        let denied = advice(&std::io::Error::from(ErrorKind::PermissionDenied));
        assert!(denied.contains("no permission"), "{denied}");
        let other = advice(&std::io::Error::other("odd"));
        assert!(
            other.contains("odd") && other.contains("plugged in"),
            "{other}"
        );
    }
}
