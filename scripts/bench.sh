#!/usr/bin/env bash
# Measures tdkt on a province-sized record set against the typst program.
#   scripts/bench.sh [UNITS] [PEOPLE]        (default: 300 3000)
# Installs what it uses when missing: hyperfine and GNU time (Debian), and
# typst-cli of the same version as the library (cargo install, slow once).
# Figures are printed as a Markdown table and kept in $BENCH_DIR/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."

UNITS=${1:-300}
PEOPLE=${2:-3000}
WORK=${BENCH_DIR:-$(mktemp -d /tmp/tdkt-bench.XXXXXX)}
TYPST_VERSION=0.15.1
CORES=$(nproc)

apt_install() {
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
command -v hyperfine >/dev/null || apt_install hyperfine
[ -x /usr/bin/time ] || apt_install time
if ! typst --version 2>/dev/null | grep -q "$TYPST_VERSION"; then
  cargo install typst-cli --version "$TYPST_VERSION" --locked
fi
TYPST=$(command -v typst)

cargo build --release --bins --examples
TDKT=$PWD/target/release/tdkt
REC=$WORK/records
OUT=$WORK/output
BASE=$WORK/baseline
rm -rf "$REC" "$OUT" "$BASE"
target/release/examples/gen-records --units "$UNITS" --people "$PEOPLE" "$REC"

# The documents, and the Typst sources the baseline compiles.
"$TDKT" build --records "$REC" --out "$BASE" --emit-typ >/dev/null
DOCS=$(find "$BASE" -name '*.pdf' | wc -l)
find "$BASE" -name '*.typ' ! -path "$BASE/the-thuc.typ" | sort > "$WORK/sources.txt"

# 1. Cold build: every document rendered.
hyperfine --runs 3 --export-json "$WORK/cold.json" \
  --prepare "rm -rf '$OUT'" \
  "$TDKT build --records '$REC' --out '$OUT' --force"
/usr/bin/time -v "$TDKT" build --records "$REC" --out "$OUT" --force >/dev/null 2>"$WORK/time.txt"
PEAK_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")

# 2. Rebuild, nothing changed.
hyperfine --warmup 1 --runs 10 --export-json "$WORK/noop.json" \
  "$TDKT build --records '$REC' --out '$OUT'"

# 3. Rebuild after one person's record changed (a commitment, which shows
#    on that person's form; each run toggles it, so each run has one change).
PERSON=$(ls "$REC/ca-nhan" | sed -n '100p')
cat > "$WORK/toggle.py" <<PY
import sys
p = "$REC/ca-nhan/$PERSON"
s = open(p, encoding="utf-8").read()
m = "Ghi chú thêm. "
s = s.replace(m, "", 1) if m in s else s.replace("  cam_ket: >-\n    ", "  cam_ket: >-\n    " + m, 1)
open(p, "w", encoding="utf-8").write(s)
PY
hyperfine --runs 10 --export-json "$WORK/one.json" \
  --prepare "python3 '$WORK/toggle.py'" \
  "$TDKT build --records '$REC' --out '$OUT'"
python3 "$WORK/toggle.py"
ONE_RENDERED=$("$TDKT" build -v --records "$REC" --out "$OUT" | grep -c '  lập:' || true)

# 3b. The same when the change is a name, which the registration list (one
#     long document naming everyone) and the person's form both show.
cat > "$WORK/rename.py" <<PY
p = "$REC/ca-nhan/$PERSON"
s = open(p, encoding="utf-8").read()
a, b = "ho_ten: ", "ho_ten: Ông "
s = s.replace(b, a, 1) if b in s else s.replace(a, b, 1)
open(p, "w", encoding="utf-8").write(s)
PY
hyperfine --runs 5 --export-json "$WORK/rename.json" \
  --prepare "python3 '$WORK/rename.py'" \
  "$TDKT build --records '$REC' --out '$OUT'"

# 4. Baseline: the typst program, one process per document, as many in
#    parallel as cores, on the same sources and fonts.
hyperfine --runs 2 --export-json "$WORK/typst.json" \
  "xargs -P $CORES -n 1 '$TYPST' compile --input the-thuc=dang --input 'font=Liberation Serif' --root '$BASE' --font-path '$BASE/fonts' --ignore-system-fonts --pdf-standard a-2b --no-pdf-tags < '$WORK/sources.txt'"

mean() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['mean'])" "$1"; }
COLD=$(mean "$WORK/cold.json"); NOOP=$(mean "$WORK/noop.json"); ONE=$(mean "$WORK/one.json")
RENAME=$(mean "$WORK/rename.json"); BASEL=$(mean "$WORK/typst.json")
python3 - "$DOCS" "$COLD" "$NOOP" "$ONE" "$RENAME" "$BASEL" "$PEAK_KB" "$ONE_RENDERED" "$UNITS" "$PEOPLE" "$CORES" <<'PY' | tee "$WORK/results.md"
import sys
docs, cold, noop, one, rename, base, peak, one_n, units, people, cores = sys.argv[1:]
docs = int(docs); cold, noop, one, rename, base = map(float, (cold, noop, one, rename, base))
print(f"Records: {units} units, {people} people -> {docs} documents; {cores} cores.\n")
print("| measurement | time | documents/s | note |")
print("|---|---|---|---|")
print(f"| tdkt cold build (`--force`) | {cold:.2f} s | {docs / cold:.0f} | peak memory {int(peak) / 1024:.0f} MB |")
print(f"| tdkt rebuild, nothing changed | {noop:.3f} s | | 0 rendered |")
print(f"| tdkt rebuild, one person's commitment changed | {one:.3f} s | | {one_n} rendered |")
print(f"| tdkt rebuild, one person's name changed | {rename:.3f} s | | their form and the registration list |")
print(f"| typst {'0.15.1'} CLI, one process per document, {cores} in parallel | {base:.2f} s | {docs / base:.0f} | baseline |")
print(f"\nCold build throughput: {base / cold:.1f}x the typst program's.")
PY
echo "Raw figures: $WORK"
