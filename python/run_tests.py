"""Runs the Python tests (python/tests) and writes their counts for the CI summary.

Usage: /usr/bin/python3 python/run_tests.py [results.json]  (default test-results/python.json)
Writes {"passed": N, "failed": N, "skipped": N}; exits 1 when any test failed or errored."""
import json
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    target = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '..', 'test-results', 'python.json')
    suite = unittest.defaultTestLoader.discover(os.path.join(HERE, 'tests'), top_level_dir=HERE)
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    skipped = len(result.skipped)
    # A test module that fails to import shows up as an error, so it is counted, not lost.
    counts = {'passed': result.testsRun - failed - skipped, 'failed': failed, 'skipped': skipped}
    os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
    with open(target, 'w', encoding='utf-8') as out:
        json.dump(counts, out)
        out.write('\n')
    print(json.dumps(counts))
    return 1 if failed or result.testsRun == 0 else 0


if __name__ == '__main__':
    sys.exit(main())
