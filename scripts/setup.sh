# Sourced by scripts/serve and scripts/test: installs whatever is missing, skips what is there.
# Nothing comes from GitHub or a CDN: crates.io, npm and Debian's packages only.
# Usage: source scripts/setup.sh [--browser]   (--browser also installs Debian's Chromium)

TRUNK_VERSION=0.21.14
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

step() { printf '\n== %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "installing Trunk $TRUNK_VERSION (about 8 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# The CLI must equal the wasm-bindgen crate in Cargo.lock exactly. Without --locked: one of its
# pinned dependency versions is missing from the registry here.
bindgen_version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  step "installing wasm-bindgen-cli $bindgen_version (about 3 minutes, once)"
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi
if ! grep -q "wasm_bindgen = \"$bindgen_version\"" Trunk.toml; then
  echo "Trunk.toml's wasm_bindgen differs from Cargo.lock's $bindgen_version: make them equal." >&2
  return 1
fi

# npm ci when node_modules is missing or older than package-lock.json. It brings ECharts,
# esbuild, Playwright, axe-core and binaryen's wasm-opt (Debian's wasm-opt is too old).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "installing npm packages"
  npm ci --no-audit --no-fund || {
    echo "npm ci failed. If it says the lock file is out of sync: npm install --package-lock-only" >&2
    return 1
  }
fi

# Debian's packages for the browser tests, each only when its command is missing.
debian_package() { # command (or file), why, packages...
  [ "${SETUP_BROWSER:-}" = yes ] || return 0
  { [ -e "$1" ] || command -v "$1" >/dev/null; } && return 0
  step "installing Debian's $3 $2"
  local sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${@:3}"
}
SETUP_BROWSER=no
[ "${1:-}" = "--browser" ] && SETUP_BROWSER=yes
debian_package /usr/bin/chromium "for the browser tests" chromium chromium-driver
debian_package /usr/bin/chromedriver "for the browser tests" chromium chromium-driver
# ffmpeg turns the phone's screenshot of its reply code into a video for Chromium's fake camera.
debian_package ffmpeg "for the webcam test" ffmpeg
# zbar reads the plan's QR code from a photo of the laptop's screen: a decoder that is not ours.
debian_package zbarimg "for the plan's QR code test" zbar-tools
# Tigrinya's Ethiopic script, which phones have (Noto Sans Ethiopic on Android, Kefa on iOS) and
# this machine lacks: her pages in Tigrinya are measured and looked at in a real font.
debian_package /usr/share/fonts/truetype/abyssinica/AbyssinicaSIL-Regular.ttf "for her pages in Tigrinya" fonts-sil-abyssinica
return 0
