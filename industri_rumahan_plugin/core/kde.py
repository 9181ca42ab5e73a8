"""Kernel density of points on a raster grid in metres, correctly normalised (pure).

Each kernel integrates to 1 over the plane, so the density (per km²) integrates to the number
of points, or to the total weight. QGIS 3.22's quartic "scaled" output is 7.25 times too large
(QGIS issue 60616); the discrete kernel here is rescaled so the raster's sum times the pixel
area is exactly the total weight. Points are spread to the four nearest pixel centres
(bilinear, mass- and centre-preserving) and the grid is convolved with the kernel stamp.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import signal

KERNELS = ("quartic", "epanechnikov", "gaussian")
#: The Gaussian's standard deviation as a share of the radius (truncated at the radius).
GAUSSIAN_SIGMA = 1.0 / 3.0


def kernel_values(kernel: str, distance: np.ndarray, radius: float) -> np.ndarray:
    """Continuous 2-D kernel density (per unit²) at ``distance`` for a support ``radius``."""
    d = np.asarray(distance, dtype=float)
    u2 = (d / radius) ** 2
    inside = u2 <= 1.0
    h2 = radius * radius
    if kernel == "quartic":
        k = 3.0 / (np.pi * h2) * (1.0 - u2) ** 2
    elif kernel == "epanechnikov":
        k = 2.0 / (np.pi * h2) * (1.0 - u2)
    elif kernel == "gaussian":
        s2 = (GAUSSIAN_SIGMA * radius) ** 2
        mass = 1.0 - np.exp(-1.0 / (2.0 * GAUSSIAN_SIGMA**2))  # share within the radius
        k = np.exp(-(d * d) / (2.0 * s2)) / (2.0 * np.pi * s2 * mass)
    else:
        raise ValueError(f"unknown kernel {kernel!r}")
    return np.where(inside, k, 0.0)


def kernel_stamp(kernel: str, radius: float, pixel: float) -> np.ndarray:
    """The kernel sampled at pixel centres, rescaled so ``stamp.sum() * pixel**2 == 1``."""
    r = int(np.ceil(radius / pixel))
    off = np.arange(-r, r + 1) * pixel
    d = np.hypot(off[None, :], off[:, None])
    stamp = kernel_values(kernel, d, radius)
    total = stamp.sum() * pixel * pixel
    if total <= 0:  # radius below half a pixel: all mass in the centre pixel
        stamp = np.zeros_like(stamp)
        stamp[r, r] = 1.0 / (pixel * pixel)
        return stamp
    return stamp / total


@dataclass
class Grid:
    """A north-up raster: ``values[row, col]``, row 0 at the top (``y_max``)."""

    values: np.ndarray
    x_min: float
    y_max: float
    pixel: float

    @property
    def shape(self) -> tuple[int, int]:
        return self.values.shape

    def geotransform(self) -> tuple[float, float, float, float, float, float]:
        return (self.x_min, self.pixel, 0.0, self.y_max, 0.0, -self.pixel)


def grid_extent(
    xy: np.ndarray, radius: float, pixel: float
) -> tuple[float, float, int, int]:
    """(x_min, y_max, rows, cols): the points' box grown by the radius and one pixel."""
    pad = radius + pixel
    x_min = float(np.floor((xy[:, 0].min() - pad) / pixel) * pixel)
    y_min = float(np.floor((xy[:, 1].min() - pad) / pixel) * pixel)
    x_max = float(xy[:, 0].max() + pad)
    y_max_raw = float(xy[:, 1].max() + pad)
    cols = int(np.ceil((x_max - x_min) / pixel)) + 1
    rows = int(np.ceil((y_max_raw - y_min) / pixel)) + 1
    return x_min, y_min + rows * pixel, rows, cols


def density_grid(
    xy: np.ndarray,
    radius: float,
    pixel: float,
    kernel: str = "quartic",
    weights: np.ndarray | None = None,
    max_cells: int = 400_000_000,
    progress: Callable[[float], bool] | None = None,
) -> Grid | None:
    """Density per km² (float32) of points (metric ``xy``) on a grid covering them plus the
    radius; None when ``progress(fraction)`` returned True (cancelled)."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    ok = np.isfinite(xy).all(axis=1)
    w = np.ones(len(xy)) if weights is None else np.asarray(weights, dtype=float)
    ok &= np.isfinite(w)
    xy, w = xy[ok], w[ok]
    if radius <= 0 or pixel <= 0:
        raise ValueError("radius and pixel size must be positive")
    if len(xy) == 0:
        raise ValueError("no points to estimate a density from")
    x_min, y_max, rows, cols = grid_extent(xy, radius, pixel)
    if rows * cols > max_cells:
        raise ValueError(
            f"the raster would have {rows} x {cols} pixels; use a larger pixel size"
        )
    # continuous pixel-centre index; row counts down from the top
    fc = (xy[:, 0] - x_min) / pixel - 0.5
    fr = (y_max - xy[:, 1]) / pixel - 0.5
    c0 = np.floor(fc).astype(np.int64)
    r0 = np.floor(fr).astype(np.int64)
    tc = fc - c0
    tr = fr - r0
    binned = np.zeros(rows * cols)
    for dr, dc, share in (
        (0, 0, (1 - tr) * (1 - tc)), (0, 1, (1 - tr) * tc),
        (1, 0, tr * (1 - tc)), (1, 1, tr * tc),
    ):
        binned += np.bincount((r0 + dr) * cols + (c0 + dc), weights=w * share,
                              minlength=rows * cols)
    del fc, fr, c0, r0, tc, tr
    density = convolve_strips(binned.reshape(rows, cols), kernel_stamp(kernel, radius, pixel),
                              progress=progress)
    if density is None:
        return None
    np.clip(density, 0.0, None, out=density)
    # FFT round-off: restore the exact total mass (per m² -> per km²)
    mass = density.sum(dtype=np.float64) * pixel * pixel
    if mass > 0:
        density *= np.float32(w.sum() / mass * 1e6)
    return Grid(density, x_min, y_max, pixel)


def convolve_strips(
    grid: np.ndarray,
    stamp: np.ndarray,
    strip_rows: int = 256,
    progress: Callable[[float], bool] | None = None,
) -> np.ndarray | None:
    """``oaconvolve(grid, stamp, mode="same")`` as float32, computed in strips of rows.

    The FFT's work arrays stay the size of a strip: a national grid at 1 km convolved at once
    needs about 1 GB. ``stamp`` is square with an odd side; ``progress(fraction)`` may return
    True to cancel (then None is returned).
    """
    half = stamp.shape[0] // 2
    rows = grid.shape[0]
    out = np.empty(grid.shape, dtype=np.float32)
    for top in range(0, rows, strip_rows):
        if progress is not None and progress(top / rows):
            return None
        bottom = min(top + strip_rows, rows)
        low, high = max(top - half, 0), min(bottom + half, rows)
        part = signal.oaconvolve(grid[low:high], stamp, mode="same")
        out[top:bottom] = part[top - low:bottom - low]
    return out
