//! Mounts the quiz page (quiz.html); everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    aims_readiness::ui::quiz::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the quiz page of a web app: run `make serve` and open http://127.0.0.1:8080/quiz.html");
}
