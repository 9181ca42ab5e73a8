"""core.kde's strip-wise convolution equals one whole convolution (pure, no QGIS)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import signal

from industri_rumahan_plugin.core import kde


@pytest.mark.parametrize("strip_rows", [1, 7, 37, 256])
def test_strips_equal_the_whole_convolution(strip_rows):
    rng = np.random.default_rng(5)
    grid = rng.poisson(0.3, (123, 91)).astype(float)
    stamp = kde.kernel_stamp("quartic", 450.0, 100.0)  # 11 x 11: strips thinner than it too
    whole = signal.oaconvolve(grid, stamp, mode="same")
    strips = kde.convolve_strips(grid, stamp, strip_rows=strip_rows)
    assert strips.dtype == np.float32 and strips.shape == grid.shape
    np.testing.assert_allclose(strips, whole, rtol=1e-5, atol=1e-12)


def test_cancelled_convolution_returns_none_and_density_grid_too():
    calls = []

    def cancel_second(fraction: float) -> bool:
        calls.append(fraction)
        return len(calls) == 2

    grid = np.ones((600, 40))
    assert kde.convolve_strips(grid, np.ones((3, 3)), 256, cancel_second) is None
    assert calls == [0.0, 256 / 600]
    xy = np.array([[0.0, 0.0], [50_000.0, 80_000.0]])
    assert kde.density_grid(xy, 1000.0, 100.0, progress=lambda f: f > 0.5) is None


def test_density_grid_keeps_the_mass_in_float32():
    rng = np.random.default_rng(9)
    xy = rng.normal(0, 3000, (5000, 2))
    grid = kde.density_grid(xy, 1500.0, 100.0, "epanechnikov")
    assert grid.values.dtype == np.float32
    assert grid.values.sum(dtype=np.float64) * 0.1 * 0.1 == pytest.approx(5000, rel=1e-6)
