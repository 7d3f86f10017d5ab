import os

import matplotlib
import pytest

# Tests draw off-screen unless a test sets up a display of its own.
if not os.environ.get("EIGENVUE_TEST_DISPLAY"):
    matplotlib.use("Agg")


@pytest.fixture
def fixture_algorithm():
    """The framework tests' own algorithm (``tests/fixture_plugin``), registered for one test.

    Registered as a plugin under its own name and unregistered afterwards, even when
    the test fails, so no other test sees it.
    """
    from tests.plugin_support import fixture_registered

    with fixture_registered() as algorithm:
        yield algorithm
