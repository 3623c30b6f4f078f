//! `aims`, the command line over the same core as the app: checks, scores, compares and exports assessment
//! files, and makes and opens share links.
//!
//! Everything the command line decides lives here: the arguments ([`args`]), which files count as failed,
//! what goes to standard output and what to standard error, the progress line and the summary of a batch,
//! the exit code, and the JSON pipelines read ([`json`]). Reading files and writing to the terminal go
//! through [`Io`], which `src/bin/aims.rs` implements over the real ones and the tests over memory, so
//! this module does no I/O of its own. Encrypted files and links are opened by [`decrypt`], with the
//! passphrase from `--passphrase-file`, wherever a command reads a file or a link. Documents are the app's: `aims report` calls the same functions as
//! the app's export buttons, so the bytes are the same for the same file. None of the app's exports
//! contains today's date (only dates from the file), so no command needs a date option.

pub mod args;
pub mod decrypt;
mod json;
mod text;

use std::ffi::OsString;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use clap::Parser;

use crate::catalogue::{catalogue, Catalogue};
use crate::codec::{self, group_digits, Preview, MAX_INPUT_BYTES};
use crate::compare::{compare, comparison_csv, comparison_html, comparison_markdown};
use crate::jwe::{self, FileError, JweError, Sealed};
use crate::score::score;
use crate::share::{Link, ShareError};
use crate::{csv, policy, report, share};
use args::{Args, Command, DiffFormat, ReportFormat};
use decrypt::Closed;

pub use args::EXIT_CODES_HELP;

/// Everything asked for was done.
pub const EXIT_OK: u8 = 0;
/// A file could not be read or is not an assessment, or what was asked cannot be made from it.
pub const EXIT_FAILED: u8 = 1;
/// The command line is wrong.
pub const EXIT_USAGE: u8 = 2;

/// How the command line reaches files and the terminal.
pub trait Io {
    /// At most `limit` bytes of a file, or of standard input for `-`.
    fn read(&mut self, path: &Path, limit: u64) -> std::io::Result<Vec<u8>>;
    /// Writes to standard output.
    fn out(&mut self, bytes: &[u8]) -> std::io::Result<()>;
    /// Writes a message (one or more lines, without the final newline) to standard error.
    fn err(&mut self, text: &str);
    /// Whether a progress line is wanted: standard error is a terminal.
    fn shows_progress(&self) -> bool;
    /// Replaces the progress line on standard error; an empty line removes it.
    fn progress(&mut self, line: &str);
}

/// How many progress updates a batch makes at most.
const PROGRESS_STEPS: usize = 200;
/// How many failed files the summary of a batch names.
const FAILURES_NAMED: usize = 10;

/// Runs the command line `args` (the program name first) and returns the exit code.
pub fn run<I, T>(args: I, io: &mut impl Io) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args = match Args::try_parse_from(args) {
        Ok(args) => args,
        Err(e) => {
            let text = e.render().to_string();
            return if e.use_stderr() {
                io.err(text.trim_end());
                EXIT_USAGE
            } else {
                // --help and --version.
                let _ = io.out(text.as_bytes());
                EXIT_OK
            };
        }
    };
    let passphrase = match &args.passphrase_file {
        None => None,
        Some(path) if path.as_os_str() == "-" && args.command.reads_standard_input() => {
            io.err("aims: only one of the passphrase file and the assessment (or link) can be read from standard input (`-`)");
            return EXIT_USAGE;
        }
        Some(path) => match read_passphrase(io, path) {
            Ok(passphrase) => Some(passphrase),
            Err(message) => {
                io.err(&format!(
                    "aims: the passphrase file {} {message}",
                    shown_name(path)
                ));
                return EXIT_FAILED;
            }
        },
    };
    let mut session = Session {
        io,
        cat: catalogue(),
        passphrase,
        failed: Vec::new(),
    };
    let done = session.command(args.command);
    let failed = !session.failed.is_empty();
    match done {
        Ok(()) | Err(Stop::Closed) if !failed => EXIT_OK,
        Ok(()) | Err(Stop::Closed) => EXIT_FAILED,
        Err(Stop::Unwritable(message)) => {
            session
                .io
                .err(&format!("aims: cannot write the output: {message}"));
            EXIT_FAILED
        }
    }
}

/// The passphrase on the first line of the file at `path`, or why there is none.
fn read_passphrase(io: &mut impl Io, path: &Path) -> Result<String, String> {
    let limit = decrypt::MAX_PASSPHRASE_FILE_BYTES as u64 + 1;
    let bytes = io
        .read(path, limit)
        .map_err(|e| format!("cannot be read: {e}"))?;
    decrypt::passphrase(&bytes).map_err(|reason| format!("cannot be used: {reason}"))
}

/// Why a command stopped before its end.
enum Stop {
    /// Standard output was closed (`aims score … | head`): nothing more is wanted.
    Closed,
    Unwritable(String),
}

