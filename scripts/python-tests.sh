#!/usr/bin/env bash
# The Python recorder's tests (python/tests) with Debian's interpreter, which has NumPy and
# PyTorch; writes test-results/python.json ({"passed":N,"failed":N,"skipped":N}).
set -uo pipefail
cd "$(dirname "$0")/.."
# One BLAS/OpenMP thread: the tests are small and other test runners share the cores.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONDONTWRITEBYTECODE=1
exec /usr/bin/python3 python/run_tests.py test-results/python.json
