//! `aims`, the command line: reads files and standard input and writes to the terminal for
//! `aims_readiness::cli`, which decides everything else (see `aims --help`).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let mut terminal = terminal::Terminal::new();
    let code = aims_readiness::cli::run(std::env::args_os(), &mut terminal);
    terminal.finish();
    std::process::ExitCode::from(code)
}

// A command line has no place in the browser; the wasm32 build of this crate's binaries (clippy's
// `--bins`) compiles this instead, and Trunk builds only the app (index.html's `data-bin`).
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod terminal {
    use std::fs::File;
    use std::io::{self, BufWriter, IsTerminal, Read, Stderr, Stdout, Write};
    use std::path::Path;

    /// Standard output (buffered), standard error, and whether a progress line is on the screen.
    pub struct Terminal {
        stdout: BufWriter<Stdout>,
        stderr: Stderr,
        stdout_is_terminal: bool,
        stderr_is_terminal: bool,
        progress_shown: bool,
    }

    impl Terminal {
        pub fn new() -> Terminal {
            Terminal {
                stdout: BufWriter::with_capacity(64 * 1024, io::stdout()),
                stderr: io::stderr(),
                stdout_is_terminal: io::stdout().is_terminal(),
                stderr_is_terminal: io::stderr().is_terminal(),
                progress_shown: false,
            }
        }

        /// Writes what is still buffered; a closed output has nothing left to say.
        pub fn finish(&mut self) {
            let _ = self.stdout.flush();
        }

        fn clear_progress(&mut self) {
            if self.progress_shown {
                let _ = write!(self.stderr, "\r\x1b[K");
                self.progress_shown = false;
            }
        }
    }

    impl aims_readiness::cli::Io for Terminal {
        fn read(&mut self, path: &Path, limit: u64) -> io::Result<Vec<u8>> {
            let mut bytes = Vec::new();
            if path.as_os_str() == "-" {
                io::stdin().lock().take(limit).read_to_end(&mut bytes)?;
            } else {
                File::open(path)?.take(limit).read_to_end(&mut bytes)?;
            }
            Ok(bytes)
        }

        fn out(&mut self, bytes: &[u8]) -> io::Result<()> {
            if self.stdout_is_terminal {
                self.clear_progress();
            }
            self.stdout.write_all(bytes)
        }

        fn err(&mut self, text: &str) {
            // In order with what went to standard output before it, when both are the same terminal.
            let _ = self.stdout.flush();
            self.clear_progress();
            let _ = writeln!(self.stderr, "{text}");
        }

        fn shows_progress(&self) -> bool {
            self.stderr_is_terminal
        }

        fn progress(&mut self, line: &str) {
            if self.stdout_is_terminal {
                let _ = self.stdout.flush();
            }
            let _ = write!(self.stderr, "\r\x1b[K{line}");
            self.progress_shown = !line.is_empty();
        }
    }
}
