//! The command line's arguments, and `aims --help`.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// What `aims --help` ends with: the exit codes.
pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0  everything asked for was done (`diff`: whether or not the two differ)
  1  a file could not be read or is not an assessment the app would import
     (an encrypted one: without --passphrase-file, or with a wrong
     passphrase or a changed byte), or what was asked cannot be made from
     it (a share link too long); the other files were still handled. Also
     when the passphrase file cannot be read: then nothing is done
  2  the command line is wrong (unknown command or option, no file name)

`-` in place of a file (or a link) reads standard input. Results go to
standard output, errors to standard error. Everything runs on this
machine: nothing is sent anywhere.

Encrypted files and share links (made by the app with a passphrase) are
opened with --passphrase-file PATH: the passphrase is the file's first
line, without its line ending. It is never given on the command line,
where other users of the machine could see it.";

/// ISO/IEC 42001 readiness self-assessment on the command line: checks, scores, compares and exports
/// assessment files exported by the app, with the app's own rules, messages and documents.
#[derive(Debug, Parser)]
#[command(name = "aims", version, after_help = EXIT_CODES_HELP, propagate_version = true)]
pub struct Args {
    /// Opens encrypted files and links with the passphrase on the first line of this file (spaces count,
    /// the line ending does not); `-` reads it from standard input.
    #[arg(long, global = true, value_name = "PATH")]
    pub passphrase_file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

impl Command {
    /// Whether the command reads an assessment or a link from standard input (`-`).
    pub fn reads_standard_input(&self) -> bool {
        let dash = |p: &PathBuf| p.as_os_str() == "-";
        match self {
            Command::Check { files } | Command::Score { files, .. } => files.iter().any(dash),
            Command::Diff { before, after, .. } => dash(before) || dash(after),
            Command::Report { file, .. } | Command::Link { file, .. } => dash(file),
            Command::Open { link } => link == "-",
        }
    }
}

/// One command.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Checks files as the app's import does, with its messages.
    Check {
        /// Assessment files (.json), or `-` for standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Readiness per section and aggregate, completion and band, by the published scoring rule.
    Score {
        /// One JSON object per file (an array of them for several files).
        #[arg(long)]
        json: bool,
        /// Assessment files (.json), or `-` for standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Compares an earlier assessment with a later one: changes are later − earlier.
    Diff {
        /// The comparison as JSON (the same as `--format json`).
        #[arg(long, conflicts_with = "format")]
        json: bool,
        /// The document to print.
        #[arg(long, value_enum, default_value_t = DiffFormat::Md)]
        format: DiffFormat,
        /// The earlier assessment file.
        before: PathBuf,
        /// The later assessment file.
        after: PathBuf,
    },
    /// Prints a document the app exports, byte for byte as the app makes it from the same file.
    Report {
        /// The assessment file (.json), or `-` for standard input.
        file: PathBuf,
        /// md: the report; html: the report as a web page; csv: every answer; soa-csv: the Statement of
        /// Applicability; policy-md, policy-html: the AI policy draft; json: the file as the app exports it.
        #[arg(long, value_enum)]
        format: ReportFormat,
    },
    /// Prints a share link holding the assessment, as the app's "Copy share link" makes it.
    Link {
        /// The assessment file (.json), or `-` for standard input.
        file: PathBuf,
        /// Include notes, evidence, owners and due dates (the app leaves them out unless asked).
        #[arg(long)]
        notes: bool,
        /// The app's address, e.g. https://example.org/aims/: without it, only the part from `#` is printed.
        #[arg(long, value_name = "URL")]
        base: Option<String>,
    },
    /// Opens a share link (the whole link or the part from `#share=`) and prints the assessment file.
    Open {
        /// The link, or `-` to read it from standard input (a long link may not fit in an argument).
        link: String,
    },
}

/// What `aims diff` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Md,
    Html,
    Csv,
    Json,
}

/// What `aims report` prints: the app's exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Md,
    Html,
    Csv,
    SoaCsv,
    PolicyMd,
    PolicyHtml,
    Json,
}
