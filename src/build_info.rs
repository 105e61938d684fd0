//! Versions this build speaks and reports.

/// The product whose API and CLI we mirror.
pub const PRODUCT: &str = "Kuma";
/// The Kuma release we are compatible with (reported as the client version).
pub const KUMA_VERSION: &str = "2.14.3";
/// This project's own version.
pub const PACKAGE_VERSION: &str = env!("CARGO_PKG_VERSION");
/// The git commit this binary was built from ("unknown" outside a checkout).
pub const GIT_COMMIT: &str = env!("KUMACTL_GIT_COMMIT");
/// The date of that commit.
pub const BUILD_DATE: &str = env!("KUMACTL_BUILD_DATE");

/// First 7 characters of the commit, as Kuma puts in its User-Agent.
pub fn short_commit() -> &'static str {
    GIT_COMMIT.get(..7).unwrap_or(GIT_COMMIT)
}

/// Go's GOOS name for this platform.
pub fn go_os() -> &'static str {
    match std::env::consts::OS {
        "macos" => "darwin",
        other => other,
    }
}

/// Go's GOARCH name for this platform.
pub fn go_arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        "powerpc64" => "ppc64",
        other => other,
    }
}

/// `kumactl/<version> (<os>; <arch>; Kuma/<commit>)`, as Go kumactl sends.
pub fn user_agent() -> String {
    format!(
        "kumactl/{KUMA_VERSION} ({}; {}; {PRODUCT}/{})",
        go_os(),
        go_arch(),
        short_commit()
    )
}
