#!/usr/bin/env bash
# build.sh — the one entry point: build | serve | test | bench.
#
#   ./build.sh          build everything into dist/ (same as ./build.sh build)
#   ./build.sh serve    build, then serve the demo on http://127.0.0.1:8080/ (ADDR=host:port to change)
#   ./build.sh test     go vet, Go tests (host, -race, wasm under node), JS tests, browser end-to-end tests
#   ./build.sh bench    native Go benchmarks, then cleanread vs Readability.js in headless Chromium
#   ./build.sh fuzz     run each fuzz target for FUZZTIME (default 30s)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$PWD
DIST=$ROOT/dist
WEB_OUT=$DIST/web
WEBROOT=$ROOT/cmd/cleanread/webroot
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
FIREFOX=${FIREFOX:-/usr/bin/firefox-esr}

usage() {
  cat <<'EOF'
Usage: ./build.sh [command]

Commands:
  build   build the web app into dist/web, the extensions and the CLI into dist/cleanread (the default)
  release the same, with the wasm compressed by maximal brotli (slow, cached by content)
  serve   build, then serve the demo (ADDR=host:port, default 127.0.0.1:8080)
  test    go vet, Go tests (host, -race, wasm under node), JS tests and browser end-to-end tests
          in Chromium and Firefox (CHROMIUM=, FIREFOX= name the binaries)
  bench   native Go benchmarks (CPUPROFILE=file writes a CPU profile), then the in-browser
          benchmark against Readability.js + DOMPurify; extra arguments go to the bench
          program, e.g. ./build.sh bench -pages 20 -runs 3 (see bench/README.md)
  fuzz    run FuzzClean and FuzzBridgeArgs for FUZZTIME each (default 30s)
  help    show this message
EOF
}

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

need() {
  local tool=$1 hint=$2
  command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed or not on PATH. $hint"
}

need_go() { need go "Install Go 1.26 or newer from https://go.dev/dl/."; }
need_node() {
  need node "Install Node.js 20 or newer (Debian: apt-get install -y nodejs)."
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  ((major >= 20)) || die "Node.js 20 or newer is needed, found $(node --version)."
}

version() {
  git describe --tags --always --dirty 2>/dev/null || echo dev
}

# build_web compiles the wasm into dist/web, then has the build program
# (build/, Go with esbuild) bundle the scripts, render the pages, assemble
# the extensions and precompress: BUILD_MODE=release (./build.sh release)
# compresses big files maximally, dev builds only when cached by content.
build_web() {
  need_go
  local v goroot
  v=$(version)
  goroot=$(go env GOROOT)
  say "building the web app into dist/web (version $v)"
  rm -rf "$WEB_OUT"
  mkdir -p "$WEB_OUT"
  # The wasm compiles three dependencies with code only native callers need
  # left out or made lazy, from patched copies the build program writes (the
  # patches and why: build/modpatch.go). It prints the go.mod to build with,
  # or nothing when a module no longer looks as a patch expects (it says
  # which on stderr), and then the wasm is built from the modules as they are.
  local modflag=() modfile
  modfile=$(go -C build run . modpatch -root "$ROOT" -out "$DIST/modpatch") ||
    die "patching the wasm's modules failed (go -C build run . modpatch)"
  if [[ -n $modfile ]]; then
    modflag=(-modfile "$modfile")
  else
    say "building the wasm from the modules unpatched"
  fi
  # -buildid= leaves out Go's build id: nothing reads it in a shipped wasm.
  GOOS=js GOARCH=wasm go build "${modflag[@]}" -trimpath -ldflags="-s -w -buildid= -X main.version=$v" -o "$WEB_OUT/cleanread.wasm" ./wasm
  [[ -z ${WASM_OPT:-} ]] || optimize_wasm "$WEB_OUT/cleanread.wasm"
  go -C build run . -root "$ROOT" -goroot "$goroot" -mode "${BUILD_MODE:-dev}"
}

build_cli() {
  need_go
  say "copying dist/web into cmd/cleanread/webroot and building dist/cleanread"
  mkdir -p "$WEBROOT"
  find "$WEBROOT" -mindepth 1 -maxdepth 1 ! -name README.md ! -name .gitignore -exec rm -rf {} +
  cp -R "$WEB_OUT/." "$WEBROOT/"
  go build -trimpath -ldflags="-s -w -X main.version=$(version)" -o "$DIST/cleanread" ./cmd/cleanread
}

cmd_build() {
  build_web
  build_cli
}

