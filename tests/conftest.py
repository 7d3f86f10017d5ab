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
    import eigenvue
    from eigenvue import plugins
    from tests import fixture_plugin

    pm = plugins.get_plugin_manager()
    pm.register(fixture_plugin, name=fixture_plugin.PLUGIN_NAME)
    try:
        yield eigenvue.get_algorithm(fixture_plugin.ID)
    finally:
        pm.unregister(name=fixture_plugin.PLUGIN_NAME)
