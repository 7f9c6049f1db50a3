#!/usr/bin/env bash
# Transform ECDQ against zfp on signals with memory (issue 10): file sizes at equal or lower MSE, whole files.
#
#   benchmarks/transform-compare.sh [--keep DIR] [--lattice SPEC]
#
# Signals (all generated here from fixed seeds, so the table is reproducible):
#   ar1     AR(1), rho = 0.99, unit variance, 2^20 float64 samples            --mse 0.001
#   iid     i.i.d. N(0,1), 2^20 float64 samples (latq generate, seed 1)       --mse 0.01
#   field   smooth 1024x1024 float32 field in a .npy (Gaussian random field,
#           amplitude spectrum |k|^-3, unit variance)                        --mse 1e-6
#   speech  synthetic speech (espeak-ng), 48 kHz PCM16 mono WAV               --snr 30
#   stereo  the speech plus a delayed, attenuated copy and noise, 2 channels  --snr 30
# latq runs with its default settings (lattice polar:n=1024, --transform auto) unless --lattice is given; zfp runs
# in fixed-accuracy mode (-a) on the same samples as raw floats (PCM in full-scale [-1, 1) units, the units latq
# codes WAV in), with the tolerance bisected to the largest one whose MSE is at most latq's. Every MSE is measured
# from a decoded file. Needs python3 with numpy, espeak-ng, sox and zfp (installed with apt-get when missing).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
keep=""
lattice=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --keep) keep="$2"; shift 2 ;;
    --lattice) lattice="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "transform-compare: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
