"""The statistics' building blocks on values small enough to count by hand."""
import math
import unittest

import numpy as np

from activation_lab import stats


class Statistics(unittest.TestCase):
    def test_moments_are_population_moments_of_the_finite_values(self):
        mean, std, bad = stats.moments([1.0, 2.0, 3.0, 4.0, math.nan, math.inf])
        self.assertEqual((mean, bad), (2.5, 2))
        self.assertAlmostEqual(std, math.sqrt(1.25), places=15)
        self.assertTrue(all(math.isnan(v) for v in stats.moments([math.nan])[:2]))

    def test_linear_histogram_keeps_the_top_edge_and_outliers(self):
        definition = stats.bin_definition('linear', 0.0, 1.0, 4)
        self.assertEqual(definition['edges'], [0.0, 0.25, 0.5, 0.75, 1.0])
        counted = stats.histogram([0.0, 0.25, 0.999, 1.0, -0.1, 1.1, math.inf], definition)
        self.assertEqual(counted, {'counts': [1, 1, 0, 2], 'under': 1, 'over': 1, 'non_finite': 1})

    def test_log_histogram_counts_zeros_as_under(self):
        definition = stats.bin_definition('log10abs', -12.0, 2.0, 56)
        counted = stats.histogram([0.0, 1e-13, -1e-3, 1e3], definition)
        self.assertEqual((counted['under'], counted['over'], counted['counts'][36]), (2, 1, 1))
        self.assertEqual(sum(counted['counts']), 1)

    def test_saturation_thresholds(self):
        h = np.array([-0.98, -0.96, 0.5, 0.971])
        self.assertEqual(stats.saturated_fraction(h, 'tanh'), 0.5)
        self.assertEqual(stats.saturated_fraction(np.array([0.02, 0.5, 0.98, 0.97]), 'sigmoid'), 0.5)
        self.assertEqual(stats.saturated_fraction(h, 'relu'), 0.0)

    def test_dead_is_per_channel_over_batch_and_positions(self):
        pre = -np.ones((2, 3, 4, 4))
        pre[1, 1, 3, 3] = 0.1  # one positive value anywhere keeps channel 1 alive
        self.assertEqual(stats.dead_fraction(pre, 'relu', 1), 2 / 3)
        self.assertEqual(stats.dead_fraction(pre, 'tanh', 1), 0.0)
        self.assertEqual(stats.dead_fraction(np.zeros((5, 4)), 'elu', -1), 1.0)  # 0 is not positive

    def test_activation_ranges_are_the_labs(self):
        self.assertEqual(
            (stats.nice_ceiling(0.3), stats.nice_ceiling(7), stats.nice_ceiling(2)), (0.5, 10, 2)
        )
        self.assertEqual(stats.activation_range('tanh', 40), (-1.0, 1.0))
        self.assertEqual(stats.activation_range('relu', 1.0), (0.0, 5.0))
        self.assertEqual(stats.activation_range('leaky-relu', 3.0), (-1.0, 10.0))
        self.assertEqual(stats.activation_range('linear', 0.1), (-5.0, 5.0))


if __name__ == '__main__':
    unittest.main()
