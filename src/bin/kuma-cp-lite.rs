//! The kuma-cp-lite binary: everything lives in the library.
fn main() -> std::process::ExitCode {
    kumactl::cp_lite::cli::main()
}
