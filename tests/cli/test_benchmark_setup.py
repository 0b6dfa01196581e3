"""The benchmarks the README tells how to run start: they build what they measure on."""


def test_the_scan_benchmark_builds_its_database(tmp_path):
    """`python -m benchmarks scan` first builds its till database (README, Benchmarks)."""
    from sqlalchemy import create_engine, text

    from benchmarks.scan_to_screen import cached_database

    path = cached_database(200, cache_dir=tmp_path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM staff")).scalar_one() >= 2
    engine.dispose()
