//! The kumactl binary: everything lives in the library.
fn main() -> std::process::ExitCode {
    kumactl::cmd::main()
}
