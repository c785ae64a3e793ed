//! The file system, treated as hostile where it is a USB stick or another agency's
//! folder: what to tell a person when a drive or folder fails them; files written whole,
//! under a temporary name made with create-new semantics and never through a link;
//! files read only when they are regular files, and never past the format's limit; and a
//! data directory kept readable by its owner only.

use std::fs::{self, File};
use std::io::{ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
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

/// Who may read a file that `write_whole` or `Partial` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Its owner only (on Unix; elsewhere the folder's permissions apply): the device
    /// key, a backup, a slip, an export with case codes, an age key.
    Owner,
    /// Whoever may read the folder (as the account's umask allows): an identity card, a
    /// bundle (sealed to its receivers), a report of counts, meant to be handed on.
    Shared,
}

/// A file being written beside its final name: created new under a random temporary
/// name (never opening what is already there, a link planted on a stick included), then
/// flushed and renamed into place by `keep`. Dropped without `keep`, it is removed.
pub struct Partial {
    file: Option<File>,
    temporary: PathBuf,
    path: PathBuf,
}

impl Partial {
    /// Starts the file that will be `path`.
    pub fn create(path: &Path, access: Access) -> std::io::Result<Partial> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| std::io::Error::new(ErrorKind::InvalidInput, "no file name"))?;
        let folder = path.parent().unwrap_or_else(|| Path::new(""));
        let mut tries = 0;
        loop {
            let temporary = folder.join(format!("{name}.{:08x}.partial", rand::random::<u32>()));
            match create_new(&temporary, access) {
                Ok(file) => {
                    return Ok(Partial {
                        file: Some(file),
                        temporary,
                        path: path.to_path_buf(),
                    });
                }
                // Someone (or something) holds that name: draw another.
                Err(e) if e.kind() == ErrorKind::AlreadyExists && tries < 16 => tries += 1,
                Err(e) => return Err(e),
            }
        }
    }

    /// How many bytes are in the file so far.
    pub fn written(&self) -> std::io::Result<u64> {
        match &self.file {
            Some(f) => Ok(f.metadata()?.len()),
            None => Ok(0),
        }
    }

    /// Flushes the file to the drive and renames it into place (replacing a file or a
    /// link of that name, never writing through it).
    pub fn keep(mut self) -> std::io::Result<PathBuf> {
        if let Some(file) = self.file.take() {
            file.sync_all()?;
            // Closed before the rename: Windows renames no open file.
            drop(file);
        }
        fs::rename(&self.temporary, &self.path)?;
        Ok(std::mem::take(&mut self.path))
    }
}

impl Drop for Partial {
    fn drop(&mut self) {
        if !self.path.as_os_str().is_empty() {
            self.file = None;
            let _ = fs::remove_file(&self.temporary);
        }
    }
}