# ensure_port_free stops serve when something already listens at ADDR (or
# the default), naming the port and how to pick another. It runs before the
# build, so a busy port is told at once, and again just before serving.
ensure_port_free() {
  local addr=$1 host port
  [[ $addr == *:* ]] || return 0 # the CLI explains a malformed address
  port=${addr##*:}
  host=${addr%:*}
  host=${host#[}
  host=${host%]}
  case $host in '' | 0.0.0.0) host=127.0.0.1 ;; ::) host=::1 ;; esac
  [[ $port == 0 ]] && return 0
  if timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$host" "$port" 2>/dev/null; then
    die "port $port on $host is busy: another server already listens there (an earlier ./build.sh serve?)." \
      "Stop it, or pick another address with ADDR=host:port, e.g. ADDR=127.0.0.1:8081 ./build.sh serve" \
      "(ADDR=127.0.0.1:0 picks any free port)."
  fi
}

cmd_serve() {
  local addr=${ADDR:-127.0.0.1:8080}
  ensure_port_free "$addr"
  cmd_build
  ensure_port_free "$addr"
  say "serving the demo at http://$addr/ (Ctrl+C stops; ADDR=host:port serves elsewhere)"
  exec "$DIST/cleanread" serve -addr "$addr"
}

# ensure_chromium and ensure_firefox check that the browser tests have their
# browsers, and otherwise fail saying how to install them. build.sh installs
# no system packages: .ci/run does that on a fresh CI machine. Firefox is
# driven over WebDriver BiDi, so no geckodriver is needed.
ensure_chromium() {
  [[ -x $CHROMIUM ]] && return
  die "the browser tests need Chromium at $CHROMIUM. Install it (Debian: sudo apt-get install -y chromium), or set CHROMIUM=/path/to/chromium"
}

ensure_firefox() {
  [[ -x $FIREFOX ]] && return
  die "the browser tests need Firefox at $FIREFOX. Install it (Debian: sudo apt-get install -y firefox-esr), or set FIREFOX=/path/to/firefox"
}

# The npm tools of the tests — web-ext (Firefox's add-on linter, for
# lint_extension) and axe-core (injected by e2e into the reading view for its
# accessibility checks; never shipped) — are pinned in tools/package.json
# with tools/package-lock.json. ensure_tools installs them with npm ci into a
# cache folder outside the repository named by the lockfile's hash, so a warm
# machine installs nothing and a changed lockfile gets a fresh folder.
TOOLS_LOCK=$ROOT/tools/package-lock.json
TOOLS_CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/cleanread
TOOLS_DIR=$TOOLS_CACHE/tools-$(sha256sum "$TOOLS_LOCK" | cut -c1-12)
AXE_JS=$TOOLS_DIR/node_modules/axe-core/axe.min.js
WEB_EXT=$TOOLS_DIR/node_modules/.bin/web-ext
ensure_tools() {
  # .installed is written last, so an interrupted install is done again.
  [[ -f $TOOLS_DIR/.installed ]] && return
  need npm "Install npm (Debian: apt-get install -y npm): the tests use web-ext and axe-core."
  say "installing the test tools of tools/package-lock.json (web-ext, axe-core) into $TOOLS_DIR (npm ci)"
  mkdir -p "$TOOLS_CACHE"
  # Installed beside the final folder and renamed into place, so a build
  # running at the same time never sees half a node_modules.
  local tmp
  tmp=$(mktemp -d "$TOOLS_DIR.XXXXXX")
  cp "$ROOT/tools/package.json" "$TOOLS_LOCK" "$tmp/"
  if ! npm ci --prefix "$tmp" --no-audit --no-fund --loglevel=error; then
    rm -rf "$tmp"
    die "installing the test tools failed; to retry by hand: npm ci --prefix tools"
  fi
  touch "$tmp/.installed"
  if [[ -f $TOOLS_DIR/.installed ]]; then # another build got there first
    rm -rf "$tmp"
    return
  fi
  rm -rf "$TOOLS_DIR" # what an interrupted install left
  mv -T "$tmp" "$TOOLS_DIR"
}