struct Session<'io, I: Io> {
    io: &'io mut I,
    cat: &'static Catalogue,
    /// The passphrase of encrypted files and links, from `--passphrase-file`.
    passphrase: Option<String>,
    /// The files that failed, as named in messages.
    failed: Vec<String>,
}

/// A file's name as messages show it; `-` is standard input.
fn shown_name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "(standard input)".to_owned()
    } else {
        text::printable(&path.to_string_lossy())
    }
}

/// A file's name as JSON carries it: `-` for standard input.
fn json_name(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

impl<I: Io> Session<'_, I> {
    fn command(&mut self, command: Command) -> Result<(), Stop> {
        match command {
            Command::Check { files } => self.check(&files),
            Command::Score { json, files } => self.score(&files, json),
            Command::Diff {
                json,
                format,
                before,
                after,
            } => self.diff(
                &before,
                &after,
                if json { DiffFormat::Json } else { format },
            ),
            Command::Report { file, format } => self.report(&file, format),
            Command::Link { file, notes, base } => self.link(&file, notes, base.as_deref()),
            Command::Open { link } => self.open(&link),
        }
    }

    fn out(&mut self, text: &str) -> Result<(), Stop> {
        self.io.out(text.as_bytes()).map_err(|e| match e.kind() {
            ErrorKind::BrokenPipe => Stop::Closed,
            _ => Stop::Unwritable(e.to_string()),
        })
    }

    /// Reports that `name` failed, with the reason (its later lines indented under the first).
    fn fail(&mut self, name: &str, message: &str) {
        self.io
            .err(&format!("{name}: {}", message.replace('\n', "\n  ")));
        self.failed.push(name.to_owned());
    }

    /// Reads and decodes an assessment file as the app's import does, decrypting an encrypted one;
    /// reports a failure.
    fn load(&mut self, path: &Path) -> Option<Preview> {
        let name = shown_name(path);
        let bytes = match self.io.read(path, jwe::MAX_FILE_BYTES as u64 + 1) {
            Ok(bytes) => bytes,
            Err(e) => {
                self.fail(&name, &format!("cannot be read: {e}"));
                return None;
            }
        };
        if bytes.len() > MAX_INPUT_BYTES && !jwe::is_file(&bytes) {
            self.fail(
                &name,
                &format!(
                    "is larger than the {} MB ({} bytes) an assessment file can be: this is not an assessment file.",
                    MAX_INPUT_BYTES / (1024 * 1024),
                    group_digits(MAX_INPUT_BYTES)
                ),
            );
            return None;
        }
        let opened = match jwe::read_file(&bytes, self.cat) {
            Ok(jwe::File::Plain(preview)) => Ok(*preview),
            Ok(jwe::File::Encrypted(sealed)) => {
                self.decrypt(&sealed, |e| FileError::Encrypted(e).to_string())
            }
            Err(e) => Err(e.to_string()),
        };
        opened.map_err(|message| self.fail(&name, &message)).ok()
    }

    /// Opens an encrypted file or link with the passphrase given, or says why not: `refused` words a
    /// refusal for a file or for a link.
    fn decrypt(&self, sealed: &Sealed, refused: fn(JweError) -> String) -> Result<Preview, String> {
        decrypt::open(sealed, self.passphrase.as_deref(), self.cat).map_err(|e| match e {
            Closed::NoPassphrase => e.to_string(),
            Closed::Refused(e) => refused(e),
        })
    }

    /// Runs `each` on every file that decodes, with a progress line on a terminal and a summary of the
    /// failures at the end.
    fn batch(
        &mut self,
        files: &[PathBuf],
        verb: &str,
        mut each: impl FnMut(&mut Self, &Path, Preview) -> Result<(), Stop>,
    ) -> Result<(), Stop> {
        let total = files.len();
        let progress = total > 1 && self.io.shows_progress();
        let step = total.div_ceil(PROGRESS_STEPS).max(1);
        let mut result = Ok(());
        for (i, path) in files.iter().enumerate() {
            if progress && i % step == 0 {
                let line = self.progress_line(verb, i, total);
                self.io.progress(&line);
            }
            if let Some(preview) = self.load(path) {
                result = each(self, path, preview);
                if result.is_err() {
                    break;
                }
            }
        }
        if progress {
            self.io.progress("");
        }
        if total > 1 && !self.failed.is_empty() {
            let summary = self.summary(total);
            self.io.err(&summary);
        }
        result
    }

    fn progress_line(&self, verb: &str, done: usize, total: usize) -> String {
        let mut line = format!(
            "{verb} {} of {} files",
            group_digits(done),
            group_digits(total)
        );
        if !self.failed.is_empty() {
            line.push_str(&format!(", {} failed", group_digits(self.failed.len())));
        }
        line
    }

    /// "aims: 3 of 1,000 files failed: a.json, b.json, c.json".
    fn summary(&self, total: usize) -> String {
        let named = self
            .failed
            .iter()
            .take(FAILURES_NAMED)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        let more = self.failed.len().saturating_sub(FAILURES_NAMED);
        format!(
            "aims: {} of {} file{} failed: {named}{}",
            group_digits(self.failed.len()),
            group_digits(total),
            if total == 1 { "" } else { "s" },
            if more > 0 {
                format!(" and {} more", group_digits(more))
            } else {
                String::new()
            }
        )
    }

    fn check(&mut self, files: &[PathBuf]) -> Result<(), Stop> {
        self.batch(files, "Checked", |s, path, preview| {
            let line = text::check_line(s.cat, &shown_name(path), &preview);
            s.out(&line)
        })
    }

    fn score(&mut self, files: &[PathBuf], as_json: bool) -> Result<(), Stop> {
        let array = as_json && files.len() > 1;
        if array {
            self.out("[\n")?;
        }
        let mut first = true;
        self.batch(files, "Scored", |s, path, preview| {
            let card = score(s.cat, &preview.assessment);
            let mut out = if as_json {
                json::score_json(s.cat, &json_name(path), &preview.assessment, &card)
            } else {
                text::score_table(&shown_name(path), &preview.assessment, &card)
            };
            if !first {
                // Objects of the array apart; tables apart by a blank line.
                out.insert_str(0, if as_json { ",\n" } else { "\n" });
            }
            if as_json && !array {
                out.push('\n');
            }
            first = false;
            s.out(&out)
        })?;
        if array {
            self.out("\n]\n")?;
        }
        Ok(())
    }

    fn diff(&mut self, before: &Path, after: &Path, format: DiffFormat) -> Result<(), Stop> {
        let (Some(b), Some(a)) = (self.load(before), self.load(after)) else {
            return Ok(());
        };
        let c = compare(self.cat, &b.assessment, &a.assessment);
        let out = match format {
            DiffFormat::Md => comparison_markdown(&c),
            DiffFormat::Html => comparison_html(&c),
            DiffFormat::Csv => comparison_csv(&c),
            DiffFormat::Json => json::diff_json(&json_name(before), &json_name(after), &c) + "\n",
        };
        self.out(&out)
    }

    fn report(&mut self, path: &Path, format: ReportFormat) -> Result<(), Stop> {
        let Some(preview) = self.load(path) else {
            return Ok(());
        };
        let (cat, a) = (self.cat, &preview.assessment);
        let out = match format {
            ReportFormat::Md => report::report_markdown(cat, a),
            ReportFormat::Html => report::report_html(cat, a),
            ReportFormat::Csv => csv::answers_csv(cat, a),
            ReportFormat::SoaCsv => csv::soa_csv(cat, a),
            ReportFormat::PolicyMd => policy::current_markdown(cat, a),
            ReportFormat::PolicyHtml => policy::html(cat, a),
            ReportFormat::Json => match codec::encode(a, cat) {
                Ok(json) => json,
                Err(e) => {
                    self.fail(&shown_name(path), &e.to_string());
                    return Ok(());
                }
            },
        };
        self.out(&out)
    }

    fn link(&mut self, path: &Path, notes: bool, base: Option<&str>) -> Result<(), Stop> {
        let Some(preview) = self.load(path) else {
            return Ok(());
        };
        match share::to_fragment(&preview.assessment, notes) {
            Ok(fragment) => {
                // As the app: the page's address without its fragment.
                let base = base.map_or("", |b| b.split('#').next().unwrap_or_default());
                self.out(&format!("{base}#{fragment}\n"))
            }
            Err(e) => {
                self.fail(&shown_name(path), &e.to_string());
                Ok(())
            }
        }
    }

    fn open(&mut self, link: &str) -> Result<(), Stop> {
        let from_stdin;
        let (name, link) = if link == "-" {
            let limit = 2 * share::MAX_LINK_CHARS as u64 + 1;
            match self.io.read(Path::new("-"), limit) {
                Ok(bytes) => {
                    from_stdin = String::from_utf8_lossy(&bytes).into_owned();
                    ("(standard input)", from_stdin.as_str())
                }
                Err(e) => {
                    self.fail("(standard input)", &format!("cannot be read: {e}"));
                    return Ok(());
                }
            }
        } else {
            ("the link", link)
        };
        let opened = match share::open(link.trim(), self.cat) {
            Ok(Link::Plain(preview)) => Ok(*preview),
            Ok(Link::Encrypted(sealed)) => {
                self.decrypt(&sealed, |e| ShareError::Encrypted(e).to_string())
            }
            Err(e) => Err(e.to_string()),
        };
        match opened {
            Ok(preview) => {
                for warning in &preview.warnings {
                    self.io.err(&format!("{name}: good to know: {warning}"));
                }
                match codec::encode(&preview.assessment, self.cat) {
                    Ok(json) => self.out(&json),
                    Err(e) => {
                        self.fail(name, &e.to_string());
                        Ok(())
                    }
                }
            }
            Err(message) => {
                self.fail(name, &message);
                Ok(())
            }
        }
    }
}