impl Write for Partial {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.file.as_mut() {
            Some(f) => f.write(buf),
            None => Err(ErrorKind::BrokenPipe.into()),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self.file.as_mut() {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

/// Opens a new file for writing: fails when anything (a link included) has that name.
fn create_new(path: &Path, access: Access) -> std::io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
        options.mode(match access {
            Access::Owner => 0o600,
            Access::Shared => 0o666,
        });
    }
    #[cfg(windows)]
    {
        use std::os::windows::fs::OpenOptionsExt;
        // FILE_FLAG_OPEN_REPARSE_POINT: a link is opened as itself, not followed.
        options.custom_flags(0x0020_0000);
    }
    let file = options.open(path)?;
    #[cfg(unix)]
    if access == Access::Shared {
        // Readable as the account's own umask would have it, not the tighter one the
        // process runs under (`private_umask`).
        use std::os::unix::fs::PermissionsExt;
        let mode = 0o666 & !ORIGINAL_UMASK.load(std::sync::atomic::Ordering::Relaxed);
        file.set_permissions(fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = access;
    Ok(file)
}

/// Writes a file whole or not at all: a new temporary file beside it, fsync, then
/// rename; the temporary file is removed if anything fails.
pub fn write_whole(path: &Path, bytes: &[u8], access: Access) -> std::io::Result<()> {
    let mut partial = Partial::create(path, access)?;
    partial.write_all(bytes)?;
    partial.keep().map(|_| ())
}

/// Renames, retrying for a few seconds: sled lets go of its files a moment after a
/// database is dropped, and Windows refuses to rename a folder with open files.
pub fn rename_retrying(from: &Path, to: &Path) -> std::io::Result<()> {
    let started = std::time::Instant::now();
    loop {
        match fs::rename(from, to) {
            Ok(()) => return Ok(()),
            Err(_) if started.elapsed() < std::time::Duration::from_secs(5) => {
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            Err(e) => return Err(e),
        }
    }
}

/// Removes the temporary files (`NAME.XXXXXXXX.partial`) a crash left in `dir`: called
/// on the data directory once its lock is held, so nothing is writing them. Links are
/// removed as links, never followed.
pub fn remove_leftovers(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let leftover = name
            .strip_suffix(".partial")
            .and_then(|rest| rest.rsplit_once('.'))
            .is_some_and(|(_, hex)| hex.len() == 8 && hex.bytes().all(|b| b.is_ascii_hexdigit()));
        if leftover && entry.file_type().is_ok_and(|t| !t.is_dir()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether a name is taken in a folder: by a file, a folder, or a link (even one that
/// points nowhere).
pub fn taken(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

/// Why a path was not read: it is not a regular file but `0` (a link, a pipe, ...).
#[derive(Debug)]
pub struct NotRegular(pub &'static str);

impl std::fmt::Display for NotRegular {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "it is {}, not a regular file: skipped", self.0)
    }
}

impl std::error::Error for NotRegular {}

/// The error for a path that is not a regular file.
fn not_regular(what: &'static str) -> std::io::Error {
    std::io::Error::new(ErrorKind::InvalidInput, NotRegular(what))
}

/// Whether an error says a path was skipped for not being a regular file.
pub fn is_not_regular(e: &std::io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<NotRegular>())
}

/// A path as it may be printed: control characters shown as `?`; on Windows, with one
/// separator style (a folder typed with `/` and a file name joined to it with `\\` are
/// printed with `\\` throughout).
pub fn shown(path: &Path) -> String {
    path.display()
        .to_string()
        .chars()
        .map(|c| match c {
            // A name in a shared folder may hold a control or a direction override
            // (U+202E turns the rest of the line around): shown as `?`.
            c if crate::model::text::is_refused(c) || c == '\t' => '?',
            '/' if cfg!(windows) => '\\',
            c => c,
        })
        .collect()
}

/// What a file-system entry is, in a few words, when it is not a regular file.
fn kind_of(meta: &fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_symlink() {
        return "a link";
    }
    if t.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a pipe";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "not a file"
}

/// Opens a regular file for reading: checked without following links, then opened once
/// without following links and without waiting on a pipe, and checked again on what was
/// opened (so a file swapped for a link or a pipe in between is refused too). Returns the
/// file and its length.
pub fn open_regular(path: &Path) -> std::io::Result<(File, u64)> {
    let meta = fs::symlink_metadata(path)?;
    if !meta.file_type().is_file() {
        return Err(not_regular(kind_of(&meta)));
    }
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    #[cfg(windows)]
    {
        use std::os::windows::fs::OpenOptionsExt;
        options.custom_flags(0x0020_0000);
    }
    let file = options.open(path).map_err(|e| {
        // O_NOFOLLOW on a link that appeared since the check.
        if e.raw_os_error() == Some(ELOOP) {
            not_regular("a link")
        } else {
            e
        }
    })?;
    let meta = file.metadata()?;
    if !meta.file_type().is_file() {
        return Err(not_regular(kind_of(&meta)));
    }
    Ok((file, meta.len()))
}

#[cfg(unix)]
const ELOOP: i32 = libc::ELOOP;
#[cfg(not(unix))]
const ELOOP: i32 = -1;

/// The error for a file over its format's limit.
fn too_large(path: &Path, limit: u64) -> std::io::Error {
    std::io::Error::new(
        ErrorKind::InvalidData,
        format!(
            "{} is larger than such a file can be (over {limit} bytes)",
            shown(path)
        ),
    )
}

/// A regular file's bytes, at most `limit` of them: refused before reading when it says
/// it is larger, and cut off (refused) when it grows past the limit while being read.
pub fn read_regular(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    let (file, len) = open_regular(path)?;
    if len > limit {
        return Err(too_large(path, limit));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(path, limit));
    }
    Ok(bytes)
}

/// A reader over a regular file that stops with an error past `limit` bytes.
pub fn capped_reader(path: &Path, limit: u64) -> std::io::Result<Capped> {
    let (file, len) = open_regular(path)?;
    if len > limit {
        return Err(too_large(path, limit));
    }
    Ok(Capped {
        inner: file,
        left: limit,
        path: path.to_path_buf(),
        limit,
    })
}

/// See `capped_reader`.
pub struct Capped {
    inner: File,
    left: u64,
    path: PathBuf,
    limit: u64,
}

impl Read for Capped {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            // One byte more means the file is larger than its limit.
            let mut probe = [0u8; 1];
            return match self.inner.read(&mut probe)? {
                0 => Ok(0),
                _ => Err(too_large(&self.path, self.limit)),
            };
        }
        let want = buf.len().min(self.left.min(usize::MAX as u64) as usize);
        let n = self.inner.read(&mut buf[..want])?;
        self.left -= n as u64;
        Ok(n)
    }
}

#[cfg(unix)]
static ORIGINAL_UMASK: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0o022);

/// Makes every file and folder this process creates readable by its owner only (umask
/// 077), remembering the account's own umask for the files meant to be handed on
/// (`Access::Shared`). Called once, at the start of the command line and the screens.
pub fn private_umask() {
    #[cfg(unix)]
    {
        // SAFETY: umask only sets the process's file creation mask; it cannot fail.
        let before = unsafe { libc::umask(0o077) };
        // mode_t is a u16 on some systems (macOS), a u32 on Linux.
        #[allow(clippy::useless_conversion)]
        ORIGINAL_UMASK.store(
            u32::from(before) & 0o777,
            std::sync::atomic::Ordering::Relaxed,
        );
    }
}

/// Creates the data directory if it is new, and makes it, its `db/` and every file in
/// them readable by their owner only (on Unix: folders 0700, files 0600), whether or not
/// they existed and whatever the umask. Returns how many files or folders stay open to
/// other accounts when that could not be done (a FAT or exFAT stick keeps no owners),
/// for the command line to say in its language. Links inside are left alone, never
/// followed.
pub fn make_private(dir: &Path) -> std::io::Result<Option<usize>> {
    if !dir.is_dir() {
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder.create(dir)?;
    }
    #[cfg(unix)]
    {
        let mut open = 0usize;
        tighten(dir, 0, &mut open);
        if open > 0 {
            return Ok(Some(open));
        }
    }
    Ok(None)
}

/// Sets owner-only modes under `path`, counting in `open` what stays readable by others.
#[cfg(unix)]
fn tighten(path: &Path, depth: usize, open: &mut usize) {
    use std::os::unix::fs::PermissionsExt;
    let Ok(meta) = fs::symlink_metadata(path) else {
        return;
    };
    let t = meta.file_type();
    let want = if t.is_dir() {
        0o700
    } else if t.is_file() {
        0o600
    } else {
        return;
    };
    if meta.permissions().mode() & 0o077 != 0 {
        let _ = fs::set_permissions(path, fs::Permissions::from_mode(want));
        match fs::symlink_metadata(path) {
            Ok(m) if m.permissions().mode() & 0o077 == 0 => {}
            _ => *open += 1,
        }
    }
    if t.is_dir()
        && depth < 4
        && let Ok(entries) = fs::read_dir(path)
    {
        for entry in entries.flatten() {
            tighten(&entry.path(), depth + 1, open);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_shown_without_controls_or_direction_overrides() {
        let name = Path::new("stick/daleel-\u{202E}eldnub.exe\tx\u{1b}[31m.bundle");
        let text = shown(name);
        assert!(
            !text.chars().any(|c| c.is_control() || c == '\u{202E}'),
            "{text:?}"
        );
        assert!(
            text.ends_with("daleel-?eldnub.exe?x?[31m.bundle"),
            "{text:?}"
        );
    }

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

    #[test]
    fn a_write_leaves_nothing_but_its_file_and_a_crashs_leftovers_are_removed() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("head");
        write_whole(&path, b"one", Access::Owner).expect("write");
        write_whole(&path, b"two", Access::Owner).expect("again");
        assert_eq!(fs::read(&path).expect("read"), b"two");
        let names = |d: &Path| -> Vec<String> {
            let mut v: Vec<String> = fs::read_dir(d)
                .expect("read")
                .map(|e| e.expect("e").file_name().to_string_lossy().into_owned())
                .collect();
            v.sort();
            v
        };
        assert_eq!(names(dir.path()), ["head"]);
        // A crash between create and rename leaves a temporary file; the next open of
        // the folder removes it, and nothing else.
        let left = Partial::create(&path, Access::Owner).expect("partial");
        let temporary = left.temporary.clone();
        std::mem::forget(left);
        fs::write(dir.path().join("keep.partial"), b"not ours").expect("other");
        assert!(temporary.exists());
        remove_leftovers(dir.path());
        assert_eq!(names(dir.path()), ["head", "keep.partial"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_or_a_pipe_is_never_read_and_a_file_is_read_no_further_than_its_limit() {
        let dir = tempfile::tempdir().expect("dir");
        let file = dir.path().join("file");
        fs::write(&file, b"0123456789").expect("write");
        assert_eq!(read_regular(&file, 10).expect("read"), b"0123456789");
        let e = read_regular(&file, 9).expect_err("over");
        assert_eq!(e.kind(), ErrorKind::InvalidData);
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&file, &link).expect("link");
        let e = read_regular(&link, 100).expect_err("link");
        assert!(
            is_not_regular(&e) && e.to_string().contains("a link"),
            "{e}"
        );
        let e = read_regular(Path::new("/dev/zero"), 100).expect_err("device");
        assert!(
            is_not_regular(&e) && e.to_string().contains("a device"),
            "{e}"
        );
        let e = read_regular(dir.path(), 100).expect_err("folder");
        assert!(is_not_regular(&e), "{e}");
    }
}