need=()
command -v zfp >/dev/null || need+=(zfp)
command -v espeak-ng >/dev/null || need+=(espeak-ng)
command -v sox >/dev/null || need+=(sox)
if [[ ${#need[@]} -gt 0 ]]; then
  echo "transform-compare: installing ${need[*]}..." >&2
  (apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "${need[@]}"; }) \
    >/dev/null 2>&1 || { echo "transform-compare: could not install ${need[*]}" >&2; exit 1; }
fi
python3 -c 'import numpy' 2>/dev/null || { echo "transform-compare: needs python3 with numpy" >&2; exit 1; }
export LATQ_NO_PROGRESS=1
latq() { "$root/latq" "$@"; }
latq --version >/dev/null
if [[ -n "$keep" ]]; then work="$keep"; mkdir -p "$work"; else
  work="$(mktemp -d "${TMPDIR:-/tmp}/latq-transform.XXXXXX")"; trap 'rm -rf "$work"' EXIT; fi
cd "$work"

latq generate gaussian --samples 1048576 --seed 1 -o iid.f64 --force >/dev/null
espeak-ng -w sp.wav -s 150 "The quick brown fox jumps over the lazy dog. Engineers compress audio, sensor traces \
and simulation fields every day. Lattice quantization with entropy coding approaches the rate distortion bound for \
Gaussian sources, and transform coding extends it to signals with memory." 2>/dev/null
sox sp.wav -r 48000 -b 16 speech.wav
python3 - <<'PY'
import numpy as np, wave
rng = np.random.default_rng(12345)
n, rho = 1 << 20, 0.99
e = rng.standard_normal(n) * np.sqrt(1 - rho * rho)
x = np.empty(n); x[0] = rng.standard_normal()
for i in range(1, n):
    x[i] = rho * x[i - 1] + e[i]
x.astype('<f8').tofile('ar1.f64')
k = np.fft.fftfreq(1024)
kx, ky = np.meshgrid(k, k, indexing='ij')
r = np.sqrt(kx ** 2 + ky ** 2); r[0, 0] = 1
amp = r ** -3.0; amp[0, 0] = 0
f = np.real(np.fft.ifft2(np.fft.fft2(rng.standard_normal((1024, 1024))) * amp))
np.save('field.npy', (f / f.std()).astype('<f4'))
w = wave.open('speech.wav'); s = np.frombuffer(w.readframes(w.getnframes()), dtype='<i2').astype(np.float64)
d = np.concatenate([np.zeros(240), s[:-240]])
st = np.stack([s, np.clip(0.7 * d + rng.normal(0, 30, len(s)), -32768, 32767)], axis=1).astype('<i2')
o = wave.open('stereo.wav', 'wb'); o.setnchannels(2); o.setsampwidth(2); o.setframerate(48000)
o.writeframes(st.tobytes()); o.close()
PY

# raw floats for zfp: name dtype dims...
to_raw() { python3 - "$1" "$2" <<'PY'
import sys, numpy as np, wave
src, dst = sys.argv[1], sys.argv[2]
if src.endswith('.npy'):
    np.load(src).astype('<f4').tofile(dst)
elif src.endswith('.wav'):
    w = wave.open(src); a = np.frombuffer(w.readframes(w.getnframes()), dtype='<i2').astype(np.float32) / 32768
    a.tofile(dst)
else:
    np.fromfile(src, dtype='<f8').tofile(dst)
PY
}

zfp_match() { # raw typeflag target_mse dims... -> "bytes mse tolerance"
  python3 - "$@" <<'PY'
import subprocess, sys, re, os, math
f, t, target, dims = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4:]
z = f + '.zfp'
def run(tol):
    out = subprocess.run(['zfp', '-i', f, t, '-%d' % len(dims)] + dims + ['-a', repr(tol), '-z', z, '-s'],
                         capture_output=True, text=True).stderr
    return os.path.getsize(z), float(re.search(r' rmse=(\S+)', out).group(1)) ** 2
lo, hi, best = 1e-12, 10.0, None
for _ in range(60):
    mid = math.sqrt(lo * hi)
    size, mse = run(mid)
    if mse <= target:
        best, lo = (size, mse, mid), mid
    else:
        hi = mid
    if hi / lo < 1.0001:
        break
print(best[0], best[1], best[2])
PY
}

printf '| signal | target | transform | latq bits/sample | latq MSE | process R(D) | gap | i.i.d. R(D) | latq bytes | zfp -a bytes (MSE) | latq/zfp |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|\n'
run() { # name file target-flag target-value zfp-type dims...
  local name="$1" file="$2" flag="$3" value="$4" zt="$5"; shift 5
  local ext="${file##*.}" lat=()
  [[ -n "$lattice" ]] && lat=(--lattice "$lattice")
  local line
  line="$(latq compress -i "$file" -o "$name.lq" "$flag" "$value" "${lat[@]}" --seed 1 --json --force)"
  latq decompress -i "$name.lq" -o "$name.out.$ext" --force >/dev/null
  local mse bps proc gap iid tr bytes
  mse="$(latq compare "$file" "$name.out.$ext" --json | sed -n 's/.*"mse":\([^,}]*\).*/\1/p')"
  bytes="$(stat -c %s "$name.lq")"
  bps="$(sed -n 's/.*"bits_per_sample":\([^,}]*\).*/\1/p' <<<"$line")"
  proc="$(sed -n 's/.*"rd_process_bits_per_sample":\([^,}]*\).*/\1/p' <<<"$line")"
  gap="$(sed -n 's/.*"gap_bits_per_sample":\([^,}]*\).*/\1/p' <<<"$line")"
  iid="$(sed -n 's/.*"rd_iid_bits_per_sample":\([^,}]*\).*/\1/p' <<<"$line")"
  tr="$(sed -n 's/.*"transform":"\([^"]*\)".*/\1/p' <<<"$line")"
  to_raw "$file" "$name.raw"
  read -r zb zm _ <<<"$(zfp_match "$name.raw" "$zt" "$mse" "$@")"
  printf '| %s | %s %s | %s | %.4f | %.4g | %.4f | %.4f | %.4f | %d | %d (%.4g) | %.3f |\n' "$name" "$flag" "$value" \
    "$tr" "$bps" "$mse" "$proc" "$gap" "$iid" "$bytes" "$zb" "$zm" "$(python3 -c "print($bytes/$zb)")"
}
run ar1 ar1.f64 --mse 0.001 -d 1048576
run iid iid.f64 --mse 0.01 -d 1048576
run field field.npy --mse 1e-6 -f 1024 1024
nsp="$(python3 -c "import wave; print(wave.open('speech.wav').getnframes())")"
run speech speech.wav --snr 30 -f "$nsp"
run stereo stereo.wav --snr 30 -f "$((2 * nsp))"
