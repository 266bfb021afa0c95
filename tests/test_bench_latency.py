"""The benchmark tells query runs apart as Neo4j's plan cache does (bench/latency.py)."""

from bench.latency import p95, plan_key


def test_plan_key_buckets_string_sizes_by_powers_of_ten() -> None:
    assert plan_key({"body": "org:sdu"}) == plan_key({"body": "org:ngc"})  # 7 characters: bucket 10
    assert plan_key({"body": "org:sdu"}) != plan_key({"body": "org:ssi-aaaa"})  # 12: bucket 100
    assert plan_key({"body": "org:ssi-aaaa"}) == plan_key({"body": "x" * 100})
    assert plan_key({"body": "x" * 100}) != plan_key({"body": "x" * 101})


def test_plan_key_tells_null_parameters_and_types_apart() -> None:
    assert plan_key({"person": "person:a"}) != plan_key({"body": "person:a"})
    assert plan_key({"person": "p"}) != plan_key({"person": ""})  # sizes 0 and 1 are exact
    assert plan_key({"limit": 5}) == plan_key({"limit": 500})
    assert plan_key({"ids": ["a"] * 3}) != plan_key({"ids": ["a"] * 30})


def test_p95_is_within_the_observed_range() -> None:
    samples = [float(n) for n in range(1, 101)]
    assert p95(samples) == 95.05
    assert p95([3.0, 3.0]) == 3.0
