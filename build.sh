#!/usr/bin/env bash
# build.sh — the one entry point: build | serve | test | bench.
#
#   ./build.sh          build everything into dist/ (same as ./build.sh build)
#   ./build.sh serve    build, then serve the demo on http://127.0.0.1:8080/ (ADDR=host:port to change)
#   ./build.sh test     go vet, Go tests (host, -race, wasm under node), JS tests, browser end-to-end tests
#   ./build.sh bench    the reader's benchmarks
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$PWD
DIST=$ROOT/dist
WEB_OUT=$DIST/web
WEBROOT=$ROOT/cmd/cleanread/webroot
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

usage() {
  cat <<'EOF'
Usage: ./build.sh [command]

Commands:
  build   build the web app into dist/web and the CLI into dist/cleanread (the default)
  serve   build, then serve the demo (ADDR=host:port, default 127.0.0.1:8080)
  test    go vet, Go tests (host, -race, wasm under node), JS tests and browser end-to-end tests
  bench   run the reader's benchmarks
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

# web_files lists the web app's source files: pages, modules, styles, the sample.
web_files() {
  find web -maxdepth 1 -type f \( -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.svg' \) ! -name 'wasm_exec.js' | sort
}

build_web() {
  need_go
  local v goroot
  v=$(version)
  goroot=$(go env GOROOT)
  say "building the web app into dist/web (version $v)"
  rm -rf "$WEB_OUT"
  mkdir -p "$WEB_OUT"
  # shellcheck disable=SC2046
  cp $(web_files) "$WEB_OUT/"
  cp "$goroot/lib/wasm/wasm_exec.js" "$WEB_OUT/wasm_exec.js"
  GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w -X main.version=$v" -o "$WEB_OUT/cleanread.wasm" ./wasm
  compress_web
}

# compress_web writes .gz (and .br when the brotli CLI is present) next to
# every file worth compressing; webserve serves them when the client accepts.
compress_web() {
  need gzip "Install gzip (Debian: apt-get install -y gzip)."
  local files
  mapfile -t files < <(find "$WEB_OUT" -maxdepth 1 -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' \))
  gzip -9 -k -f -n "${files[@]}"
  if command -v brotli >/dev/null 2>&1; then
    brotli -q 11 -k -f "${files[@]}"
  else
    say "note: brotli not found, so no .br variants (Debian: apt-get install -y brotli); gzip variants are written"
  fi
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
  report_sizes
}

report_sizes() {
  local f=$WEB_OUT/cleanread.wasm
  local raw gz br=-
  raw=$(wc -c <"$f")
  gz=$(wc -c <"$f.gz")
  [[ -f $f.br ]] && br=$(wc -c <"$f.br")
  say "cleanread.wasm: $raw bytes raw, $gz gzip, $br brotli"
}

cmd_serve() {
  cmd_build
  local addr=${ADDR:-127.0.0.1:8080}
  say "serving the demo at http://$addr/ (Ctrl+C stops)"
  exec "$DIST/cleanread" serve -addr "$addr"
}

# ensure_chromium makes sure the browser tests have Debian's chromium: it
# installs it when running as root, and otherwise fails saying how.
ensure_chromium() {
  [[ -x $CHROMIUM ]] && return
  if [[ $CHROMIUM == /usr/bin/chromium && $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    say "chromium is missing: installing it with apt-get (needed by the browser tests)"
    apt-get update && apt-get install -y chromium
    [[ -x $CHROMIUM ]] || die "apt-get ran but $CHROMIUM is still missing"
    return
  fi
  die "the browser tests need Chromium at $CHROMIUM. Install it with: sudo apt-get update && sudo apt-get install -y chromium (or set CHROMIUM=/path/to/chromium)"
}

cmd_test() {
  need_go
  need_node
  ensure_chromium
  cmd_build

  say "gofmt"
  local unformatted
  unformatted=$(gofmt -l $(git ls-files --cached --others --exclude-standard -- '*.go'))
  [[ -z $unformatted ]] || die "gofmt wants changes in: $unformatted"

  say "go vet (host and js/wasm)"
  go vet ./...
  go vet -tags e2e ./e2e/
  GOOS=js GOARCH=wasm go vet ./wasm/...

  say "go test (host)"
  go test ./...

  say "go test -race ./reader/"
  go test -race ./reader/

  say "go test ./wasm/... under node"
  PATH="$(go env GOROOT)/lib/wasm:$PATH" GOOS=js GOARCH=wasm go test ./wasm/...

  say "JS tests (node --test web/test/)"
  node --test web/test/

  say "browser end-to-end tests (headless Chromium)"
  CHROMIUM=$CHROMIUM go test -tags e2e -count=1 -timeout 10m ./e2e/
  say "all tests passed"
}

cmd_bench() {
  need_go
  go test -run '^$' -bench . -benchmem ./reader/
}

case ${1:-build} in
build) cmd_build ;;
serve) cmd_serve ;;
test) cmd_test ;;
bench) cmd_bench ;;
help | -h | --help) usage ;;
*)
  printf 'build.sh: unknown command %q\n\n' "$1" >&2
  usage >&2
  exit 2
  ;;
esac
