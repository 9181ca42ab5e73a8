"""core.clusters: QGIS's cluster rule by hand, and the majority class with its tie rule."""

from __future__ import annotations

from industri_rumahan_plugin.core import clusters


def test_points_within_the_square_of_a_first_point_join_its_cluster():
    points = [(1, 0.0, 0.0), (2, 0.9, 0.0), (3, 0.0, -1.0), (4, 5.0, 5.0)]
    assert clusters.clusters(points, 1.0) == [[1, 2, 3], [4]]


def test_the_square_is_measured_from_the_first_point_not_the_moving_centre():
    # after 1 and 2 the centre is at x=0.9, but 3 (x=1.9) is 1.9 from the first point: new
    points = [(1, 0.0, 0.0), (2, 1.8, 0.0), (3, 1.9, 0.0)]
    assert clusters.clusters(points, 1.0) == [[1], [2, 3]]
    points = [(1, 0.0, 0.0), (2, 1.0, 0.0), (3, 1.0, 1.0)]  # the square's corner: inside
    assert clusters.clusters(points, 1.0) == [[1, 2, 3]]


def test_a_point_in_two_squares_joins_the_nearest_running_centre():
    # clusters A (first at 0) and B (first at 3); A's centre moved to -0.5 with point 2
    points = [(1, 0.0, 0.0), (2, -1.0, 0.0), (3, 3.0, 0.0), (4, 1.6, 0.0)]
    # 4 is within 2 of both first points; A's centre -0.5 is 2.1 away, B's 3.0 is 1.4 away
    assert clusters.clusters(points, 2.0) == [[1, 2], [3, 4]]


def test_the_order_of_drawing_decides_like_qgis():
    assert clusters.clusters([(1, 0.0, 0.0), (2, 1.5, 0.0), (3, 3.0, 0.0)], 1.5) == [
        [1, 2], [3]]
    assert clusters.clusters([(2, 1.5, 0.0), (1, 0.0, 0.0), (3, 3.0, 0.0)], 1.5) == [
        [2, 1, 3]]


def test_majority_and_its_ties():
    order = ("pemula", "berkembang", "maju")
    assert clusters.majority(["maju", "pemula", "maju"], order) == "maju"
    assert clusters.majority(["maju", "pemula"], order) == "pemula"  # tie: catalogue order
    assert clusters.majority(["x", "y", None, "y", ""], order) == "y"
    assert clusters.majority(["x", "y"], order) == "x"  # tie, both unknown: first met
    assert clusters.majority([None, ""], order) is None


def test_majority_by_first_member_skips_lone_points():
    groups = [[7, 8, 9], [10]]
    codes = {7: "pemula", 8: "maju", 9: "maju", 10: "pemula"}
    assert clusters.majority_by_first(groups, codes, ("pemula", "maju")) == {7: "maju"}