cmd_test() {
  need_go
  need_node
  ensure_chromium
  ensure_firefox
  cmd_build

  say "gofmt"
  local unformatted
  unformatted=$(gofmt -l $(git ls-files --cached --others --exclude-standard -- '*.go'))
  [[ -z $unformatted ]] || die "gofmt wants changes in: $unformatted"

  say "go vet (host and js/wasm)"
  go vet ./...
  go -C e2e vet -tags e2e ./...
  go -C bench vet ./...
  go -C build vet .
  GOOS=js GOARCH=wasm go vet ./wasm/...

  say "go test (host; the bench and build programs' unit tests)"
  go test ./...
  go -C bench test ./...
  go -C build test ./...

  say "go test -race ./reader/"
  go test -race ./reader/

  say "go test ./wasm/... under node"
  PATH="$(go env GOROOT)/lib/wasm:$PATH" GOOS=js GOARCH=wasm go test ./wasm/...

  # The test files by name: web/test also holds helpers (a fake DOM) that
  # are no tests of their own.
  say "JS tests (node --test web/test/*.test.js)"
  node --test web/test/*.test.js

  lint_extension

  ensure_tools
  say "browser end-to-end tests (headless Chromium, then headless Firefox)"
  CHROMIUM=$CHROMIUM FIREFOX=$FIREFOX AXE_JS=$AXE_JS go -C e2e test -tags e2e -count=1 -timeout 12m ./...
  say "all tests passed"
}

# ---- bookmarklet and extension ---------------------------------------------

EXT_OUT=$DIST/extension
EXT_FIREFOX_OUT=$DIST/extension-firefox
# lint_extension runs `web-ext lint` (Firefox's add-on linter) on
# dist/extension-firefox; any error fails the tests, warnings are printed.
lint_extension() {
  ensure_tools
  say "web-ext lint dist/extension-firefox"
  "$WEB_EXT" lint --source-dir "$EXT_FIREFOX_OUT" --no-input
}

# optimize_wasm runs binaryen's wasm-opt over the wasm when WASM_OPT is set
# (WASM_OPT=1 means -O2; any other value is passed as the flags). Optional:
# see bench/README.md for what it gained.
optimize_wasm() {
  need wasm-opt "Install binaryen (Debian: apt-get install -y binaryen), or unset WASM_OPT."
  local flags=$WASM_OPT
  [[ $flags == 1 ]] && flags=-O2
  say "wasm-opt $flags (WASM_OPT)"
  # shellcheck disable=SC2086
  wasm-opt $flags --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int "$1" -o "$1.opt"
  mv "$1.opt" "$1"
}

cmd_bench() {
  need_go
  need_node
  ensure_chromium
  mkdir -p bench/out
  local prof=()
  [[ -z ${CPUPROFILE:-} ]] || prof=(-cpuprofile "$(realpath -m "$CPUPROFILE")" -o bench/out/reader.test)
  say "native Go benchmarks (the Mozilla pages, generated articles of 0.1-10 MB, a 1M-element refusal)"
  go test -run '^$' -bench "${BENCH:-Clean|BigPage|MillionElements}" -benchmem "${prof[@]}" ./reader/ | tee bench/out/go-bench.txt
  [[ -z ${CPUPROFILE:-} ]] || say "CPU profile: $CPUPROFILE (go tool pprof -top bench/out/reader.test $CPUPROFILE)"
  say "serve under load (200 concurrent wasm downloads from a real serve process, its peak RSS)"
  go test -run '^$' -bench ServeLoad -benchtime 3x ./cmd/cleanread/ | tee -a bench/out/go-bench.txt
  if [[ ! -f bench/node_modules/@mozilla/readability/Readability.js || ! -f bench/node_modules/dompurify/dist/purify.js ]]; then
    need npm "Install npm (Debian: apt-get install -y npm): the benchmark's JavaScript baseline comes from npm."
    say "installing the benchmark's baseline (Readability.js, DOMPurify) into bench/node_modules"
    npm ci --prefix bench --no-audit --no-fund --loglevel=error
  fi
  # The shells section times the bookmarklet and the extension as built,
  # with the wasm compressed as a release would ship it.
  BUILD_MODE=release build_web
  # and, for the JavaScript baseline, the same shells bundled again with the
  # engine swapped for bench/www/js-engine.js and no wasm: the shells bundle
  # their engine, so only the build can swap it (build/variant.go).
  say "building the shells around Readability.js + DOMPurify into dist/bench-js"
  go -C build run . -root "$ROOT" -engine bench/www/js-engine.js -out dist/bench-js
  say "in-browser benchmark (headless Chromium): cleanread vs Readability.js + DOMPurify"
  # bench is its own module (chromedp stays out of the library's graph);
  # it is built there and run from here, since its default paths (dist/web,
  # bench/www, bench/out) are relative to the repository root.
  go -C bench build -o out/bench .
  CHROMIUM=$CHROMIUM bench/out/bench -gobench bench/out/go-bench.txt "$@"
}

cmd_fuzz() {
  need_go
  local t=${FUZZTIME:-30s}
  say "fuzzing FuzzClean (reader) for $t"
  go test -run '^$' -fuzz '^FuzzClean$' -fuzztime "$t" -fuzzminimizetime 5s ./reader/
  say "fuzzing FuzzBridgeArgs (the wasm bridge's argument checks, on the host) for $t"
  go test -run '^$' -fuzz '^FuzzBridgeArgs$' -fuzztime "$t" -fuzzminimizetime 5s ./wasm/bridgeargs/
  say "fuzzing done"
}

case ${1:-build} in
build) cmd_build ;;
release) BUILD_MODE=release cmd_build ;;
serve) cmd_serve ;;
test) cmd_test ;;
bench) shift; cmd_bench "$@" ;;
fuzz) cmd_fuzz ;;
help | -h | --help) usage ;;
*)
  printf 'build.sh: unknown command %q\n\n' "$1" >&2
  usage >&2
  exit 2
  ;;
esac
